namespace Stm32NanoUpdater.Simulation.Mcu;

/// <summary>
/// The content and counters of an <see cref="Stm32F76xFlash"/> at one moment. Sector arrays are shared with the flash
/// copy-on-write, so taking and restoring a snapshot copies nothing.
/// </summary>
public sealed class InternalFlashSnapshot
{
    internal InternalFlashSnapshot(byte[][] sectors, int[] eraseCounts, InternalFlashCounters counters)
    {
        Sectors = sectors;
        EraseCounts = eraseCounts;
        Counters = counters;
    }

    internal byte[][] Sectors { get; }

    internal int[] EraseCounts { get; }

    public InternalFlashCounters Counters { get; }
}
