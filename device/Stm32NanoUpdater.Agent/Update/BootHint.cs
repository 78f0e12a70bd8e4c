using Stm32NanoUpdater.Agent.Platform;

namespace Stm32NanoUpdater.Agent.Update
{
    /// <summary>
    /// The non-durable "we rebooted to install" hint of contract §9: RTC backup register 0 = 0x4E555044 ("NUPD"),
    /// register 1 = kind mask (bit 0 nanoCLR, bit 1 deployment). Lost without VBAT; nothing relies on it.
    /// </summary>
    public sealed class BootHint
    {
        public const uint Magic = 0x4E555044;

        private readonly IBackupRegisters _registers;

        public BootHint(IBackupRegisters registers)
        {
            _registers = registers;
        }

        public void Set(int kindMask)
        {
            _registers.Write(1, (uint)kindMask);
            _registers.Write(0, Magic);
        }

        /// <summary>The kind mask of a present hint, 0 when there is none.</summary>
        public int Read()
        {
            return _registers.Read(0) == Magic ? (int)(_registers.Read(1) & 0x3) : 0;
        }

        public void Clear()
        {
            _registers.Write(0, 0);
        }

        public static int MaskOf(Staging.ImageKind kind)
        {
            return 1 << ((int)kind - 1);
        }
    }
}
