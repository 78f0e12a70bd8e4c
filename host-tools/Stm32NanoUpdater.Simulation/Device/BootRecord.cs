using Stm32NanoUpdater.Simulation.Native;

namespace Stm32NanoUpdater.Simulation.Device;

/// <summary>
/// One boot (or one application poll without a boot, <see cref="Booted"/> false): what the swap stage did, what
/// launched, what the application did, and whether the supply failed on the way.
/// </summary>
public sealed record BootRecord(bool Booted, StageRunReport? Stage, LaunchResult? Launch, AppOutcome? App, bool PowerLost)
{
    public bool RebootRequested => App?.RebootRequested == true;
}
