namespace Stm32NanoUpdater.Simulation.Scenario;

/// <summary>Where a board ends after a fault and the boots that follow it.</summary>
public enum CutLanding
{
    /// <summary>The release it ran before the update step.</summary>
    OldImage,

    /// <summary>The release the step installs.</summary>
    NewImage,

    /// <summary>
    /// One region on the new release, the other still on the old one: each runs a valid signed image (not a brick),
    /// and the device heals by updating the other region again.
    /// </summary>
    Mixed,

    /// <summary>Neither: it does not start, runs a mix, or lost something it needs (see the problem text).</summary>
    Brick,
}
