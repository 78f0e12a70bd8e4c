namespace Stm32NanoUpdater.Simulation.Network;

/// <summary>
/// What a device's link carried: requests, body bytes the device received, and bytes on the wire (bodies, segments sent
/// again after a loss, and data in flight when the device closed a response early). Thread-safe.
/// </summary>
public sealed class TrafficCounters
{
    private long _requests;
    private long _bodyBytes;
    private long _wireBytes;

    public Traffic Now => new(Interlocked.Read(ref _requests), Interlocked.Read(ref _bodyBytes), Interlocked.Read(ref _wireBytes));

    internal void Request() => Interlocked.Increment(ref _requests);

    internal void Received(long body, long wire)
    {
        Interlocked.Add(ref _bodyBytes, body);
        Interlocked.Add(ref _wireBytes, wire);
    }
}

/// <summary>A reading of <see cref="TrafficCounters"/>; differences of two readings give what a phase cost.</summary>
public readonly record struct Traffic(long Requests, long BodyBytes, long WireBytes)
{
    public static Traffic operator -(Traffic a, Traffic b) => new(a.Requests - b.Requests, a.BodyBytes - b.BodyBytes, a.WireBytes - b.WireBytes);

    public static Traffic operator +(Traffic a, Traffic b) => new(a.Requests + b.Requests, a.BodyBytes + b.BodyBytes, a.WireBytes + b.WireBytes);
}
