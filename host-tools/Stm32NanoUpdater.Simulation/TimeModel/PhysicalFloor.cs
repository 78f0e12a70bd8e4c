using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Simulation.Images;
using Stm32NanoUpdater.Simulation.Mcu;
using Stm32NanoUpdater.Simulation.Network;
using Stm32NanoUpdater.Simulation.Nor;

namespace Stm32NanoUpdater.Simulation.TimeModel;

/// <summary>
/// The least time physics allows to move an update from the server into internal flash, from the same models: getting
/// the bytes staged is bounded by the link (the images' bytes at the link rate) or by NOR programming (page programs
/// plus the fewest erases covering the images, plus the SPI transfer), whichever is slower; installing needs one read
/// pass of the staged bytes over SPI plus erasing and programming the internal sectors whose content changes.
/// </summary>
public static class PhysicalFloor
{
    public const long SpiClockHz = 20_000_000;

    public static long LinkMicroseconds(IEnumerable<SampleImage> images, LinkModel link) =>
        link.TransferMicroseconds(images.Sum(i => (long)i.Span));

    public static long NorProgrammingMicroseconds(IEnumerable<SampleImage> images, NorChipProfile nor) => images.Sum(image =>
    {
        long pages = (image.Span + nor.PageSize - 1) / nor.PageSize;
        long blocks = (image.Span + 65535) / 65536;
        return pages * nor.PageProgram.TypicalMicroseconds + blocks * nor.Erase64K.TypicalMicroseconds + SpiMicroseconds(image.Span);
    });

    public static long ReadPassMicroseconds(IEnumerable<SampleImage> images) => images.Sum(i => SpiMicroseconds(i.Span));

    /// <summary>Erase and program time of the internal sectors that differ between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public static long InternalMicroseconds(SampleImage from, SampleImage to, InternalFlashTimings timings)
    {
        uint region = NorLayout.RegionStart(to.Kind);
        uint end = region + (uint)NorLayout.RegionSize(to.Kind);
        long total = 0;
        foreach (FlashSector sector in Stm32F76xFlash.Sectors.Where(s => s.Address >= region && s.End <= end))
        {
            int offset = (int)(sector.Address - region);
            if (!Slice(from.Payload, offset, sector.Size).SequenceEqual(Slice(to.Payload, offset, sector.Size)))
            {
                total += timings.EraseMicroseconds(sector.Size) + timings.ProgramMicroseconds(Slice(to.Payload, offset, sector.Size).Length);
            }
        }

        return total;
    }

    private static long SpiMicroseconds(long bytes) => bytes * 8 * 1_000_000 / SpiClockHz;

    private static ReadOnlySpan<byte> Slice(byte[] payload, int offset, int length) =>
        offset >= payload.Length ? [] : payload.AsSpan(offset, Math.Min(length, payload.Length - offset));
}
