using System.Globalization;

namespace Stm32NanoUpdater.Host.IntelHex;

/// <summary>
/// Reads Intel HEX (record types 00 data, 01 end, 02 extended segment address, 03/05 start address (ignored),
/// 04 extended linear address) with checksum, syntax and overlap checks. Two streaming passes: the first finds the
/// address range, the second writes the data into a temporary binary.
/// </summary>
public static class IntelHexReader
{
    /// <summary>Refuses HEX data spread over more than this (a stray record far away would create a huge file).</summary>
    public const long MaxSpan = 64L * 1024 * 1024;

    public static HexImage Read(string path)
    {
        uint min = uint.MaxValue;
        ulong max = 0;
        var written = new List<(ulong Start, ulong End)>();
        ForEachRecord(path, (address, data) =>
        {
            min = Math.Min(min, address);
            max = Math.Max(max, address + (ulong)data.Length);
            MarkWritten(written, address, (ulong)data.Length, path);
        });

        if (max == 0)
        {
            throw new InputException($"{path}: Intel HEX file holds no data");
        }

        long length = (long)(max - min);
        if (length > MaxSpan)
        {
            throw new InputException($"{path}: HEX data spans 0x{min:X8}..0x{max:X8} ({length} bytes); at most {MaxSpan} bytes are supported");
        }

        string binary = Path.GetTempFileName();
        try
        {
            using (var output = new FileStream(binary, FileMode.Create, FileAccess.Write))
            {
                FillErased(output, length);
                ForEachRecord(path, (address, data) =>
                {
                    output.Position = address - min;
                    output.Write(data);
                });
            }

            return new HexImage(min, binary);
        }
        catch
        {
            File.Delete(binary);
            throw;
        }
    }

    private delegate void RecordHandler(uint address, ReadOnlySpan<byte> data);

    private static void ForEachRecord(string path, RecordHandler onData)
    {
        StreamReader reader;
        try
        {
            reader = new StreamReader(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InputException($"cannot read {path}: {Keys.KeyFile.Reason(e)}");
        }

        using (reader)
        {
            uint upper = 0;
            int lineNumber = 0;
            byte[] record = new byte[260];
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                lineNumber++;
                line = line.Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                ParseRecord(line, record, path, lineNumber);
                int dataLength = record[0];
                uint offset = (uint)(record[1] << 8 | record[2]);
                byte type = record[3];
                ReadOnlySpan<byte> data = record.AsSpan(4, dataLength);
                switch (type)
                {
                    case 0x00:
                        ulong address = (ulong)upper + offset;
                        if (address + (ulong)dataLength > 0x1_0000_0000UL)
                        {
                            throw Bad(path, lineNumber, "data runs past the 32-bit address space");
                        }

                        onData((uint)address, data);
                        break;
                    case 0x01:
                        return;
                    case 0x02:
                        RequireLength(dataLength, 2, path, lineNumber);
                        upper = (uint)(data[0] << 8 | data[1]) << 4;
                        break;
                    case 0x04:
                        RequireLength(dataLength, 2, path, lineNumber);
                        upper = (uint)(data[0] << 8 | data[1]) << 16;
                        break;
                    case 0x03:
                    case 0x05:
                        RequireLength(dataLength, 4, path, lineNumber);
                        break;
                    default:
                        throw Bad(path, lineNumber, $"unknown record type {type:X2}");
                }
            }

            throw new InputException($"{path}: Intel HEX file has no end-of-file record (truncated?)");
        }
    }

    // Parses ":LLAAAATT<data>CC" into record[0..4+LL), checking syntax and checksum.
    private static void ParseRecord(string line, byte[] record, string path, int lineNumber)
    {
        if (line[0] != ':' || line.Length < 11 || line.Length % 2 == 0)
        {
            throw Bad(path, lineNumber, "not an Intel HEX record");
        }

        int count = (line.Length - 1) / 2;
        int sum = 0;
        for (int i = 0; i < count; i++)
        {
            if (!byte.TryParse(line.AsSpan(1 + 2 * i, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte value))
            {
                throw Bad(path, lineNumber, "invalid hex digit");
            }

            record[i] = value;
            sum += value;
        }

        if (record[0] != count - 5)
        {
            throw Bad(path, lineNumber, $"record length {record[0]} does not match its {count - 5} data bytes");
        }

        if ((sum & 0xFF) != 0)
        {
            throw Bad(path, lineNumber, "checksum mismatch");
        }
    }

    private static void MarkWritten(List<(ulong Start, ulong End)> written, ulong start, ulong length, string path)
    {
        ulong end = start + length;
        if (written.Count > 0 && written[^1].End == start)
        {
            written[^1] = (written[^1].Start, end); // the usual case: records in order
            return;
        }

        foreach ((ulong s, ulong e) in written)
        {
            if (start < e && s < end)
            {
                throw new InputException($"{path}: address 0x{Math.Max(start, s):X8} is written twice");
            }
        }

        written.Add((start, end));
    }

    private static void FillErased(Stream output, long length)
    {
        byte[] erased = new byte[64 * 1024];
        Array.Fill(erased, (byte)0xFF);
        for (long done = 0; done < length; done += erased.Length)
        {
            output.Write(erased, 0, (int)Math.Min(erased.Length, length - done));
        }
    }

    private static void RequireLength(int actual, int expected, string path, int lineNumber)
    {
        if (actual != expected)
        {
            throw Bad(path, lineNumber, $"record must carry {expected} data bytes");
        }
    }

    private static InputException Bad(string path, int lineNumber, string what) =>
        new($"{path}:{lineNumber}: {what}");
}
