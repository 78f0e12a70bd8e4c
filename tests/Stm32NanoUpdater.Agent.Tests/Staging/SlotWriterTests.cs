using System.Security.Cryptography;
using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Agent.Tests.Infrastructure;
using Stm32NanoUpdater.Image;
using Stm32NanoUpdater.Simulation.Nor;

namespace Stm32NanoUpdater.Agent.Tests.Staging;

public class SlotWriterTests
{
    private static readonly byte[] Identity = new byte[32];

    [Fact]
    public void Writes_the_image_erasing_ahead_in_blocks_and_hashes_only_the_covered_bytes()
    {
        var (chip, flash) = Flashes.W25Q128JV();
        byte[] image = TestImages.Payload(150_000, 5);
        const int hashed = 149_000;
        var progress = new DownloadProgress(flash, ImageKind.Deployment);
        progress.Begin(Identity, image.Length);
        int before = chip.OperationCount;
        var writer = new SlotWriter(flash, ImageKind.Deployment, new Sha256(), progress);
        writer.Open(image.Length, hashed, 0, new byte[1024]);

        foreach (byte[] piece in image.Chunk(777))
        {
            writer.Write(piece, 0, piece.Length);
        }

        var digest = new byte[32];
        writer.FinishHash(digest, 0);
        Assert.Equal(SHA256.HashData(image.AsSpan(0, hashed)), digest);
        int slot = NorLayout.StagingSlot(ImageKind.Deployment);
        Assert.Equal(image, chip.Peek(slot, image.Length));

        // 150 000 bytes round up to 37 sectors: two 64 KiB blocks, then 5 sectors; nothing near the trailer sector.
        var erases = chip.Operations.Skip(before).Where(o => o.Kind == NorOperationKind.Erase).Select(o => (o.Address - slot, o.Length));
        Assert.Equal([(0L, 65536), (65536L, 65536), (131072L, 4096), (135168L, 4096), (139264L, 4096), (143360L, 4096), (147456L, 4096)], erases);
        Assert.Equal(image.Length, new DownloadProgress(flash, ImageKind.Deployment).DurableOffset(Identity, image.Length));
    }

    [Fact]
    public void Resuming_rebuilds_the_hash_from_flash_and_erases_again_what_followed_the_checkpoint()
    {
        var (chip, flash) = Flashes.W25Q128JV();
        byte[] image = TestImages.Payload(100_000, 6);
        var progress = new DownloadProgress(flash, ImageKind.NanoClr);
        progress.Begin(Identity, image.Length);
        var first = new SlotWriter(flash, ImageKind.NanoClr, new Sha256(), progress);
        first.Open(image.Length, image.Length, 0, new byte[512]);
        first.Write(image, 0, 40_000); // checkpoints at 16 KiB and 32 KiB; bytes up to 40 000 written

        int durable = new DownloadProgress(flash, ImageKind.NanoClr).DurableOffset(Identity, image.Length);
        Assert.Equal(32768, durable);
        int before = chip.OperationCount;
        var second = new SlotWriter(flash, ImageKind.NanoClr, new Sha256(), progress);
        second.Open(image.Length, image.Length, durable, new byte[512]);
        second.Write(image, durable, image.Length - durable);

        var digest = new byte[32];
        second.FinishHash(digest, 0);
        Assert.Equal(SHA256.HashData(image), digest);
        Assert.Equal(image, chip.Peek(NorLayout.StagingSlot(ImageKind.NanoClr), image.Length));
        var firstErase = chip.Operations.Skip(before).First(o => o.Kind == NorOperationKind.Erase);
        Assert.Equal((NorLayout.StagingSlot(ImageKind.NanoClr) + 32768L, 32768), (firstErase.Address, firstErase.Length));
    }

    [Fact]
    public void More_bytes_than_the_span_are_refused()
    {
        var (_, flash) = Flashes.W25Q128JV();
        var progress = new DownloadProgress(flash, ImageKind.NanoClr);
        progress.Begin(Identity, 10);
        var writer = new SlotWriter(flash, ImageKind.NanoClr, new Sha256(), progress);
        writer.Open(10, 10, 0, new byte[16]);

        Assert.Throws<InvalidOperationException>(() => writer.Write(new byte[11], 0, 11));
    }
}
