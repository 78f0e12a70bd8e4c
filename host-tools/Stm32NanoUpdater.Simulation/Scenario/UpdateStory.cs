using Stm32NanoUpdater.Simulation.Images;

namespace Stm32NanoUpdater.Simulation.Scenario;

/// <summary>
/// The story every demo and campaign plays: a board flashed with v1 at the factory powers up, finds v2 (new nanoCLR and
/// application) and installs, boots and confirms it; later it finds v3, whose application fails its self-test, so v3
/// is never confirmed and the swap stage reverts to v2.
/// </summary>
public static class UpdateStory
{
    public static IReadOnlyList<ScenarioStep> Steps(SampleImages images) =>
    [
        new ScenarioStep("v2", images.V1, images.V2, images.V2, StartsWithBoot: true),
        new ScenarioStep("v3", images.V2, images.V3, images.V2, StartsWithBoot: false),
    ];
}
