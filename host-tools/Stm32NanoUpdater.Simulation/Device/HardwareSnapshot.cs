using Stm32NanoUpdater.Simulation.Mcu;
using Stm32NanoUpdater.Simulation.Nor;

namespace Stm32NanoUpdater.Simulation.Device;

/// <summary>
/// Everything of a board that survives between two boots: both flashes (copy-on-write), the RTC backup registers,
/// the virtual time and the operation counters power cuts are numbered by.
/// </summary>
public sealed record HardwareSnapshot(
    NorChipSnapshot Nor, NorBusCounters NorCounters, InternalFlashSnapshot Internal, uint[] BackupRegisters, long Microseconds);
