namespace Stm32NanoUpdater.Simulation.Nor;

public enum NorOperationKind
{
    Program,
    Erase,
}

/// <summary>One program or erase the chip accepted, in order; <see cref="Number"/> counts from 1.</summary>
public sealed record NorOperation(int Number, NorOperationKind Kind, long Address, int Length, long StartMicroseconds);
