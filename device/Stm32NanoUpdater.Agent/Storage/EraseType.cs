namespace Stm32NanoUpdater.Agent.Storage
{
    /// <summary>One erase instruction of a NOR chip, as its SFDP table describes it.</summary>
    public sealed class EraseType
    {
        public EraseType(int size, byte opcode, int typicalMilliseconds, int maximumMilliseconds)
        {
            Size = size;
            Opcode = opcode;
            TypicalMilliseconds = typicalMilliseconds;
            MaximumMilliseconds = maximumMilliseconds;
        }

        /// <summary>Bytes erased by one instruction (a power of two; the address must be aligned to it).</summary>
        public int Size { get; }

        public byte Opcode { get; }

        /// <summary>Typical duration, used to choose the fastest way to erase a range.</summary>
        public int TypicalMilliseconds { get; }

        /// <summary>Maximum duration, used as the busy-polling timeout.</summary>
        public int MaximumMilliseconds { get; }
    }
}
