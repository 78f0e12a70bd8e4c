namespace Stm32NanoUpdater.Simulation.Images;

/// <summary>
/// What a device runs after a release is installed: one image per region. An update to it publishes only the images
/// that changed (<see cref="Published"/>).
/// </summary>
public sealed record SampleRelease(string Name, SampleImage NanoClr, SampleImage Deployment, IReadOnlyList<SampleImage> Published)
{
    public override string ToString() => $"{Name} ({NanoClr.Name}, {Deployment.Name})";
}
