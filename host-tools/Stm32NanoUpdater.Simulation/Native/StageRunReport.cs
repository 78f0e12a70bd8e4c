namespace Stm32NanoUpdater.Simulation.Native;

/// <summary>One kind's part of nu_report_t.</summary>
public sealed record KindStageReport(
    StageActions Actions, int InstallMode, int InstallSource, int RejectReason, bool CanRun, int SectorsErased, int SectorsSkipped)
{
    internal static KindStageReport From(in NuKindReport k) => new(
        (StageActions)k.Actions, k.InstallMode, k.InstallSource, k.RejectReason, k.CanRun != 0, (int)k.SectorsErased, (int)k.SectorsSkipped);
}

/// <summary>
/// nu_report_t of one run of the swap stage, as managed data. Flash operations are counted by the flash models, not by
/// the stage.
/// </summary>
public sealed record StageRunReport(StageStatus Status, int HalError, KindStageReport NanoClr, KindStageReport Deployment)
{
    /// <summary>Nothing was installed, reverted, recovered or rejected.</summary>
    public bool Idle => (NanoClr.Actions | Deployment.Actions) == StageActions.None;

    public StageActions AllActions => NanoClr.Actions | Deployment.Actions;

    internal static StageRunReport From(in NuReport r) => new(
        (StageStatus)r.Status, r.HalError, KindStageReport.From(r.NanoClr), KindStageReport.From(r.Deployment));
}
