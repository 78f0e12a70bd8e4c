using Stm32NanoUpdater.Simulation.Device;
using Stm32NanoUpdater.Simulation.Scenario;

namespace Stm32NanoUpdater.Simulation.Demo;

/// <summary>Follows a demo as it runs (called on the simulation's thread).</summary>
public interface IDemoObserver
{
    void Prepared(DemoSetup setup);

    void StepStarting(ScenarioStep step);

    void PhaseEnded(PhaseRecord phase);

    /// <summary>An image being staged: bytes in the slot so far, its span, and the device's clock.</summary>
    void DownloadProgress(string image, int position, int length, long deviceMicroseconds);
}
