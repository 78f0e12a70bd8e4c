using Stm32NanoUpdater.Simulation.Images;

namespace Stm32NanoUpdater.Simulation.Scenario;

/// <summary>
/// One update in a device's story: the release it runs before, the release the server offers (<see cref="Target"/>,
/// its changed images <see cref="SampleRelease.Published"/>), and where a healthy device ends (<see cref="ExpectedEnd"/>:
/// the target, or the previous release again when the target fails its self-test). The step begins with a cold boot
/// (a board fresh from the factory) or with the running application polling the server.
/// </summary>
public sealed record ScenarioStep(string Name, SampleRelease Before, SampleRelease Target, SampleRelease ExpectedEnd, bool StartsWithBoot)
{
    public override string ToString() => $"{Name}: {Before.Name} → {Target.Name}";
}
