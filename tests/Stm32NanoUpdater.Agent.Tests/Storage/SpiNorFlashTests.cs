using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Simulation.Nor;
using Stm32NanoUpdater.Simulation.Time;

namespace Stm32NanoUpdater.Agent.Tests.Storage;

public class SpiNorFlashTests
{
    public static TheoryData<string> Chips => ["W25Q128JV", "MX25L51245G"];

    private static NorChipProfile Profile(string name) =>
        name == "W25Q128JV" ? NorChipProfile.W25Q128JV : NorChipProfile.MX25L51245G;

    private static (SpiNorChipModel Chip, SpiNorFlash Flash, VirtualClock Clock) Open(NorChipProfile profile)
    {
        var clock = new VirtualClock();
        var chip = new SpiNorChipModel(profile, clock);
        return (chip, new SpiNorFlash(chip, clock), clock);
    }

    [Theory]
    [MemberData(nameof(Chips))]
    public void Discovers_the_chip_from_its_JEDEC_ID_and_SFDP(string name)
    {
        NorChipProfile profile = Profile(name);
        var (_, flash, _) = Open(profile);

        Assert.Equal(profile.JedecId, flash.JedecId);
        Assert.Equal(profile.Size, flash.Size);
        Assert.Equal(256, flash.Parameters.PageSize);
        Assert.Equal(4096, flash.EraseUnit);
        Assert.Equal([4096, 32768, 65536], flash.Parameters.EraseTypes.Select(e => e.Size));
        Assert.True(flash.Parameters.SoftResetSupported);
        // Typical times come back from the SFDP encoding at least as large as the datasheet's, maxima cover them.
        EraseType sector = flash.Parameters.EraseTypes[0];
        Assert.InRange(sector.TypicalMilliseconds, profile.Erase4K.TypicalMicroseconds / 1000, profile.Erase4K.TypicalMicroseconds / 1000 + 16);
        Assert.True(sector.MaximumMilliseconds * 1000L >= profile.Erase4K.MaximumMicroseconds);
        Assert.True(flash.Parameters.PageProgramTimeoutMilliseconds * 1000L >= profile.PageProgram.MaximumMicroseconds);
    }

    [Fact]
    public void W25Q128JV_uses_three_byte_addresses_and_standard_opcodes()
    {
        var (_, flash, _) = Open(NorChipProfile.W25Q128JV);

        Assert.Equal(3, flash.Parameters.AddressBytes);
        Assert.Equal(0x03, flash.Parameters.ReadOpcode);
        Assert.Equal(0x02, flash.Parameters.ProgramOpcode);
        Assert.Equal([0x20, 0x52, 0xD8], flash.Parameters.EraseTypes.Select(e => (int)e.Opcode));
    }

    [Fact]
    public void MX25L51245G_uses_the_4_byte_opcodes_its_SFDP_lists_and_stays_in_3_byte_mode()
    {
        var (chip, flash, _) = Open(NorChipProfile.MX25L51245G);

        Assert.Equal(4, flash.Parameters.AddressBytes);
        Assert.False(flash.Parameters.EnterFourByteMode);
        Assert.Equal(0x13, flash.Parameters.ReadOpcode);
        Assert.Equal(0x12, flash.Parameters.ProgramOpcode);
        Assert.Equal([0x21, 0x5C, 0xDC], flash.Parameters.EraseTypes.Select(e => (int)e.Opcode));

        byte[] data = TestData(300, 7);
        const int high = 0x3FF_FF00; // last page of the 64 MiB part, beyond any 3-byte address
        flash.Erase(0x3FF_F000, 4096);
        flash.Program(high - 44, data, 0, data.Length);
        Assert.Equal(data, chip.Peek(high - 44, data.Length));
        Assert.Equal(data, ReadBack(flash, high - 44, data.Length));
        Assert.False(chip.FourByteMode);
    }

