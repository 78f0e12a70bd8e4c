using Stm32NanoUpdater.Simulation.Scenario;

namespace Stm32NanoUpdater.Simulation.Campaigns;

/// <summary>
/// The power-cut campaign's figures: how many cuts were tried (before and in the middle of flash operations of the whole
/// story: download, install, confirm, revert), where the boards landed, bricks (must be 0), and what the cuts cost in
/// extra downloading. Serialized as is for `simulate --json`.
/// </summary>
public sealed record PowerCutReport
{
    public required int CutsTried { get; init; }

    /// <summary>Every cut point of the story was tried (not a sample).</summary>
    public required bool Exhaustive { get; init; }

    /// <summary>Cut points the story offers: before and in the middle of each NOR and internal flash operation.</summary>
    public required int CutPoints { get; init; }

    public required long NorOperations { get; init; }

    public required long InternalOperations { get; init; }

    public required int EndedOld { get; init; }

    public required int EndedNew { get; init; }

    /// <summary>Boards that came back on one image of the new release and one of the old (each valid and signed).</summary>
    public required int EndedMixed { get; init; }

    public required int Bricks { get; init; }

    /// <summary>Cuts whose operation the replay never reached (the simulation was not deterministic): must be 0.</summary>
    public required int NotReached { get; init; }

    /// <summary>Most boots a board needed after a cut to run its application again.</summary>
    public required int MaxBootsToLand { get; init; }

    /// <summary>Extra body bytes downloaded after a cut during a download, on average and at most (the durable checkpoints' worth).</summary>
    public required long AverageRedownloadAfterDownloadCut { get; init; }

    public required long MaxRedownloadAfterDownloadCut { get; init; }

    /// <summary>Extra body bytes after any cut, at most (a cut that makes the stage revert costs a whole new download).</summary>
    public required long MaxRedownloadAfterAnyCut { get; init; }

    public required IReadOnlyList<PhaseCutFigures> CutsByPhase { get; init; }

    public required IReadOnlyList<BrickSample> BrickSamples { get; init; }

    /// <summary>A few mixed landings, to show where they come from.</summary>
    public required IReadOnlyList<BrickSample> MixedSamples { get; init; }

    public required double WallSeconds { get; init; }

    public static PowerCutReport From(IReadOnlyList<CutResult> results, int cutPoints, long norOperations, long internalOperations,
        double wallSeconds)
    {
        CutResult[] reached = results.Where(r => r.Reached).ToArray();
        CutResult[] downloads = reached.Where(r => r.Phase == "download" && r.Landing != CutLanding.Brick).ToArray();
        return new PowerCutReport
        {
            CutsTried = results.Count,
            Exhaustive = results.Count == cutPoints,
            CutPoints = cutPoints,
            NorOperations = norOperations,
            InternalOperations = internalOperations,
            EndedOld = reached.Count(r => r.Landing == CutLanding.OldImage),
            EndedNew = reached.Count(r => r.Landing == CutLanding.NewImage),
            EndedMixed = reached.Count(r => r.Landing == CutLanding.Mixed),
            Bricks = reached.Count(r => r.IsBrick),
            NotReached = results.Count - reached.Length,
            MaxBootsToLand = reached.Length == 0 ? 0 : reached.Max(r => r.BootsToLand),
            AverageRedownloadAfterDownloadCut = downloads.Length == 0 ? 0 : (long)downloads.Average(r => r.ExtraBodyBytes),
            MaxRedownloadAfterDownloadCut = downloads.Length == 0 ? 0 : downloads.Max(r => r.ExtraBodyBytes),
            MaxRedownloadAfterAnyCut = reached.Where(r => !r.IsBrick).Select(r => r.ExtraBodyBytes).DefaultIfEmpty(0).Max(),
            CutsByPhase = reached
                .GroupBy(r => (r.Step, r.Phase))
                .Select(g => new PhaseCutFigures(g.Key.Step, g.Key.Phase, g.Count(),
                    g.Count(r => r.Landing == CutLanding.OldImage), g.Count(r => r.Landing == CutLanding.NewImage),
                    g.Count(r => r.Landing == CutLanding.Mixed), g.Count(r => r.IsBrick)))
                .ToArray(),
            MixedSamples = reached.Where(r => r.Landing == CutLanding.Mixed).Take(4)
                .Select(r => new BrickSample(r.Cut.ToString(), r.Step, r.Phase, r.Problem ?? "")).ToArray(),
            BrickSamples = results.Where(r => r.IsBrick || !r.Reached).Take(10)
                .Select(r => new BrickSample(r.Cut.ToString(), r.Step, r.Phase, r.Reached ? r.Problem ?? "" : "the cut was never reached"))
                .ToArray(),
            WallSeconds = Math.Round(wallSeconds, 1),
        };
    }
}

/// <summary>The campaign's figures for one phase of one step (in the order the story runs them).</summary>
public sealed record PhaseCutFigures(string Step, string Phase, int Cuts, int EndedOld, int EndedNew, int EndedMixed, int Bricks);

/// <summary>A brick (or an unreached cut), for investigation.</summary>
public sealed record BrickSample(string Cut, string Step, string Phase, string Problem);
