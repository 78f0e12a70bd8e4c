using Stm32NanoUpdater.Agent.Platform;

namespace Stm32NanoUpdater.Simulation.Time;

/// <summary>
/// Simulated time shared by every hardware model of one simulated device: nothing waits for real; sleeping and bus
/// transfers advance it. Microsecond resolution, thread-safe.
/// </summary>
public sealed class VirtualClock : IClock
{
    private long _microseconds;

    public long NowMicroseconds => Interlocked.Read(ref _microseconds);

    public long NowMilliseconds => NowMicroseconds / 1000;

    public void Advance(long microseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(microseconds);
        Interlocked.Add(ref _microseconds, microseconds);
    }

    public void Sleep(int milliseconds) => Advance(milliseconds * 1000L);
}
