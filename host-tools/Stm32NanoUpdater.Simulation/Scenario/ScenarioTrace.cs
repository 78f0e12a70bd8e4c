using Stm32NanoUpdater.Simulation.Device;
using Stm32NanoUpdater.Simulation.Power;

namespace Stm32NanoUpdater.Simulation.Scenario;

/// <summary>What a fault-free run of the story did: its segments and phases in order.</summary>
public sealed record ScenarioTrace(IReadOnlyList<ScenarioStep> Steps, IReadOnlyList<SegmentTrace> Segments, IReadOnlyList<PhaseRecord> Phases)
{
    /// <summary>The phase an operation of a flash belongs to (the one whose counters it falls between).</summary>
    public PhaseRecord? PhaseOf(FlashDomain domain, long operation) => Phases.FirstOrDefault(p =>
        domain == FlashDomain.Nor
            ? operation > p.Start.Nor.Operations && operation <= p.End.Nor.Operations
            : operation > p.Start.Internal.Operations && operation <= p.End.Internal.Operations);

    /// <summary>Body bytes the device downloaded from a segment's start to the end of its step.</summary>
    public long BodyBytesToStepEnd(SegmentTrace segment) => Segments
        .Where(s => s.StepIndex == segment.StepIndex && s.Index >= segment.Index)
        .Sum(s => (s.EndCounters.Traffic - s.StartCounters.Traffic).BodyBytes);

    public IEnumerable<PhaseRecord> PhasesOf(string step) => Phases.Where(p => p.Step == step);
}
