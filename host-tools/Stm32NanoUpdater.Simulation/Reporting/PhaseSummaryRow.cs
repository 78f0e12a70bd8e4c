namespace Stm32NanoUpdater.Simulation.Reporting;

/// <summary>
/// What one phase of one update step cost (or, for the total, all of them): bytes over the wire (HTTP bodies, segments
/// resent, data in flight when a response was closed early), requests, flash operations, modeled device time, and
/// what came of it.
/// </summary>
public sealed record PhaseSummaryRow(
    string Step,
    string Phase,
    long WireBytes,
    long Requests,
    long NorPrograms,
    long NorErases,
    long InternalPrograms,
    long InternalErases,
    double DeviceSeconds,
    string Result);
