namespace Stm32NanoUpdater.Simulation.Nor;

/// <summary>
/// A <see cref="SpiNorChipModel"/>'s array, erase counts and operation count at one moment, for restoring a board to a
/// known state many times (power-cut campaigns). The sector arrays are shared copy-on-write and never changed.
/// </summary>
public sealed class NorChipSnapshot
{
    internal NorChipSnapshot(Dictionary<long, byte[]> sectors, Dictionary<long, int> eraseCounts, int operationCount)
    {
        Sectors = sectors;
        EraseCounts = eraseCounts;
        OperationCount = operationCount;
    }

    internal IReadOnlyDictionary<long, byte[]> Sectors { get; }

    internal IReadOnlyDictionary<long, int> EraseCounts { get; }

    public int OperationCount { get; }
}
