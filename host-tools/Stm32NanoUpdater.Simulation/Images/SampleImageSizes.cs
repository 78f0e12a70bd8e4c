namespace Stm32NanoUpdater.Simulation.Images;

/// <summary>
/// Payload sizes of the sample images. The defaults are what this board really carries: a networking nanoCLR build for
/// the F769 (the nanoCLR region is 704 KiB) and a managed application with its libraries (mscorlib, networking, JSON,
/// the updater itself) in the deployment region.
/// </summary>
public sealed record SampleImageSizes(int NanoClrBytes, int DeploymentBytes)
{
    public static SampleImageSizes Default { get; } = new(600 * 1024, 296 * 1024);

    /// <summary>Small images for fault campaigns in tests: the same structure, a fraction of the operations.</summary>
    public static SampleImageSizes Small { get; } = new(40 * 1024, 24 * 1024);
}
