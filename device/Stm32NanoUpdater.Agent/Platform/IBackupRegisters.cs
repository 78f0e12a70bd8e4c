namespace Stm32NanoUpdater.Agent.Platform
{
    /// <summary>
    /// 32-bit RTC backup registers: they survive a software reset, and a power loss only with VBAT. Used for the
    /// non-durable boot hint of contract §9, never for anything that must survive.
    /// </summary>
    public interface IBackupRegisters
    {
        uint Read(int index);

        void Write(int index, uint value);
    }
}
