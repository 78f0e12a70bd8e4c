using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Simulation.Nor;
using Stm32NanoUpdater.Simulation.Time;

namespace Stm32NanoUpdater.Agent.Tests.Infrastructure;

public static class Flashes
{
    /// <summary>A W25Q128JV model and the driver over it.</summary>
    public static (SpiNorChipModel Chip, SpiNorFlash Flash) W25Q128JV()
    {
        var clock = new VirtualClock();
        var chip = new SpiNorChipModel(NorChipProfile.W25Q128JV, clock);
        return (chip, new SpiNorFlash(chip, clock));
    }
}
