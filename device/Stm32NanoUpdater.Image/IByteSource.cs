namespace Stm32NanoUpdater.Image
{
    /// <summary>
    /// Random read access to an image wherever it lives (SPI NOR slot, file, array). Read fills exactly count bytes or
    /// throws; callers never ask for bytes beyond the length they were given together with the source.
    /// </summary>
    public interface IByteSource
    {
        void Read(int position, byte[] buffer, int offset, int count);
    }
}
