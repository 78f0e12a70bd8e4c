namespace Stm32NanoUpdater.Simulation.Tests.Infrastructure;

/// <summary>
/// The campaigns that run on every core at once (Parallel.For over the processor count). They run alone: beside them the
/// thread pool starved the tests that talk real HTTP to Kestrel, whose synchronous requests then timed out after 30 s
/// (seen about one run in three in a Debug build on 2 cores; none with the pool's minimum raised to 16 threads).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WholeMachineCollection
{
    public const string Name = "Campaigns on every core";
}
