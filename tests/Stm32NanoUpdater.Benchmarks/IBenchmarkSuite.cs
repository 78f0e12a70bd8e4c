namespace Stm32NanoUpdater.Benchmarks;

/// <summary>One named group of measurements. A new suite is a new file plus one line in Program.</summary>
public interface IBenchmarkSuite
{
    string Name { get; }

    string Description { get; }

    void Run(Report report);
}
