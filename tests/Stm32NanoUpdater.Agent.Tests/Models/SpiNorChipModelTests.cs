using Stm32NanoUpdater.Simulation.Nor;
using Stm32NanoUpdater.Simulation.Time;

namespace Stm32NanoUpdater.Agent.Tests.Models;

/// <summary>The chip model at command level, byte for byte on the bus, as a datasheet describes the part.</summary>
public class SpiNorChipModelTests
{
    private readonly VirtualClock _clock = new();
    private readonly SpiNorChipModel _chip;

    public SpiNorChipModelTests()
    {
        _chip = new SpiNorChipModel(NorChipProfile.W25Q128JV, _clock);
    }

    [Fact]
    public void Answers_JEDEC_ID_and_SFDP_signature()
    {
        byte[] id = Send(0x9F, 0, 0, 0);
        Assert.Equal([0xEF, 0x40, 0x18], id[1..]);

        byte[] sfdp = Send(0x5A, 0, 0, 0, 0, 0, 0, 0, 0);
        Assert.Equal("SFDP"u8.ToArray(), sfdp[5..]);
    }

    [Fact]
    public void Program_without_write_enable_is_ignored()
    {
        Send(0x02, 0x00, 0x10, 0x00, 0x12);
        Assert.Equal(0xFF, _chip.Peek(0x1000, 1)[0]);
        Assert.Equal(0, _chip.OperationCount);
    }

    [Fact]
    public void Page_program_wraps_around_inside_the_page()
    {
        Send(0x06);
        byte[] command = [0x02, 0x00, 0x01, 0xFA, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        _chip.Transfer(command, 0, command.Length);

        Assert.Equal([1, 2, 3, 4, 5, 6], _chip.Peek(0x1FA, 6));
        Assert.Equal([7, 8, 9, 10], _chip.Peek(0x100, 4));
        Assert.Equal(0xFF, _chip.Peek(0x200, 1)[0]);
    }

    [Fact]
    public void While_busy_only_the_status_register_answers_and_WEL_clears_at_the_end()
    {
        Send(0x06);
        Send(0x20, 0x00, 0x00, 0x00);
        Assert.Equal(0x03, Send(0x05, 0)[1]); // WIP and WEL

        Send(0x06);
        Send(0x02, 0x00, 0x00, 0x00, 0x00); // ignored: busy
        Assert.Equal(0xFF, Send(0x9F, 0, 0, 0)[1]); // not answered while busy

        _clock.Advance(NorChipProfile.W25Q128JV.Erase4K.TypicalMicroseconds);
        Assert.Equal(0x00, Send(0x05, 0)[1]);
        Assert.Equal(0xFF, _chip.Peek(0, 1)[0]);
        Assert.Single(_chip.Operations);
    }

    [Fact]
    public void A_power_cut_during_a_program_leaves_part_of_the_page_and_kills_the_bus_until_power_returns()
    {
        _chip.CutPowerAtOperation(1, completed: 0.5);
        Send(0x06);
        byte[] command = new byte[4 + 16];
        command[0] = 0x02;
        Assert.Throws<PowerLossException>(() => _chip.Transfer(command, 0, command.Length));

        byte[] after = _chip.Peek(0, 16);
        Assert.All(after[..8], b => Assert.Equal(0x00, b));
        Assert.Equal(0xF0, after[8]); // the byte being programmed: only some bits made it
        Assert.All(after[9..], b => Assert.Equal(0xFF, b));
        Assert.Throws<PowerLossException>(() => Send(0x05, 0));

        _chip.PowerOn();
        Assert.Equal(0x00, Send(0x05, 0)[1]);
    }

    [Fact]
    public void A_power_cut_during_an_erase_leaves_the_sector_partly_erased()
    {
        _chip.Poke(0x2000, new byte[4096]);
        _chip.CutPowerAtOperation(1, completed: 0.25);
        Send(0x06);

        Assert.Throws<PowerLossException>(() => Send(0x20, 0x00, 0x20, 0x00));

        byte[] sector = _chip.Peek(0x2000, 4096);
        Assert.All(sector[..1024], b => Assert.Equal(0xFF, b));
        Assert.Equal(0x0F, sector[1024]);
        Assert.All(sector[1025..], b => Assert.Equal(0x00, b));
        Assert.Equal(1, _chip.EraseCount(0x2000));
    }

    [Fact]
    public void Soft_reset_needs_reset_enable_right_before_it()
    {
        var chip = new SpiNorChipModel(NorChipProfile.MX25L51245G, _clock);
        chip.Transfer([0xB7], 0, 1);
        Assert.True(chip.FourByteMode);

        chip.Transfer([0x99], 0, 1);
        Assert.True(chip.FourByteMode);

        chip.Transfer([0x66], 0, 1);
        chip.Transfer([0x99], 0, 1);
        Assert.False(chip.FourByteMode);
    }

    [Fact]
    public void A_stuck_busy_chip_recovers_only_through_a_power_cycle()
    {
        _chip.StuckBusy = true;
        Send(0x06);
        Send(0x20, 0, 0, 0);
        _clock.Advance(10_000_000);
        Assert.Equal(0x01, Send(0x05, 0)[1] & 0x01);

        _chip.PowerOff();
        _chip.PowerOn();
        Assert.Equal(0x00, Send(0x05, 0)[1]);
    }

    [Fact]
    public void Transfers_take_bus_time_on_the_virtual_clock()
    {
        long before = _clock.NowMicroseconds;
        _chip.Transfer(new byte[1000], 0, 1000);
        Assert.Equal(10 + 400, _clock.NowMicroseconds - before); // 10 us overhead + 8000 bits at 20 MHz
    }

    private byte[] Send(params byte[] bytes)
    {
        _chip.Transfer(bytes, 0, bytes.Length);
        return bytes;
    }
}
