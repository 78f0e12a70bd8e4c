using System.Diagnostics;
using System.Globalization;

namespace Stm32NanoUpdater.Benchmarks;

/// <summary>Times an action (best of several runs after a warm-up) and prints throughput and allocation.</summary>
public sealed class Report(TextWriter output, int repetitions)
{
    public TextWriter Output { get; } = output;

    /// <summary>Runs the action, prints "label: X MB/s (best of N), allocated Y KiB" and returns the MB/s.</summary>
    public double Throughput(string label, long bytes, Action action)
    {
        action(); // warm-up: JIT, file cache
        double best = double.MaxValue;
        long allocated = long.MaxValue;
        for (int i = 0; i < repetitions; i++)
        {
            GC.Collect();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            action();
            watch.Stop();
            allocated = Math.Min(allocated, GC.GetTotalAllocatedBytes(precise: true) - before);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        double megabytesPerSecond = bytes / (1024.0 * 1024.0) / best;
        Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label,-44} {megabytesPerSecond,9:F1} MB/s  ({best * 1000,8:F1} ms, allocated {allocated / 1024.0,9:F0} KiB)"));
        return megabytesPerSecond;
    }

    public void Line(string text) => Output.WriteLine(text);
}
