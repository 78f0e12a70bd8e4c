namespace Stm32NanoUpdater.Simulation.Power;

/// <summary>When, relative to one flash program or erase, the supply fails.</summary>
public enum CutMoment
{
    /// <summary>Just before the operation starts: nothing of it reaches the flash.</summary>
    Before,

    /// <summary>Halfway through it: a torn program (half the bytes, one with only some bits) or a half-done erase.</summary>
    Middle,
}
