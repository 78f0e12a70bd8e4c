namespace Stm32NanoUpdater.Image
{
    /// <summary>
    /// Streaming SHA-256. The device uses <see cref="Sha256"/>; the host may plug in a faster implementation.
    /// </summary>
    public interface ISha256
    {
        void Reset();

        void Update(byte[] data, int offset, int count);

        /// <summary>Writes the 32-byte digest at output[offset] and resets for the next message.</summary>
        void Finish(byte[] output, int offset);
    }
}
