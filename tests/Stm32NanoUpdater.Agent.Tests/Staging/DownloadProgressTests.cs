using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Agent.Tests.Infrastructure;

namespace Stm32NanoUpdater.Agent.Tests.Staging;

public class DownloadProgressTests
{
    private static readonly byte[] Digest = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void Without_a_session_there_is_no_durable_offset()
    {
        var (_, flash) = Flashes.W25Q128JV();
        Assert.Equal(-1, new DownloadProgress(flash, ImageKind.Deployment).DurableOffset(Digest, 100_000));
    }

    [Fact]
    public void The_last_checkpoint_of_the_same_image_is_the_durable_offset_across_a_reboot()
    {
        var (_, flash) = Flashes.W25Q128JV();
        var progress = new DownloadProgress(flash, ImageKind.Deployment);
        progress.Begin(Digest, 100_000);
        Assert.Equal(0, progress.DurableOffset(Digest, 100_000));
        progress.Checkpoint(16384);
        progress.Checkpoint(32768);

        var afterReboot = new DownloadProgress(flash, ImageKind.Deployment);

        Assert.Equal(32768, afterReboot.DurableOffset(Digest, 100_000));
        Assert.Equal(-1, afterReboot.DurableOffset(Digest, 100_001));
        byte[] other = (byte[])Digest.Clone();
        other[31] ^= 1;
        Assert.Equal(-1, afterReboot.DurableOffset(other, 100_000));
        Assert.Equal(-1, new DownloadProgress(flash, ImageKind.NanoClr).DurableOffset(Digest, 100_000));
    }

    [Fact]
    public void A_torn_checkpoint_is_ignored_and_the_next_one_goes_after_it()
    {
        var (chip, flash) = Flashes.W25Q128JV();
        var progress = new DownloadProgress(flash, ImageKind.NanoClr);
        progress.Begin(Digest, 200_000);
        progress.Checkpoint(16384);
        // A checkpoint torn by a power cut: the offset landed, its complement did not.
        chip.Poke(NorLayout.ProgressSector(ImageKind.NanoClr) + 64 + 8, [0x00, 0x80, 0x00, 0x00]);

        var resumed = new DownloadProgress(flash, ImageKind.NanoClr);
        Assert.Equal(16384, resumed.DurableOffset(Digest, 200_000));
        resumed.Checkpoint(49152);

        Assert.Equal(49152, new DownloadProgress(flash, ImageKind.NanoClr).DurableOffset(Digest, 200_000));
    }

    [Fact]
    public void A_torn_session_record_is_no_session()
    {
        var (chip, flash) = Flashes.W25Q128JV();
        var progress = new DownloadProgress(flash, ImageKind.NanoClr);
        progress.Begin(Digest, 200_000);
        progress.Checkpoint(16384);
        chip.Poke(NorLayout.ProgressSector(ImageKind.NanoClr) + 40, [0x00]);

        Assert.Equal(-1, new DownloadProgress(flash, ImageKind.NanoClr).DurableOffset(Digest, 200_000));
    }

    [Fact]
    public void A_full_sector_starts_over_keeping_the_latest_checkpoint()
    {
        var (chip, flash) = Flashes.W25Q128JV();
        var progress = new DownloadProgress(flash, ImageKind.Deployment);
        progress.Begin(Digest, 1_500_000);
        for (int i = 1; i <= 504; i++)
        {
            progress.Checkpoint(i * 1024);
        }

        int erasesBefore = chip.EraseCount(NorLayout.ProgressSector(ImageKind.Deployment));
        progress.Checkpoint(505 * 1024);

        Assert.Equal(erasesBefore + 1, chip.EraseCount(NorLayout.ProgressSector(ImageKind.Deployment)));
        Assert.Equal(505 * 1024, new DownloadProgress(flash, ImageKind.Deployment).DurableOffset(Digest, 1_500_000));
    }

    [Fact]
    public void Clear_forgets_the_session()
    {
        var (_, flash) = Flashes.W25Q128JV();
        var progress = new DownloadProgress(flash, ImageKind.Deployment);
        progress.Begin(Digest, 10);
        progress.Clear();

        Assert.Equal(-1, progress.DurableOffset(Digest, 10));
    }
}
