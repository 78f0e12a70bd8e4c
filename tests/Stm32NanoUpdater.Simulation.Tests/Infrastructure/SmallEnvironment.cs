using Stm32NanoUpdater.Simulation.Images;
using Stm32NanoUpdater.Simulation.Network;

namespace Stm32NanoUpdater.Simulation.Tests.Infrastructure;

/// <summary>
/// One simulation environment with small sample images (40 KiB nanoCLR, 24 KiB application: the same structure as the
/// real sizes, a fraction of the flash operations), shared by the tests of a class.
/// </summary>
public sealed class SmallEnvironment : IDisposable
{
    public SimulationEnvironment Environment { get; } = SimulationEnvironment.Create(SampleImageSizes.Small, LinkModel.Default);

    public void Dispose() => Environment.Dispose();
}
