namespace Stm32NanoUpdater.Simulation.Device;

/// <summary>What the simulated application does after it starts.</summary>
public enum AppMode
{
    /// <summary>Its boot duties (confirm a TEST image that passes its self-test, give up one that fails), then look for updates and stage them.</summary>
    Normal,

    /// <summary>Its boot duties only: used to see where a board lands after a power cut before it updates again.</summary>
    DutiesOnly,
}
