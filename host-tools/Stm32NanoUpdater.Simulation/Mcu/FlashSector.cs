namespace Stm32NanoUpdater.Simulation.Mcu;

/// <summary>One sector of the MCU's internal flash: its number (as RM0410 numbers it), start address and size.</summary>
public sealed record FlashSector(int Number, uint Address, int Size)
{
    public uint End => Address + (uint)Size;

    public bool Contains(uint address) => address >= Address && address < End;
}
