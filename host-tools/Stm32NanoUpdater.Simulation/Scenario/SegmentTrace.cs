using Stm32NanoUpdater.Simulation.Device;

namespace Stm32NanoUpdater.Simulation.Scenario;

/// <summary>
/// One boot (or poll) of a reference run: the board's state just before it (when snapshots were taken), the counters
/// at its start and end, and what it did. Power cuts are replayed from <see cref="Start"/>.
/// </summary>
public sealed record SegmentTrace(int Index, int StepIndex, ScenarioStep Step, bool WithBoot, HardwareSnapshot? Start,
    DeviceCounters StartCounters, DeviceCounters EndCounters, BootRecord Record);