    [Fact]
    public void A_4_byte_part_without_a_4_byte_instruction_table_is_switched_into_4_byte_mode_after_every_reset()
    {
        NorChipProfile profile = NorChipProfile.MX25L51245G with { PublishesFourByteTable = false };
        var (chip, flash, _) = Open(profile);

        Assert.True(flash.Parameters.EnterFourByteMode);
        Assert.Equal(0x03, flash.Parameters.ReadOpcode);
        Assert.True(chip.FourByteMode);

        byte[] data = TestData(64, 3);
        flash.Erase(0x2000000, 4096);
        flash.Program(0x2000010, data, 0, data.Length);
        Assert.Equal(data, chip.Peek(0x2000010, data.Length));

        flash.Reset();
        Assert.True(chip.FourByteMode);
        Assert.Equal(data, ReadBack(flash, 0x2000010, data.Length));
    }

    [Theory]
    [MemberData(nameof(Chips))]
    public void Program_is_split_at_page_boundaries_and_reads_back(string name)
    {
        var (chip, flash, _) = Open(Profile(name));
        byte[] data = TestData(1000, 11);

        flash.Program(0x1F0, data, 0, data.Length);

        Assert.Equal(data, ReadBack(flash, 0x1F0, data.Length));
        NorOperation[] programs = chip.Operations.Where(o => o.Kind == NorOperationKind.Program).ToArray();
        Assert.Equal([0x1F0, 0x200, 0x300, 0x400, 0x500], programs.Select(o => o.Address));
        Assert.Equal([16, 256, 256, 256, 216], programs.Select(o => o.Length));
    }

