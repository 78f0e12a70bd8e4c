using Stm32NanoUpdater.Agent.Platform;

namespace Stm32NanoUpdater.Nano.Platform
{
    /// <summary>RTC backup registers through nanoFramework.Hardware.Stm32.BackupMemory (byte positions, 4 per register).</summary>
    public sealed class Stm32BackupRegisters : IBackupRegisters
    {
        public uint Read(int index)
        {
            return nanoFramework.Hardware.Stm32.BackupMemory.ReadUInt32((uint)(index * 4));
        }

        public void Write(int index, uint value)
        {
            nanoFramework.Hardware.Stm32.BackupMemory.WriteUInt32((uint)(index * 4), value);
        }
    }
}
