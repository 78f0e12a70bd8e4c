using System.Globalization;

namespace Stm32NanoUpdater.Host.IntelHex;

/// <summary>
/// Writes Intel HEX exactly as Python's intelhex package (used by imgtool) does: data records of at most 16 bytes
/// that start where the data starts, never cross a 64 KiB boundary and stop at holes; extended linear address (04)
/// records only when the data reaches above 0xFFFF; upper-case hex, "\n" line ends, no start address record.
/// Data is streamed: Write may be called many times with ascending addresses.
/// </summary>
public sealed class IntelHexWriter
{
    private const int RecordSize = 16;

    private readonly TextWriter _output;
    private readonly bool _extendedAddresses;
    private readonly byte[] _record = new byte[RecordSize];
    private int _recordLength;
    private uint _recordAddress;
    private long _nextAddress = -1;
    private long _upperAddress = -1;

    /// <param name="maxAddress">The highest address that will be written (decides whether 04 records are needed).</param>
    public IntelHexWriter(TextWriter output, uint maxAddress)
    {
        _output = output;
        _extendedAddresses = maxAddress > 0xFFFF;
    }

    public void Write(uint address, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        if (address < _nextAddress)
        {
            throw new ArgumentException("Intel HEX data must be written in ascending address order", nameof(address));
        }

        if (address != _nextAddress)
        {
            Flush();
        }

        ulong end = (ulong)address + (ulong)data.Length;
        if (end > 0x1_0000_0000UL)
        {
            throw new InputException($"data at 0x{address:X8} runs past the 32-bit Intel HEX address space");
        }

        foreach (byte value in data)
        {
            if (_recordLength == 0)
            {
                _recordAddress = address;
            }

            _record[_recordLength++] = value;
            address++;
            if (_recordLength == RecordSize || (address & 0xFFFF) == 0)
            {
                Flush();
            }
        }

        _nextAddress = (long)end;
    }

    /// <summary>Flushes the last record and writes the end-of-file record.</summary>
    public void Finish()
    {
        Flush();
        _output.Write(":00000001FF\n");
    }

    private void Flush()
    {
        if (_recordLength == 0)
        {
            return;
        }

        uint upper = _recordAddress >> 16;
        if (_extendedAddresses && upper != _upperAddress)
        {
            WriteRecord(0, 0x04, [(byte)(upper >> 8), (byte)upper]);
            _upperAddress = upper;
        }

        WriteRecord((ushort)_recordAddress, 0x00, _record.AsSpan(0, _recordLength));
        _recordLength = 0;
    }

    private void WriteRecord(ushort address, byte type, ReadOnlySpan<byte> data)
    {
        int sum = data.Length + (address >> 8) + (address & 0xFF) + type;
        Span<char> line = stackalloc char[1 + 2 * (5 + RecordSize) + 1];
        int n = 0;
        line[n++] = ':';
        n += Hex((byte)data.Length, line[n..]);
        n += Hex((byte)(address >> 8), line[n..]);
        n += Hex((byte)address, line[n..]);
        n += Hex(type, line[n..]);
        foreach (byte b in data)
        {
            sum += b;
            n += Hex(b, line[n..]);
        }

        n += Hex((byte)(-sum), line[n..]);
        line[n++] = '\n';
        _output.Write(line[..n]);
    }

    private static int Hex(byte value, Span<char> destination)
    {
        value.TryFormat(destination, out int written, "X2", CultureInfo.InvariantCulture);
        return written;
    }
}
