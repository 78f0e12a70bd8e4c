using Stm32NanoUpdater.Agent.Staging;

namespace Stm32NanoUpdater.Simulation.Device;

/// <summary>Where the simulated product's release server publishes the latest image of each kind.</summary>
public static class ReleasePaths
{
    public const string NanoClr = "/releases/latest/nanoclr.bin";
    public const string Deployment = "/releases/latest/deployment.bin";

    public static string For(ImageKind kind) => kind == ImageKind.NanoClr ? NanoClr : Deployment;
}
