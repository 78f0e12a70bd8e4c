namespace Stm32NanoUpdater.Simulation.Nor;

/// <summary>
/// Thrown from the bus when the simulated device loses power: the code that was running dies with it. Flash content
/// survives; the test "boots" again by calling <see cref="SpiNorChipModel.PowerOn"/> and building fresh objects.
/// </summary>
public sealed class PowerLossException : Exception
{
    public PowerLossException(string message)
        : base(message)
    {
    }
}
