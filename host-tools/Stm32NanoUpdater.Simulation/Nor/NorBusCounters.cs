namespace Stm32NanoUpdater.Simulation.Nor;

/// <summary>
/// What crossed the bus to the NOR: operations (programs + erases, the count power cuts aim at), and the bytes
/// programmed and read (data phases only).
/// </summary>
public readonly record struct NorBusCounters(long Operations, long Programs, long Erases, long BytesProgrammed, long BytesRead)
{
    public static NorBusCounters operator -(NorBusCounters a, NorBusCounters b) => new(
        a.Operations - b.Operations, a.Programs - b.Programs, a.Erases - b.Erases, a.BytesProgrammed - b.BytesProgrammed,
        a.BytesRead - b.BytesRead);
}
