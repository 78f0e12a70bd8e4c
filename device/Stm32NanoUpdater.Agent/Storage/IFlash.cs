namespace Stm32NanoUpdater.Agent.Storage
{
    /// <summary>
    /// NOR flash as the staging code sees it: programming only clears bits, erasing sets a whole erase unit to 0xFF.
    /// Implemented by the SPI NOR driver on the device and by in-memory flashes in tests.
    /// </summary>
    public interface IFlash
    {
        /// <summary>Capacity in bytes.</summary>
        int Size { get; }

        /// <summary>The smallest erase unit in bytes; <see cref="Erase"/> takes multiples of it.</summary>
        int EraseUnit { get; }

        void Read(int address, byte[] buffer, int offset, int count);

        /// <summary>Programs any number of bytes at any address (the implementation splits at page boundaries).</summary>
        void Program(int address, byte[] buffer, int offset, int count);

        /// <summary>Erases [address, address + length); both must be multiples of <see cref="EraseUnit"/>.</summary>
        void Erase(int address, int length);
    }
}
