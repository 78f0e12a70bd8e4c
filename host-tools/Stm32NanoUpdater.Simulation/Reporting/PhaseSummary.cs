using Stm32NanoUpdater.Simulation.Device;

namespace Stm32NanoUpdater.Simulation.Reporting;

/// <summary>
/// One row per phase in the order the phases happened (a step that checks for a release twice shows two check rows,
/// each with its own result), plus a total.
/// </summary>
public static class PhaseSummary
{
    public static IReadOnlyList<PhaseSummaryRow> Rows(IEnumerable<PhaseRecord> phases) =>
        phases.Select(p => Row(p.Step, p.Name, p.Cost, p.Summary)).ToArray();

    public static PhaseSummaryRow Total(IEnumerable<PhaseRecord> phases, string result)
    {
        DeviceCounters cost = phases.Select(p => p.Cost).DefaultIfEmpty().Aggregate((a, b) => a + b);
        return Row("", "total", cost, result);
    }

    private static PhaseSummaryRow Row(string step, string phase, DeviceCounters cost, string result) => new(
        step, phase, cost.Traffic.WireBytes, cost.Traffic.Requests, cost.Nor.Programs, cost.Nor.Erases, cost.Internal.Programs,
        cost.Internal.Erases, cost.Microseconds / 1e6, result);
}
