using Stm32NanoUpdater.Simulation.Mcu;
using Stm32NanoUpdater.Simulation.Network;
using Stm32NanoUpdater.Simulation.Nor;

namespace Stm32NanoUpdater.Simulation.Device;

/// <summary>A reading of everything a simulated device counts; the difference of two readings is what happened between.</summary>
public readonly record struct DeviceCounters(long Microseconds, NorBusCounters Nor, InternalFlashCounters Internal, Traffic Traffic)
{
    public static DeviceCounters operator -(DeviceCounters a, DeviceCounters b) =>
        new(a.Microseconds - b.Microseconds, a.Nor - b.Nor, a.Internal - b.Internal, a.Traffic - b.Traffic);

    public static DeviceCounters operator +(DeviceCounters a, DeviceCounters b) => new(
        a.Microseconds + b.Microseconds,
        new NorBusCounters(a.Nor.Operations + b.Nor.Operations, a.Nor.Programs + b.Nor.Programs, a.Nor.Erases + b.Nor.Erases,
            a.Nor.BytesProgrammed + b.Nor.BytesProgrammed, a.Nor.BytesRead + b.Nor.BytesRead),
        new InternalFlashCounters(a.Internal.Operations + b.Internal.Operations, a.Internal.Programs + b.Internal.Programs,
            a.Internal.Erases + b.Internal.Erases, a.Internal.BytesProgrammed + b.Internal.BytesProgrammed),
        a.Traffic + b.Traffic);
}
