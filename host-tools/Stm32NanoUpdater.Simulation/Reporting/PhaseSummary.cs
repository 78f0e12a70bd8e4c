using Stm32NanoUpdater.Simulation.Device;

namespace Stm32NanoUpdater.Simulation.Reporting;

/// <summary>Folds a device's phase log into one row per (step, phase), in the order phases first happened, plus a total.</summary>
public static class PhaseSummary
{
    public static IReadOnlyList<PhaseSummaryRow> Rows(IEnumerable<PhaseRecord> phases) => phases
        .GroupBy(p => (p.Step, p.Name))
        .Select(g =>
        {
            DeviceCounters cost = g.Select(p => p.Cost).Aggregate((a, b) => a + b);
            string result = string.Join(", ", g.Select(p => p.Summary).Where(d => d.Length > 0).Distinct());
            return Row(g.Key.Step, g.Key.Name, cost, result);
        })
        .ToArray();

    public static PhaseSummaryRow Total(IEnumerable<PhaseRecord> phases, string result)
    {
        DeviceCounters cost = phases.Select(p => p.Cost).DefaultIfEmpty().Aggregate((a, b) => a + b);
        return Row("", "total", cost, result);
    }

    private static PhaseSummaryRow Row(string step, string phase, DeviceCounters cost, string result) => new(
        step, phase, cost.Traffic.WireBytes, cost.Traffic.Requests, cost.Nor.Programs, cost.Nor.Erases, cost.Internal.Programs,
        cost.Internal.Erases, cost.Microseconds / 1e6, result);
}