    [Theory]
    [MemberData(nameof(Chips))]
    public void Programming_only_clears_bits_and_erasing_sets_them(string name)
    {
        var (chip, flash, _) = Open(Profile(name));

        flash.Program(0x5000, [0xF0], 0, 1);
        flash.Program(0x5000, [0x3F], 0, 1);
        Assert.Equal(0x30, chip.Peek(0x5000, 1)[0]);

        flash.Erase(0x5000, 4096);
        Assert.All(chip.Peek(0x5000, 4096), b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public void Erase_uses_the_fastest_mix_of_erase_sizes_for_the_range()
    {
        var (chip, flash, _) = Open(NorChipProfile.W25Q128JV);

        // 4 KiB .. 140 KiB: sectors up to the 32 KiB boundary, a 32 KiB block, a 64 KiB block, then sectors.
        flash.Erase(0x1000, 0x22000);

        var erases = chip.Operations.Where(o => o.Kind == NorOperationKind.Erase).Select(o => (o.Address, o.Length)).ToArray();
        (long, int)[] expected =
        [
            (0x1000, 4096), (0x2000, 4096), (0x3000, 4096), (0x4000, 4096), (0x5000, 4096), (0x6000, 4096), (0x7000, 4096),
            (0x8000, 32768), (0x10000, 65536), (0x20000, 4096), (0x21000, 4096), (0x22000, 4096),
        ];
        Assert.Equal(expected, erases);
    }

    [Fact]
    public void Erase_waits_out_the_chips_busy_time_on_the_virtual_clock()
    {
        var (_, flash, clock) = Open(NorChipProfile.W25Q128JV);
        long before = clock.NowMicroseconds;

        flash.Erase(0x10000, 0x10000);

        long elapsed = clock.NowMicroseconds - before;
        Assert.InRange(elapsed, 150_000, 160_000); // tBE2 typical 150 ms, polled every millisecond
    }

    [Theory]
    [MemberData(nameof(Chips))]
    public void A_chip_stuck_busy_fails_after_its_maximum_erase_time(string name)
    {
        NorChipProfile profile = Profile(name);
        var (chip, flash, clock) = Open(profile);
        chip.StuckBusy = true;
        long before = clock.NowMicroseconds;

        var e = Assert.Throws<FlashException>(() => flash.Erase(0, 4096));

        Assert.Contains("busy", e.Message);
        Assert.InRange(clock.NowMicroseconds - before, profile.Erase4K.MaximumMicroseconds, 4 * profile.Erase4K.MaximumMicroseconds);
    }

    [Fact]
    public void Opening_waits_for_an_erase_the_chip_was_still_doing()
    {
        var clock = new VirtualClock();
        var chip = new SpiNorChipModel(NorChipProfile.W25Q128JV, clock);
        var first = new SpiNorFlash(chip, clock);
        first.Program(0x30000, [0x00], 0, 1);
        // An erase the previous run started just before the MCU reset (the chip keeps erasing).
        chip.Transfer([0x06], 0, 1);
        chip.Transfer([0xD8, 0x03, 0x00, 0x00], 0, 4);

        var second = new SpiNorFlash(chip, clock);

        Assert.Equal(0xFF, ReadBack(second, 0x30000, 1)[0]);
    }

    [Fact]
    public void Opening_wakes_a_chip_in_deep_power_down()
    {
        var clock = new VirtualClock();
        var chip = new SpiNorChipModel(NorChipProfile.W25Q128JV, clock);
        chip.Transfer([0xB9], 0, 1);
        var probe = new byte[] { 0x9F, 0, 0, 0 };
        chip.Transfer(probe, 0, 4);
        Assert.Equal(0xFF, probe[1]); // asleep: the ID does not answer

        var flash = new SpiNorFlash(chip, clock);

        Assert.Equal(NorChipProfile.W25Q128JV.JedecId, flash.JedecId);
    }

    [Fact]
    public void A_missing_chip_is_reported()
    {
        var e = Assert.Throws<FlashException>(() => new SpiNorFlash(new FloatingBus(), new VirtualClock()));
        Assert.Contains("no SPI NOR chip", e.Message);
    }

    [Fact]
    public void A_write_protected_chip_is_reported_instead_of_silently_ignored()
    {
        var clock = new VirtualClock();
        var flash = new SpiNorFlash(new WriteProtectedBus(new SpiNorChipModel(NorChipProfile.W25Q128JV, clock)), clock);

        var e = Assert.Throws<FlashException>(() => flash.Program(0, [0x00], 0, 1));
        Assert.Contains("write enable", e.Message);
    }

    [Fact]
    public void Bit_flips_on_read_reach_the_caller()
    {
        var (chip, flash, _) = Open(NorChipProfile.W25Q128JV);
        flash.Program(0x100, [0x55], 0, 1);
        chip.FlipBitsOnRead(0x100, 0x80);

        Assert.Equal(0xD5, ReadBack(flash, 0x100, 1)[0]);
        Assert.Equal(0x55, ReadBack(flash, 0x100, 1)[0]);
    }

    [Fact]
    public void Ranges_outside_the_chip_and_unaligned_erases_are_refused()
    {
        var (_, flash, _) = Open(NorChipProfile.W25Q128JV);

        Assert.Throws<ArgumentOutOfRangeException>(() => flash.Read(flash.Size - 1, new byte[2], 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => flash.Program(-1, new byte[1], 0, 1));
        Assert.Throws<ArgumentException>(() => flash.Erase(0x800, 4096));
    }

    private static byte[] ReadBack(SpiNorFlash flash, int address, int length)
    {
        var data = new byte[length];
        flash.Read(address, data, 0, length);
        return data;
    }

    private static byte[] TestData(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    private sealed class FloatingBus : Agent.Storage.ISpiBus
    {
        public void Transfer(byte[] buffer, int offset, int count) => Array.Fill(buffer, (byte)0xFF, offset, count);
    }

    // A chip whose write enable never latches (status register protection, WP# low).
    private sealed class WriteProtectedBus(SpiNorChipModel chip) : Agent.Storage.ISpiBus
    {
        public void Transfer(byte[] buffer, int offset, int count)
        {
            if (buffer[offset] != 0x06)
            {
                chip.Transfer(buffer, offset, count);
            }
        }
    }
}
