namespace Stm32NanoUpdater.Agent.Platform
{
    /// <summary>Restarts the device so nanoBooter's swap stage runs. A normal reboot: the durable request is in flash.</summary>
    public interface IRebooter
    {
        void Reboot();
    }
}
