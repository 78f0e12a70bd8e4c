namespace Stm32NanoUpdater.Simulation.Nor;

/// <summary>A datasheet duration: typical and maximum, in microseconds.</summary>
public readonly record struct NorTiming(long TypicalMicroseconds, long MaximumMicroseconds)
{
    public static NorTiming Milliseconds(double typical, double maximum) =>
        new((long)(typical * 1000), (long)(maximum * 1000));
}
