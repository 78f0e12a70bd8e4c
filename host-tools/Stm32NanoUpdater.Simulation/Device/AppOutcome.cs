using Stm32NanoUpdater.Agent.Update;

namespace Stm32NanoUpdater.Simulation.Device;

/// <summary>What one run of the simulated application did.</summary>
public sealed record AppOutcome(bool Confirmed, bool GaveUp, IReadOnlyList<UpdateResult> Checks, IReadOnlyList<UpdateResult> Stages,
    bool RebootRequested)
{
    /// <summary>The run changed nothing and asked for nothing: the device just keeps running.</summary>
    public bool Quiet => !Confirmed && !GaveUp && Stages.Count == 0 && !RebootRequested;
}
