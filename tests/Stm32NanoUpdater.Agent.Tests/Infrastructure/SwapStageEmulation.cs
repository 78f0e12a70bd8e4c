using System.Buffers.Binary;
using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Image;
using Stm32NanoUpdater.Simulation.Nor;

namespace Stm32NanoUpdater.Agent.Tests.Infrastructure;

/// <summary>
/// Writes what the native swap stage writes (installed records, journal records, a consumed request), byte for byte
/// per the update contract, straight into the chip model: the state the agent finds after a boot.
/// </summary>
public static class SwapStageEmulation
{
    /// <summary>An installed record (contract §4) for <paramref name="image"/>, TEST pending or confirmed.</summary>
    public static void WriteRecord(SpiNorChipModel chip, ImageKind kind, SignedImage image, RecordTrailerState state)
    {
        int headerSize = image.Header.HeaderSize;
        byte[] tlvs = image.Bytes[image.TlvOffset..image.Span];
        var sector = new byte[NorLayout.SectorSize];
        Array.Fill(sector, (byte)0xFF);
        "NUIR"u8.CopyTo(sector);
        BinaryPrimitives.WriteUInt16LittleEndian(sector.AsSpan(4), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(sector.AsSpan(6), (ushort)headerSize);
        BinaryPrimitives.WriteUInt32LittleEndian(sector.AsSpan(8), (uint)tlvs.Length);
        image.Bytes.AsSpan(0, headerSize).CopyTo(sector.AsSpan(16));
        tlvs.CopyTo(sector.AsSpan(16 + headerSize));
        BinaryPrimitives.WriteUInt32LittleEndian(sector.AsSpan(12), Crc32.Compute(sector, 16, headerSize + tlvs.Length));
        int trailer = NorLayout.SectorSize - SwapTrailer.Size;
        if (state == RecordTrailerState.TestPending)
        {
            sector[trailer + SwapTrailer.CopyDoneOffset] = SwapTrailer.FlagSet;
        }
        else
        {
            sector[trailer + SwapTrailer.ImageOkOffset] = SwapTrailer.FlagSet;
        }

        SwapTrailer.Magic.CopyTo(sector, trailer + SwapTrailer.MagicOffset);
        chip.Poke(NorLayout.RecordSector(kind), sector);
    }

    /// <summary>A journal sector: header record with <paramref name="generation"/> and the given records after it.</summary>
    public static void WriteJournal(SpiNorChipModel chip, int sectorAddress, uint generation, params JournalRecord[] records)
    {
        var sector = new byte[NorLayout.SectorSize];
        Array.Fill(sector, (byte)0xFF);
        new JournalRecord(JournalRecordType.SectorHeader, ImageKind.None, generation, 0xFFFFFFFF, null).Encode(sector, 0);
        for (int i = 0; i < records.Length; i++)
        {
            records[i].Encode(sector, (i + 1) * JournalRecord.Size);
        }

        chip.Poke(sectorAddress, sector);
    }

    /// <summary>Marks the staging slot's request consumed (copy_done = 0x01), as the stage does after acting on it.</summary>
    public static void ConsumeRequest(SpiNorChipModel chip, ImageKind kind)
    {
        long at = NorLayout.RequestTrailer(kind) + SwapTrailer.CopyDoneOffset;
        chip.Poke(at, [(byte)(chip.Peek(at, 1)[0] & SwapTrailer.FlagSet)]);
    }

    public static byte[] DigestPrefix(SignedImage image) => image.Digest[..JournalRecord.DigestPrefixSize];
}
