namespace Stm32NanoUpdater.Agent.Transport
{
    /// <summary>Where downloaded bytes go, in order: the staging slot on the device.</summary>
    public interface IDownloadSink
    {
        void Write(byte[] buffer, int offset, int count);
    }
}
