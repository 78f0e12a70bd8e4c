using Stm32NanoUpdater.Simulation.Reporting;

namespace Stm32NanoUpdater.Simulation.Demo;

/// <summary>
/// How the demo ended: whether the system did what it promises (v2 installed and confirmed, v3 not confirmed and
/// reverted), the per-phase summary and totals, and the real time it took.
/// </summary>
public sealed record DemoResult(
    bool Succeeded,
    string Outcome,
    DemoSetup Setup,
    IReadOnlyList<PhaseSummaryRow> Phases,
    PhaseSummaryRow Total,
    double WallSeconds);
