namespace Stm32NanoUpdater.Agent.Transport
{
    /// <summary>Reports that the first <paramref name="position"/> bytes of <paramref name="length"/> are downloaded.</summary>
    public delegate void DownloadProgressHandler(int position, int length);
}
