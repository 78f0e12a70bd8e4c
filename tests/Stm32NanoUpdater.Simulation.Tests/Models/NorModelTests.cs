using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Simulation.Nor;
using Stm32NanoUpdater.Simulation.Power;
using Stm32NanoUpdater.Simulation.Time;

namespace Stm32NanoUpdater.Simulation.Tests.Models;

/// <summary>The chip model's snapshots and the bus probe that counts operations and plans cuts, driven by the device's driver.</summary>
public sealed class NorModelTests
{
    private readonly VirtualClock _clock = new();

    [Fact]
    public void Chip_snapshots_are_copy_on_write_and_restore_counters()
    {
        var chip = new SpiNorChipModel(NorChipProfile.W25Q128JV, _clock);
        var flash = new SpiNorFlash(chip, _clock);
        flash.Program(0x1000, [1, 2, 3], 0, 3);
        NorChipSnapshot snapshot = chip.Snapshot();
        flash.Program(0x1000, [0, 0, 0], 0, 3);
        flash.Erase(0x2000, 4096);
        flash.Program(0x2000, [7], 0, 1);

        var other = new SpiNorChipModel(NorChipProfile.W25Q128JV, _clock);
        other.Restore(snapshot);
        Assert.Equal(new byte[] { 1, 2, 3 }, other.Peek(0x1000, 3));
        Assert.Equal(snapshot.OperationCount, other.OperationCount);
        Assert.Equal(new byte[] { 0, 0, 0 }, chip.Peek(0x1000, 3));

        chip.Restore(snapshot);
        Assert.Equal(new byte[] { 1, 2, 3 }, chip.Peek(0x1000, 3));
        Assert.Equal(0xFF, chip.Peek(0x2000, 1)[0]);
        Assert.Equal(0, chip.EraseCount(0x2000));

        // Erasing a sector a snapshot shares leaves the snapshot's copy alone.
        new SpiNorFlash(chip, _clock).Erase(0x1000, 4096);
        other.Restore(snapshot);
        Assert.Equal(new byte[] { 1, 2, 3 }, other.Peek(0x1000, 3));
        var span = new byte[3];
        other.Peek(0x1000, span);
        Assert.Equal(new byte[] { 1, 2, 3 }, span);
    }

    [Fact]
    public void Bus_counts_programs_erases_and_bytes()
    {
        var chip = new SpiNorChipModel(NorChipProfile.W25Q128JV, _clock);
        var bus = new NorBus(chip);
        var flash = new SpiNorFlash(bus, _clock);
        flash.Erase(0x10000, 65536);
        flash.Program(0x10000, new byte[600], 0, 600); // three page programs (256 + 256 + 88)
        flash.Read(0x10000, new byte[1000], 0, 1000);
        NorBusCounters counters = bus.Counters;
        Assert.Equal(4, counters.Operations);
        Assert.Equal(3, counters.Programs);
        Assert.Equal(1, counters.Erases);
        Assert.Equal(600, counters.BytesProgrammed);
        Assert.True(counters.BytesRead >= 1000);
        Assert.Equal(chip.OperationCount, counters.Operations);
    }

    [Fact]
    public void A_cut_before_a_nor_operation_leaves_the_chip_untouched()
    {
        var chip = new SpiNorChipModel(NorChipProfile.W25Q128JV, _clock);
        var bus = new NorBus(chip);
        bool dark = false;
        bus.PowerFailed = () => dark = true;
        var flash = new SpiNorFlash(bus, _clock);
        flash.Program(0x100, [1], 0, 1);
        bus.ArmCut(new PowerCut(FlashDomain.Nor, 2, CutMoment.Before));
        Assert.Throws<PowerLossException>(() => flash.Program(0x200, [0, 0], 0, 2));
        Assert.True(dark);
        Assert.False(chip.IsPowered);
        Assert.Equal(new byte[] { 0xFF, 0xFF }, chip.Peek(0x200, 2));
        Assert.Equal(1, chip.OperationCount);
    }

    [Fact]
    public void A_cut_in_the_middle_of_a_nor_program_tears_the_page()
    {
        var chip = new SpiNorChipModel(NorChipProfile.W25Q128JV, _clock);
        var bus = new NorBus(chip);
        var flash = new SpiNorFlash(bus, _clock);
        bus.ArmCut(new PowerCut(FlashDomain.Nor, 1, CutMoment.Middle));
        Assert.Throws<PowerLossException>(() => flash.Program(0x300, new byte[16], 0, 16));
        byte[] page = chip.Peek(0x300, 16);
        Assert.All(page[..8], b => Assert.Equal(0, b));
        Assert.Equal(0xF0, page[8]);
        Assert.All(page[9..], b => Assert.Equal(0xFF, b));
    }
}
