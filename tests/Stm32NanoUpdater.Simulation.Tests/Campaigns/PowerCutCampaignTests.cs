using Stm32NanoUpdater.Simulation.Campaigns;
using Stm32NanoUpdater.Simulation.Power;
using Stm32NanoUpdater.Simulation.Scenario;
using Stm32NanoUpdater.Simulation.Tests.Infrastructure;

namespace Stm32NanoUpdater.Simulation.Tests.Campaigns;

/// <summary>
/// Power cut before and in the middle of every flash operation of the whole story (small images: every cut point, a few
/// thousand), each followed by boots and the rest of the update. No brick is allowed.
/// </summary>
[Collection(WholeMachineCollection.Name)]
public sealed class PowerCutCampaignTests(SmallEnvironment fixture) : IClassFixture<SmallEnvironment>
{
    private readonly SimulationEnvironment _environment = fixture.Environment;

    [Fact]
    public void Every_cut_of_the_story_lands_on_a_valid_release_and_the_update_then_completes()
    {
        var campaign = new PowerCutCampaign(_environment);
        (PowerCutReport report, IReadOnlyList<CutResult> results) = campaign.Run(null, Environment.ProcessorCount);

        Assert.True(report.Exhaustive);
        Assert.True(report.CutsTried > 2000, $"{report.CutsTried} cuts");
        Assert.Equal(2 * (report.NorOperations + report.InternalOperations), report.CutsTried);
        Assert.Equal(0, report.NotReached);
        Assert.True(report.Bricks == 0, string.Join("\n", report.BrickSamples.Select(b => $"{b.Step} {b.Phase} {b.Cut}: {b.Problem}")));
        Assert.True(report.EndedOld > 0 && report.EndedNew > 0);
        Assert.True(report.MaxBootsToLand <= 2);

        // Every phase of the story was cut into.
        var phases = report.CutsByPhase.Select(p => (p.Step, p.Phase)).ToHashSet();
        foreach (var phase in new[] { ("v2", "download"), ("v2", "install"), ("v2", "confirm"), ("v3", "download"), ("v3", "install"),
                     ("v3", "self-test failed"), ("v3", "revert") })
        {
            Assert.Contains(phase, phases);
        }

        // Cuts during the v2 install always finish it (the backup is taken first); cuts during the v3 revert always end on v2.
        Assert.All(results.Where(r => r is { Step: "v2", Phase: "install" }), r => Assert.Equal(CutLanding.NewImage, r.Landing));
        Assert.All(results.Where(r => r is { Step: "v3", Phase: "revert" }), r => Assert.Equal(CutLanding.OldImage, r.Landing));

        // Never a mixed release (one image new, one old): the two requests of a release form one tagged set, and a
        // confirm cut between the two records is finished by the stage (contract §3.1, §4).
        CutResult[] mixed = results.Where(r => r.Landing == CutLanding.Mixed).ToArray();
        Assert.True(mixed.Length == 0, string.Join(", ", mixed.Select(m => $"{m.Step} {m.Phase} {m.Cut}")));
        Assert.Equal(report.CutsTried, report.EndedOld + report.EndedNew);

        // A cut during a download costs at most two durable checkpoints (16 KiB each: one may be torn) plus the probes.
        Assert.InRange(report.MaxRedownloadAfterDownloadCut, 1, 2 * 16 * 1024 + 4096);
    }

    [Fact]
    public void A_sample_spreads_evenly_and_a_replayed_cut_is_judged_the_same()
    {
        var campaign = new PowerCutCampaign(_environment);
        (PowerCutReport report, IReadOnlyList<CutResult> results) = campaign.Run(50, 2);
        Assert.False(report.Exhaustive);
        Assert.Equal(50, report.CutsTried);
        Assert.Equal(50, results.Select(r => r.Cut).Distinct().Count());
        Assert.Contains(results, r => r.Step == "v3");

        var (segment, cut) = campaign.CutPoints.First(c => c.Cut.Domain == FlashDomain.Internal && c.Cut.Moment == CutMoment.Middle);
        CutResult once = campaign.RunCut(segment, cut);
        CutResult twice = campaign.RunCut(segment, cut);
        Assert.True(once.Reached);
        Assert.Equal(once, twice);
    }
}
