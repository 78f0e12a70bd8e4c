namespace Stm32NanoUpdater.Simulation.Network;

/// <summary>A response that knows how long the server thought before answering (modeled, for the link model).</summary>
public interface IServerTiming
{
    long ThinkMicroseconds { get; }
}
