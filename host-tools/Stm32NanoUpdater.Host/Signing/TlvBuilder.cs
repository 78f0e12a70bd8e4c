using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Host.Signing;

/// <summary>Builds one TLV area: {u16 magic, u16 total} then {u16 type, u16 length, data} entries, packed.</summary>
public sealed class TlvBuilder(ushort magic)
{
    private readonly MemoryStream _entries = new();

    public void Add(int type, byte[] data)
    {
        if (data.Length > ushort.MaxValue)
        {
            throw new ArgumentException("TLV data longer than 65535 bytes", nameof(data));
        }

        byte[] header = new byte[TlvArea.EntryHeaderSize];
        LittleEndian.WriteUInt16(header, 0, (ushort)type);
        LittleEndian.WriteUInt16(header, 2, (ushort)data.Length);
        _entries.Write(header);
        _entries.Write(data);
    }

    /// <summary>The whole area with its info header; empty when nothing was added (imgtool writes no empty area).</summary>
    public byte[] ToArray()
    {
        if (_entries.Length == 0)
        {
            return [];
        }

        int total = TlvArea.InfoSize + (int)_entries.Length;
        if (total > ushort.MaxValue)
        {
            throw new InvalidOperationException("TLV area longer than 65535 bytes");
        }

        byte[] area = new byte[total];
        LittleEndian.WriteUInt16(area, 0, magic);
        LittleEndian.WriteUInt16(area, 2, (ushort)total);
        _entries.ToArray().CopyTo(area, TlvArea.InfoSize);
        return area;
    }
}
