namespace Stm32NanoUpdater.Simulation.Campaigns;

/// <summary>
/// The network-fault campaign's figures: for each kind of fault, how many runs of the v1 → v2 update completed, and what
/// the fault cost against the fault-free run: bytes downloaded again (per dropped connection where there were drops),
/// requests, and device time until the update was staged.
/// </summary>
public sealed record NetworkFaultReport(NetworkFaultRow Reference, IReadOnlyList<NetworkFaultRow> Cases, double WallSeconds)
{
    public bool AllCompleted => Cases.All(c => c.Completed == c.Runs);
}

/// <summary>
/// One kind of fault over <see cref="Runs"/> runs. Bytes are HTTP body bytes the device received; "extra" is what it
/// received beyond the fault-free run; time is device time spent checking and downloading (polls included).
/// </summary>
public sealed record NetworkFaultRow(
    string Case,
    int Runs,
    int Completed,
    int Drops,
    long BodyBytes,
    long ExtraBytes,
    long ExtraBytesPerDrop,
    long MaxExtraBytesPerDrop,
    double TrafficRatio,
    long Requests,
    int Polls,
    double DownloadSeconds);
