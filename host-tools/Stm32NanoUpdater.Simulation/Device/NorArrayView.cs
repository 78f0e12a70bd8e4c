using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Simulation.Nor;

namespace Stm32NanoUpdater.Simulation.Device;

/// <summary>
/// The NOR chip's array read directly, without bus time, operations or faults: for inspecting a board (which image it
/// would launch, what its records say). Writing through it is refused.
/// </summary>
public sealed class NorArrayView(SpiNorChipModel chip) : IFlash
{
    public int Size => (int)Math.Min(chip.Profile.Size, int.MaxValue);

    public int EraseUnit => 4096;

    public void Read(int address, byte[] buffer, int offset, int count) => chip.Peek(address, buffer.AsSpan(offset, count));

    public void Program(int address, byte[] buffer, int offset, int count) =>
        throw new InvalidOperationException("an inspection view does not write");

    public void Erase(int address, int length) => throw new InvalidOperationException("an inspection view does not erase");
}
