using Stm32NanoUpdater.Agent.Platform;

namespace Stm32NanoUpdater.Simulation.Device;

/// <summary>A software reset: RAM and the running program are gone, the supply (and so the RTC backup registers) stays.</summary>
public sealed class SimulatedRebooter : IRebooter
{
    public void Reboot() => throw new RebootRequestedException();
}
