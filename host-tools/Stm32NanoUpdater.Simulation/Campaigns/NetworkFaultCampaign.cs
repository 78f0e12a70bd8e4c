using System.Diagnostics;
using Stm32NanoUpdater.Simulation.Device;
using Stm32NanoUpdater.Simulation.Images;
using Stm32NanoUpdater.Simulation.Network;
using Stm32NanoUpdater.Simulation.Scenario;

namespace Stm32NanoUpdater.Simulation.Campaigns;

/// <summary>
/// Breaks the network under the v1 → v2 update in every way a field device meets: a connection dropped at many offsets
/// (once per run, and every 16 KiB in one run), 5xx answers within and beyond the agent's retry budget, a server that
/// ignores Range (with and without drops), bodies that end early, a slow server and requests that are never answered.
/// Each run starts from the factory board and lets the application poll (once a minute of device time) until the
/// update is installed and confirmed, then checks the board ends exactly as a fault-free one.
/// </summary>
public sealed class NetworkFaultCampaign(SimulationEnvironment environment)
{
    public const int SingleDropOffsets = 24;
    public const int MaxPolls = 6;
    private const long PollIntervalMicroseconds = 60_000_000;

    public NetworkFaultReport Run(int parallelism)
    {
        var stopwatch = Stopwatch.StartNew();
        Outcome reference = RunOnce(_ => { });
        SampleImage clr = environment.Steps[0].Target.NanoClr;
        SampleImage deployment = environment.Steps[0].Target.Deployment;
        var cases = new List<(string Name, Action<ServerFaults>[] Runs)>
        {
            ($"drop once ({SingleDropOffsets} offsets, 1 per run)",
                Enumerable.Range(1, SingleDropOffsets)
                    .Select(i => (Action<ServerFaults>)(f => f.DropAt(ReleasePaths.NanoClr, [(long)clr.Span * i / (SingleDropOffsets + 1)])))
                    .ToArray()),
            ("drop every 16 KiB",
                [f =>
                {
                    f.DropAt(ReleasePaths.NanoClr, Offsets(clr.Span, 16 * 1024));
                    f.DropAt(ReleasePaths.Deployment, Offsets(deployment.Span, 16 * 1024));
                }]),
            ("5 × 5xx in a row", [f => f.FailNext(503, 500, 502, 503, 504)]),
            ("8 × 503 (> retry budget)", [f => f.FailNext(503, 503, 503, 503, 503, 503, 503, 503)]),
            ("Range ignored (200)", [f => f.IgnoreRange = true]),
            ("Range ignored + 3 drops", [f =>
            {
                f.IgnoreRange = true;
                f.DropAt(ReleasePaths.NanoClr, [clr.Span / 4, clr.Span / 2, clr.Span * 3L / 4]);
            }]),
            ("8 bodies cut at 1000 B", [f => f.TruncateNext(8, 1000)]),
            ("slow server (3 s/answer)", [f => f.ThinkMicroseconds = 3_000_000]),
            ("3 requests unanswered", [f => f.StallNext(3)]),
        };

        var runs = cases.SelectMany((c, index) => c.Runs.Select(run => (Case: index, Configure: run))).ToArray();
        var outcomes = new Outcome[runs.Length];
        Parallel.For(0, runs.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) },
            i => outcomes[i] = RunOnce(runs[i].Configure));
        NetworkFaultRow[] rows = cases
            .Select((c, index) => Row(c.Name, outcomes.Where((_, i) => runs[i].Case == index).ToArray(), reference))
            .ToArray();
        return new NetworkFaultReport(Row("no fault", [reference], reference), rows, Math.Round(stopwatch.Elapsed.TotalSeconds, 1));
    }

    private Outcome RunOnce(Action<ServerFaults> configure)
    {
        ReleaseServer server = environment.ServerForStep(0);
        configure(server.Faults);
        int dropsPlanned = server.Faults.PendingDrops;
        var board = new BoardHardware();
        SimulatedDevice device = environment.NewModeledDevice(board, server);
        device.FlashAtFactory(environment.Steps[0].Before);
        device.Log.Step = environment.Steps[0].Name;
        bool completed = false;
        int polls = 0;
        while (!completed && polls < MaxPolls)
        {
            if (polls > 0)
            {
                board.Clock.Advance(PollIntervalMicroseconds);
            }

            DeviceLifecycle.RunUntilRunning(device, polls == 0, AppMode.Normal, ScenarioRunner.MaxSegmentsPerStep);
            polls++;
            completed = BoardInspector.EndStateProblem(device, environment.Steps[0].ExpectedEnd) is null;
        }

        long downloadMicroseconds = device.Log.Records.Where(p => p.Name is "check" or "download").Sum(p => p.Cost.Microseconds);
        return new Outcome(completed, dropsPlanned - server.Faults.PendingDrops, device.Traffic.Now, polls, downloadMicroseconds);
    }

    private static NetworkFaultRow Row(string name, Outcome[] outcomes, Outcome reference)
    {
        long extra(Outcome o) => o.Traffic.BodyBytes - reference.Traffic.BodyBytes;
        Outcome[] dropped = outcomes.Where(o => o.Drops > 0).ToArray();
        return new NetworkFaultRow(
            name,
            outcomes.Length,
            outcomes.Count(o => o.Completed),
            outcomes.Sum(o => o.Drops),
            (long)outcomes.Average(o => o.Traffic.BodyBytes),
            (long)outcomes.Average(extra),
            dropped.Length == 0 ? 0 : (long)dropped.Average(o => (double)extra(o) / o.Drops),
            dropped.Length == 0 ? 0 : dropped.Max(o => extra(o) / o.Drops),
            Math.Round(outcomes.Average(o => (double)o.Traffic.BodyBytes / reference.Traffic.BodyBytes), 2),
            (long)outcomes.Average(o => o.Traffic.Requests),
            outcomes.Max(o => o.Polls),
            Math.Round(outcomes.Average(o => o.DownloadMicroseconds) / 1e6, 2));
    }

    private static long[] Offsets(int span, int every) =>
        Enumerable.Range(1, (span - 1) / every).Select(i => (long)i * every).ToArray();

    private sealed record Outcome(bool Completed, int Drops, Traffic Traffic, int Polls, long DownloadMicroseconds);
}
