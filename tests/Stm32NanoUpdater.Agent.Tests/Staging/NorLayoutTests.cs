using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Agent.Tests.Infrastructure;
using Stm32NanoUpdater.Agent.Update;
using Stm32NanoUpdater.Host.Crypto;
using Stm32NanoUpdater.Simulation.Network;
using Stm32NanoUpdater.Simulation.Nor;
using Stm32NanoUpdater.Simulation.Rtc;
using Stm32NanoUpdater.Simulation.Time;

namespace Stm32NanoUpdater.Agent.Tests.Staging;

/// <summary>The NOR layout table of update-contract.md §2 and the region table of §1.</summary>
public class NorLayoutTests
{
    [Fact]
    public void Areas_sit_where_the_contract_puts_them_and_never_overlap()
    {
        (int Start, int Size)[] areas =
        [
            (NorLayout.JournalSector0, 0x1000), (NorLayout.JournalSector1, 0x1000),
            (NorLayout.RecordSector(ImageKind.NanoClr), 0x1000), (NorLayout.RecordSector(ImageKind.Deployment), 0x1000),
            (NorLayout.ProgressSector(ImageKind.NanoClr), 0x1000), (NorLayout.ProgressSector(ImageKind.Deployment), 0x1000),
            (NorLayout.StagingSlot(ImageKind.NanoClr), NorLayout.SlotSize(ImageKind.NanoClr)),
            (NorLayout.BackupSlot(ImageKind.NanoClr), NorLayout.SlotSize(ImageKind.NanoClr)),
            (NorLayout.StagingSlot(ImageKind.Deployment), NorLayout.SlotSize(ImageKind.Deployment)),
            (NorLayout.BackupSlot(ImageKind.Deployment), NorLayout.SlotSize(ImageKind.Deployment)),
        ];

        Assert.Equal(
            [0x000000, 0x001000, 0x002000, 0x003000, 0x004000, 0x005000, 0x010000, 0x110000, 0x210000, 0x390000],
            areas.Select(a => a.Start));
        Assert.Equal([0x100000, 0x180000], new[] { ImageKind.NanoClr, ImageKind.Deployment }.Select(NorLayout.SlotSize));
        for (int i = 1; i < areas.Length; i++)
        {
            Assert.True(areas[i - 1].Start + areas[i - 1].Size <= areas[i].Start);
        }

        Assert.Equal(NorLayout.ApplicationStart, areas[^1].Start + areas[^1].Size);
        Assert.All(areas.Skip(6), a => Assert.Equal(0, a.Start % 0x10000));
        Assert.Equal(NorLayout.StagingSlot(ImageKind.Deployment) + 0x180000 - 48, NorLayout.RequestTrailer(ImageKind.Deployment));
        Assert.Equal(NorLayout.SlotSize(ImageKind.NanoClr) - 4096, NorLayout.MaxImageSpan(ImageKind.NanoClr));
    }

    [Theory]
    [InlineData(0x08010000u, ImageKind.NanoClr)]
    [InlineData(0x080C0000u, ImageKind.Deployment)]
    [InlineData(0x08000000u, ImageKind.None)]
    [InlineData(0x08010004u, ImageKind.None)]
    [InlineData(0x00000000u, ImageKind.None)]
    public void The_load_address_names_the_kind(uint loadAddress, ImageKind kind)
    {
        Assert.Equal(kind, NorLayout.KindForLoadAddress(loadAddress));
    }

    [Fact]
    public void Regions_are_the_stock_nanoFramework_F769_flash_map()
    {
        Assert.Equal(704 * 1024, NorLayout.RegionSize(ImageKind.NanoClr));
        Assert.Equal(1280 * 1024, NorLayout.RegionSize(ImageKind.Deployment));
        Assert.Equal(0x08200000u, NorLayout.RegionStart(ImageKind.Deployment) + (uint)NorLayout.RegionSize(ImageKind.Deployment));
    }

    [Fact]
    public void The_agent_refuses_a_flash_too_small_for_the_layout()
    {
        var clock = new VirtualClock();
        NorChipProfile small = NorChipProfile.W25Q128JV with { Name = "W25Q32JV", JedecId = [0xEF, 0x40, 0x16], Size = 4 * 1024 * 1024 };
        var flash = new SpiNorFlash(new SpiNorChipModel(small, clock), clock);

        var e = Assert.Throws<FlashException>(() => new UpdateAgent(flash, new ModeledHttpTransport(new ReleaseServer()), new DotNetSignatureVerifier(),
            TestImages.TrustedKeys, clock, new RtcBackupRegisters(), new CountingRebooter()));
        Assert.Contains("smaller", e.Message);
    }
}
