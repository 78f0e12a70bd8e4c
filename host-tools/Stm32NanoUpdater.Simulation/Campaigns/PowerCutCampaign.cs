using System.Diagnostics;
using Stm32NanoUpdater.Simulation.Device;
using Stm32NanoUpdater.Simulation.Network;
using Stm32NanoUpdater.Simulation.Power;
using Stm32NanoUpdater.Simulation.Scenario;

namespace Stm32NanoUpdater.Simulation.Campaigns;

/// <summary>
/// Cuts the power before and in the middle of every flash operation of the whole story (download, install, confirm,
/// self-test failure, revert), or an evenly spread sample of them. A fault-free reference run keeps a snapshot of the
/// board before each boot; each cut replays one boot from its snapshot with the cut planned (the in-process server and
/// link make every replay identical, operation for operation), then powers the board up, lets it boot until its
/// application runs (the application doing only its boot duties), judges where it landed, and lets it carry on until
/// the update step is over, which must end exactly where a fault-free device ends. Cuts run in parallel.
/// </summary>
public sealed class PowerCutCampaign
{
    public const int MaxBootsToLand = 4;

    private readonly SimulationEnvironment _environment;
    private readonly ReleaseServer[] _servers;

    public PowerCutCampaign(SimulationEnvironment environment)
    {
        _environment = environment;
        _servers = Enumerable.Range(0, environment.Steps.Count).Select(environment.ServerForStep).ToArray();
        var server = new ReleaseServer();
        SimulatedDevice device = environment.NewModeledDevice(new BoardHardware(), server);
        Reference = ScenarioRunner.Run(environment, device, server, takeSnapshots: true);
        CutPoints = Reference.Segments.SelectMany(Cuts).ToArray();
        NorOperations = device.Board.NorBus.Counters.Operations;
        InternalOperations = device.Board.InternalFlash.Counters.Operations;
    }

    public ScenarioTrace Reference { get; }

    /// <summary>Every cut the story offers, in the order the operations happen.</summary>
    public IReadOnlyList<(SegmentTrace Segment, PowerCut Cut)> CutPoints { get; }

    public long NorOperations { get; }

    public long InternalOperations { get; }

    /// <summary>
    /// Runs <paramref name="count"/> cuts spread evenly over the cut points (all of them when null or larger), on up to
    /// <paramref name="parallelism"/> threads; <paramref name="progress"/> gets (done, total) now and then.
    /// </summary>
    public (PowerCutReport Report, IReadOnlyList<CutResult> Results) Run(int? count, int parallelism, Action<int, int>? progress = null,
        CancellationToken cancellation = default)
    {
        var stopwatch = Stopwatch.StartNew();
        int total = count is { } n && n < CutPoints.Count ? n : CutPoints.Count;
        var chosen = Enumerable.Range(0, total).Select(i => CutPoints[(int)((long)i * CutPoints.Count / total)]).ToArray();
        var results = new CutResult[chosen.Length];
        int done = 0;
        Parallel.For(0, chosen.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellation },
            i =>
            {
                results[i] = RunCut(chosen[i].Segment, chosen[i].Cut);
                int finished = Interlocked.Increment(ref done);
                if (finished % 64 == 0 || finished == chosen.Length)
                {
                    progress?.Invoke(finished, chosen.Length);
                }
            });
        PowerCutReport report = PowerCutReport.From(results, CutPoints.Count, NorOperations, InternalOperations, stopwatch.Elapsed.TotalSeconds);
        return (report, results);
    }

    /// <summary>Replays <paramref name="segment"/> with <paramref name="cut"/> planned, then judges the board.</summary>
    public CutResult RunCut(SegmentTrace segment, PowerCut cut)
    {
        string phase = Reference.PhaseOf(cut.Domain, cut.Operation)?.Name ?? "?";
        string step = segment.Step.Name;
        try
        {
            BoardHardware board = BoardHardware.FromSnapshot(segment.Start!);
            SimulatedDevice device = _environment.NewModeledDevice(board, _servers[segment.StepIndex]);
            device.Log.Step = step;
            board.ArmCut(cut);
            BootRecord cutRun = segment.WithBoot ? device.Boot(AppMode.Normal) : device.Poll(AppMode.Normal);
            if (!cutRun.PowerLost)
            {
                return new CutResult(cut, step, phase, false, CutLanding.Brick, null, 0, 0);
            }

            IReadOnlyList<BootRecord> landing = DeviceLifecycle.RunUntilRunning(device, true, AppMode.DutiesOnly, MaxBootsToLand);
            (CutLanding where, string? problem) = landing[^1].RebootRequested
                ? (CutLanding.Brick, $"still rebooting after {MaxBootsToLand} boots")
                : BoardInspector.Landing(device, segment.Step, landing[^1]);
            if (where != CutLanding.Brick)
            {
                DeviceLifecycle.RunUntilRunning(device, false, AppMode.Normal, ScenarioRunner.MaxSegmentsPerStep);
                string? lost = BoardInspector.EndStateProblem(device, segment.Step.ExpectedEnd);
                if (lost is not null)
                {
                    string landed = where switch
                    {
                        CutLanding.OldImage => "the old release",
                        CutLanding.NewImage => "the new release",
                        _ => "a mix of both",
                    };
                    (where, problem) = (CutLanding.Brick, $"landed on {landed} but then {lost}");
                }
            }

            long extra = device.Traffic.Now.BodyBytes - Reference.BodyBytesToStepEnd(segment);
            return new CutResult(cut, step, phase, true, where, problem, landing.Count, extra);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new CutResult(cut, step, phase, true, CutLanding.Brick, $"the simulation failed: {e.GetType().Name}: {e.Message}", 0, 0);
        }
    }

    private static IEnumerable<(SegmentTrace, PowerCut)> Cuts(SegmentTrace segment)
    {
        foreach (FlashDomain domain in new[] { FlashDomain.Nor, FlashDomain.Internal })
        {
            long first = (domain == FlashDomain.Nor ? segment.StartCounters.Nor.Operations : segment.StartCounters.Internal.Operations) + 1;
            long last = domain == FlashDomain.Nor ? segment.EndCounters.Nor.Operations : segment.EndCounters.Internal.Operations;
            for (long operation = first; operation <= last; operation++)
            {
                yield return (segment, new PowerCut(domain, operation, CutMoment.Before));
                yield return (segment, new PowerCut(domain, operation, CutMoment.Middle));
            }
        }
    }
}
