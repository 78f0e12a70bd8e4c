using Stm32NanoUpdater.Simulation.Mcu;
using Stm32NanoUpdater.Simulation.Nor;
using Stm32NanoUpdater.Simulation.Power;
using Stm32NanoUpdater.Simulation.Time;

namespace Stm32NanoUpdater.Simulation.Tests.Models;

public sealed class Stm32F76xFlashTests
{
    private readonly VirtualClock _clock = new();

    [Fact]
    public void Sector_map_is_rm0410_single_bank()
    {
        IReadOnlyList<FlashSector> sectors = Stm32F76xFlash.Sectors;
        Assert.Equal(12, sectors.Count);
        Assert.Equal(new[] { 32, 32, 32, 32, 128, 256, 256, 256, 256, 256, 256, 256 }, sectors.Select(s => s.Size / 1024));
        Assert.Equal(0x08000000u, sectors[0].Address);
        Assert.Equal(0x08010000u, sectors[2].Address); // nanoCLR region start
        Assert.Equal(0x08020000u, sectors[4].Address);
        Assert.Equal(0x080C0000u, sectors[7].Address); // deployment region start
        Assert.Equal(0x08200000u, sectors[11].End);
        for (int i = 1; i < sectors.Count; i++)
        {
            Assert.Equal(sectors[i - 1].End, sectors[i].Address);
            Assert.Equal(i, sectors[i].Number);
        }
    }

    [Fact]
    public void Program_only_clears_bits_and_erase_sets_the_whole_sector()
    {
        var flash = new Stm32F76xFlash(_clock);
        flash.Program(0x08010000, [0xF0, 0x0F, 0xAA, 0x55]);
        flash.Program(0x08010000, [0x3C, 0xFF, 0x0F, 0xFF]);
        Assert.Equal(new byte[] { 0x30, 0x0F, 0x0A, 0x55 }, flash.Peek(0x08010000, 4));

        flash.Program(0x08017FFC, [1, 2, 3, 4]);
        flash.EraseSector(0x08010000);
        Assert.True(flash.IsErased(0x08010000, 32 * 1024));
        Assert.Equal(1, flash.EraseCount(2));
        Assert.Equal(new InternalFlashCounters(4, 3, 1, 12), flash.Counters);
    }

    [Theory]
    [InlineData(0x08010002u, 4)] // not word aligned
    [InlineData(0x08010000u, 6)] // not whole words
    [InlineData(0x08017FFCu, 8)] // crosses from S2 into S3
    public void Program_refuses_what_the_controller_refuses(uint address, int length)
    {
        var flash = new Stm32F76xFlash(_clock);
        Assert.Throws<InvalidOperationException>(() => flash.Program(address, new byte[length]));
        Assert.Equal(0, flash.Counters.Operations);
    }

    [Fact]
    public void Erase_takes_a_sector_start_only()
    {
        var flash = new Stm32F76xFlash(_clock);
        Assert.Throws<InvalidOperationException>(() => flash.EraseSector(0x08010004));
        Assert.Throws<ArgumentOutOfRangeException>(() => flash.EraseSector(0x08200000));
    }

    [Fact]
    public void Operations_take_their_datasheet_time_on_the_virtual_clock()
    {
        var flash = new Stm32F76xFlash(_clock);
        long t0 = _clock.NowMicroseconds;
        flash.Program(0x08010000, new byte[256]);
        Assert.Equal(64 * 16, _clock.NowMicroseconds - t0); // 64 words at 16 µs

        (uint Address, long Microseconds)[] erases = [(0x08010000, 500_000), (0x08020000, 1_000_000), (0x08040000, 2_000_000)];
        foreach (var (address, microseconds) in erases)
        {
            long before = _clock.NowMicroseconds;
            flash.EraseSector(address);
            Assert.Equal(microseconds, _clock.NowMicroseconds - before);
        }

        long readAt = _clock.NowMicroseconds;
        flash.Read(0x08010000, new byte[4096]);
        Assert.Equal(readAt, _clock.NowMicroseconds);
    }

    [Fact]
    public void A_cut_before_an_operation_changes_nothing_and_takes_the_power()
    {
        var flash = new Stm32F76xFlash(_clock);
        int failures = 0;
        flash.PowerFailed = () => failures++;
        flash.Program(0x08010000, [1, 2, 3, 4]);
        flash.ArmCut(new PowerCut(FlashDomain.Internal, 2, CutMoment.Before));
        Assert.Throws<PowerLossException>(() => flash.Program(0x08010004, [0, 0, 0, 0]));
        Assert.Equal(1, failures);
        Assert.False(flash.IsPowered);
        Assert.Throws<PowerLossException>(() => flash.Read(0x08010000, new byte[4]));
        Assert.True(flash.IsErased(0x08010004, 4));

        flash.PowerOn();
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, flash.Peek(0x08010000, 4));
        flash.Program(0x08010004, [0, 0, 0, 0]); // the cut is spent
        Assert.Equal(3, flash.Counters.Operations);
    }

    [Fact]
    public void A_cut_in_the_middle_of_a_program_tears_it()
    {
        var flash = new Stm32F76xFlash(_clock);
        flash.ArmCut(new PowerCut(FlashDomain.Internal, 1, CutMoment.Middle));
        Assert.Throws<PowerLossException>(() => flash.Program(0x08010000, new byte[64]));
        byte[] content = flash.Peek(0x08010000, 64);
        Assert.All(content[..32], b => Assert.Equal(0, b)); // half the words programmed
        Assert.All(content[32..36], b => Assert.Equal(0xF0, b)); // the word in flight: some bits only
        Assert.All(content[36..], b => Assert.Equal(0xFF, b)); // the rest untouched
    }

    [Fact]
    public void A_cut_in_the_middle_of_an_erase_leaves_a_half_erased_sector()
    {
        var flash = new Stm32F76xFlash(_clock);
        flash.Load(0x08010000, new byte[32 * 1024]);
        flash.ArmCut(new PowerCut(FlashDomain.Internal, 1, CutMoment.Middle));
        Assert.Throws<PowerLossException>(() => flash.EraseSector(0x08010000));
        Assert.True(flash.IsErased(0x08010000, 16 * 1024));
        byte[] torn = flash.Peek(0x08010000 + 16 * 1024, 1024);
        Assert.Contains(torn, b => b != 0 && b != 0xFF); // undefined cells
        Assert.All(flash.Peek(0x08010000 + 17 * 1024, 15 * 1024), b => Assert.Equal(0, b));
        Assert.Equal(1, flash.EraseCount(2));
    }

    [Fact]
    public void Snapshots_are_copy_on_write()
    {
        var flash = new Stm32F76xFlash(_clock);
        flash.Program(0x080C0000, [1, 2, 3, 4]);
        InternalFlashSnapshot snapshot = flash.Snapshot();
        flash.Program(0x080C0000, [0, 0, 0, 0]);
        flash.EraseSector(0x08040000);

        var copy = new Stm32F76xFlash(new VirtualClock(), snapshot);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, copy.Peek(0x080C0000, 4));
        Assert.Equal(snapshot.Counters, copy.Counters);
        copy.Program(0x080C0004, [9, 9, 9, 9]);
        Assert.True(flash.IsErased(0x080C0004, 4));

        flash.Restore(snapshot);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, flash.Peek(0x080C0000, 4));
        Assert.Equal(0, flash.EraseCount(5));
        Assert.Equal(1, flash.Counters.Operations);
    }
}
