namespace Stm32NanoUpdater.Agent.Storage
{
    /// <summary>How to drive a particular NOR chip: everything the driver learns from the chip's SFDP tables.</summary>
    public sealed class NorParameters
    {
        public NorParameters(
            int size,
            int pageSize,
            int addressBytes,
            bool enterFourByteMode,
            bool enterFourByteNeedsWriteEnable,
            byte readOpcode,
            byte programOpcode,
            int pageProgramTimeoutMilliseconds,
            EraseType[] eraseTypes,
            bool softResetSupported)
        {
            Size = size;
            PageSize = pageSize;
            AddressBytes = addressBytes;
            EnterFourByteMode = enterFourByteMode;
            EnterFourByteNeedsWriteEnable = enterFourByteNeedsWriteEnable;
            ReadOpcode = readOpcode;
            ProgramOpcode = programOpcode;
            PageProgramTimeoutMilliseconds = pageProgramTimeoutMilliseconds;
            EraseTypes = eraseTypes;
            SoftResetSupported = softResetSupported;
        }

        /// <summary>Capacity in bytes.</summary>
        public int Size { get; }

        public int PageSize { get; }

        /// <summary>3, or 4 for chips larger than 16 MiB.</summary>
        public int AddressBytes { get; }

        /// <summary>
        /// True when the chip has no 4-byte instruction set and must be switched into 4-byte address mode (after every
        /// reset); false when 3-byte addresses suffice or dedicated 4-byte opcodes are used.
        /// </summary>
        public bool EnterFourByteMode { get; }

        public bool EnterFourByteNeedsWriteEnable { get; }

        public byte ReadOpcode { get; }

        public byte ProgramOpcode { get; }

        public int PageProgramTimeoutMilliseconds { get; }

        /// <summary>The usable erase instructions, smallest first.</summary>
        public EraseType[] EraseTypes { get; }

        /// <summary>The chip resets on 66h (reset enable) followed by 99h (reset).</summary>
        public bool SoftResetSupported { get; }

        /// <summary>The smallest erase unit.</summary>
        public int EraseUnit
        {
            get { return EraseTypes[0].Size; }
        }
    }
}
