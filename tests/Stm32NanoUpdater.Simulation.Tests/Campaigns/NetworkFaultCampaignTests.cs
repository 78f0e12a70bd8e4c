using Stm32NanoUpdater.Simulation.Campaigns;
using Stm32NanoUpdater.Simulation.Tests.Infrastructure;

namespace Stm32NanoUpdater.Simulation.Tests.Campaigns;

[Collection(WholeMachineCollection.Name)]
public sealed class NetworkFaultCampaignTests(SmallEnvironment fixture) : IClassFixture<SmallEnvironment>
{
    [Fact]
    public void Every_network_fault_is_survived_and_costs_what_it_should()
    {
        NetworkFaultReport report = new NetworkFaultCampaign(fixture.Environment).Run(Environment.ProcessorCount);
        Assert.True(report.AllCompleted, string.Join("; ", report.Cases.Where(c => c.Completed != c.Runs).Select(c => c.Case)));
        NetworkFaultRow Case(string prefix) => report.Cases.Single(c => c.Case.StartsWith(prefix, StringComparison.Ordinal));

        // With Range honoured a dropped connection resumes from the next byte: nothing is downloaded twice.
        NetworkFaultRow once = Case("drop once");
        Assert.Equal(NetworkFaultCampaign.SingleDropOffsets, once.Runs);
        Assert.Equal(NetworkFaultCampaign.SingleDropOffsets, once.Drops);
        Assert.Equal(0, once.MaxExtraBytesPerDrop);
        NetworkFaultRow every = Case("drop every 16 KiB");
        Assert.True(every.Drops > 0);
        Assert.Equal(0, every.ExtraBytes);
        Assert.True(every.DownloadSeconds > report.Reference.DownloadSeconds); // retries wait

        // Without Range a drop restarts the file; the checks and the download read whole files (3 passes, not 4).
        NetworkFaultRow ignored = Case("Range ignored (200)");
        Assert.InRange(ignored.TrafficRatio, 2.5, 3.05);
        NetworkFaultRow ignoredWithDrops = Case("Range ignored + 3 drops");
        Assert.Equal(3, ignoredWithDrops.Drops);
        Assert.True(ignoredWithDrops.ExtraBytesPerDrop > 0);

        Assert.True(Case("slow server").DownloadSeconds > report.Reference.DownloadSeconds + 10 * 3 * 0.9);
        Assert.True(Case("3 requests unanswered").DownloadSeconds >= report.Reference.DownloadSeconds + 3 * 10);
        Assert.Equal(1, Case("5 × 5xx").Polls);
        Assert.True(Case("8 × 503").Polls >= 2); // beyond the retry budget: the release waits for the next poll
        Assert.Equal(0, Case("8 bodies cut").ExtraBytes);
    }
}
