namespace Stm32NanoUpdater.Agent.Storage
{
    /// <summary>The single-I/O SPI NOR instructions every JEDEC-compliant chip shares.</summary>
    internal static class NorOpcodes
    {
        public const byte WriteEnable = 0x06;
        public const byte ReadStatus = 0x05;
        public const byte ReadJedecId = 0x9F;
        public const byte ReadSfdp = 0x5A;
        public const byte Read = 0x03;
        public const byte PageProgram = 0x02;
        public const byte Read4Byte = 0x13;
        public const byte PageProgram4Byte = 0x12;
        public const byte Enter4ByteMode = 0xB7;
        public const byte ResetEnable = 0x66;
        public const byte Reset = 0x99;
        public const byte ReleasePowerDown = 0xAB;

        public const byte StatusBusy = 0x01;
        public const byte StatusWriteEnabled = 0x02;
    }
}
