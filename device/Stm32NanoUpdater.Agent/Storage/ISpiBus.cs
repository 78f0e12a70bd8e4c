namespace Stm32NanoUpdater.Agent.Storage
{
    /// <summary>
    /// One device on an SPI bus. A NOR command and its data phase must share one chip-select period, and that is all
    /// nanoFramework's SpiDevice offers without driving chip select by hand: one full-duplex transfer.
    /// </summary>
    public interface ISpiBus
    {
        /// <summary>
        /// Asserts chip select, clocks out <paramref name="buffer"/>[offset, offset + count) while clocking in the same
        /// number of bytes into that same range, then releases chip select.
        /// </summary>
        void Transfer(byte[] buffer, int offset, int count);
    }
}
