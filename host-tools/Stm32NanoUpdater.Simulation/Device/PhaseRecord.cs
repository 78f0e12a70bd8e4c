namespace Stm32NanoUpdater.Simulation.Device;

/// <summary>
/// One phase of a device's life as measured: which update step it belongs to ("v2"), what it was ("download",
/// "install", "confirm", ...), the counters at its start and end, a one-line account of what happened and a few words
/// for a summary table.
/// </summary>
public sealed record PhaseRecord(string Step, string Name, DeviceCounters Start, DeviceCounters End, string Detail, string Summary,
    bool PowerLost)
{
    public DeviceCounters Cost => End - Start;
}
