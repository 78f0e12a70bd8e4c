namespace Stm32NanoUpdater.Simulation;

/// <summary>A simulated run did not go as the system promises (not a fault that was injected on purpose).</summary>
public sealed class SimulationException(string message) : Exception(message);
