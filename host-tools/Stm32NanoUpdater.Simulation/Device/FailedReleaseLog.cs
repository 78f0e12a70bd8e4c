using System.Buffers.Binary;
using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Simulation.Device;

/// <summary>
/// The simulated application's own durable note of the images that failed their self-test, so it does not install the
/// same bad release again and again. It lives in the NOR space the contract leaves to the application (first sector at
/// <see cref="NorLayout.ApplicationStart"/>): 16-byte entries {0xA5, kind, major, minor, revision u16, 0xFFFF, build
/// u32, CRC-32 of the first 12 bytes}, appended, never rewritten; a torn entry reads as absent (the application then
/// tries that release once more, which fails again and is noted again).
/// </summary>
public sealed class FailedReleaseLog(IFlash flash)
{
    private const int Sector = NorLayout.ApplicationStart;
    private const int EntrySize = 16;
    private const int Entries = NorLayout.SectorSize / EntrySize;
    private const byte Marker = 0xA5;

    public bool Contains(ImageKind kind, ImageVersion version)
    {
        byte[] sector = ReadSector();
        for (int i = 0; i < Entries; i++)
        {
            Span<byte> entry = sector.AsSpan(i * EntrySize, EntrySize);
            if (IsValid(entry) && entry[1] == (byte)kind && Decode(entry).Equals(version))
            {
                return true;
            }
        }

        return false;
    }

    public void Add(ImageKind kind, ImageVersion version)
    {
        byte[] sector = ReadSector();
        int slot = Entries;
        for (int i = Entries - 1; i >= 0 && sector.AsSpan(i * EntrySize, EntrySize).IndexOfAnyExcept((byte)0xFF) < 0; i--)
        {
            slot = i;
        }

        if (slot == Entries)
        {
            flash.Erase(Sector, NorLayout.SectorSize);
            slot = 0;
        }

        var entry = new byte[EntrySize];
        entry[0] = Marker;
        entry[1] = (byte)kind;
        entry[2] = version.Major;
        entry[3] = version.Minor;
        BinaryPrimitives.WriteUInt16LittleEndian(entry.AsSpan(4), version.Revision);
        BinaryPrimitives.WriteUInt16LittleEndian(entry.AsSpan(6), 0xFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(8), version.Build);
        BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(12), Crc32.Compute(entry, 0, 12));
        flash.Program(Sector + slot * EntrySize, entry, 0, EntrySize);
    }

    private byte[] ReadSector()
    {
        var sector = new byte[NorLayout.SectorSize];
        flash.Read(Sector, sector, 0, sector.Length);
        return sector;
    }

    private static bool IsValid(Span<byte> entry) =>
        entry[0] == Marker && BinaryPrimitives.ReadUInt32LittleEndian(entry[12..]) == Crc32.Compute(entry[..12].ToArray(), 0, 12);

    private static ImageVersion Decode(Span<byte> entry) => new(entry[2], entry[3],
        BinaryPrimitives.ReadUInt16LittleEndian(entry[4..]), BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]));
}
