namespace Stm32NanoUpdater.Simulation.Mcu;

/// <summary>What the internal flash has done so far: operations (programs + erases, the count power cuts aim at).</summary>
public readonly record struct InternalFlashCounters(long Operations, long Programs, long Erases, long BytesProgrammed)
{
    public static InternalFlashCounters operator -(InternalFlashCounters a, InternalFlashCounters b) =>
        new(a.Operations - b.Operations, a.Programs - b.Programs, a.Erases - b.Erases, a.BytesProgrammed - b.BytesProgrammed);
}
