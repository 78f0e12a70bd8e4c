using System.Buffers;
using System.Security.Cryptography;
using Stm32NanoUpdater.Host.IntelHex;
using Stm32NanoUpdater.Host.Keys;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Host.Signing;

/// <summary>
/// Turns a binary (or Intel HEX) into a signed MCUboot image byte for byte as imgtool sign does (image.py create/save):
/// header; header padding (0xFF with --pad-header, else the input's leading zeros); payload; protected TLV area
/// (SEC_CNT); unprotected TLV area SHA256, KEYHASH, signature; with --pad the slot padding and trailer. The input is
/// streamed through a fixed buffer, so a 16 MiB firmware needs no 16 MiB array. Output goes to a temporary file that
/// replaces the target only when everything succeeded.
/// </summary>
public static class ImageSigner
{
    /// <summary>The update contract keeps the last 4 KiB sector of a slot for the trailer alone.</summary>
    public const int ContractTrailerSector = 4096;
    private const int BufferSize = 256 * 1024;
    private static readonly int[] Alignments = [1, 2, 4, 8];
    private static readonly int[] MaxAlignments = [8, 16, 32];

    public static SignResult Sign(string inputPath, string outputPath, SigningKey key, SignOptions options)
    {
        CheckOptions(options);
        bool hexInput = IsHex(inputPath);
        using HexImage? hex = hexInput ? IntelHexReader.Read(inputPath) : null;
        string binaryInput = hex?.BinaryPath ?? inputPath;
        bool hexOutput = IsHex(outputPath);
        uint? hexBase = options.HexAddress;
        if (hexBase is null && hex is not null)
        {
            hexBase = options.PadHeader ? hex.BaseAddress - (uint)options.HeaderSize : hex.BaseAddress;
        }

        if (hexOutput && hexBase is null)
        {
            throw new InputException("Intel HEX output needs a base address: give --hex-addr, or sign an Intel HEX input");
        }

        string directory = Path.GetDirectoryName(Path.GetFullPath(outputPath))!;
        string temporary = Path.Combine(directory, "." + Path.GetFileName(outputPath) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        string imagePath = hexOutput ? Path.GetTempFileName() : temporary;
        try
        {
            SignResult result = WriteImage(binaryInput, inputPath, imagePath, key, options, writePadding: !hexOutput);
            if (hexOutput)
            {
                WriteHex(imagePath, temporary, hexBase!.Value, result, options);
                result = result with { HexBaseAddress = hexBase };
            }

            File.Move(temporary, outputPath, overwrite: true);
            return result;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot write {outputPath}: {e.Message}");
        }
        finally
        {
            DeleteIfPresent(temporary);
            if (hexOutput)
            {
                DeleteIfPresent(imagePath);
            }
        }
    }

    private static void DeleteIfPresent(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    public static bool IsHex(string path) => string.Equals(Path.GetExtension(path), ".hex", StringComparison.OrdinalIgnoreCase);

    private static void CheckOptions(SignOptions options)
    {
        if (options.HeaderSize < ImageHeader.Size || options.HeaderSize > ushort.MaxValue)
        {
            throw new InputException($"--header-size {options.HeaderSize} is out of range: the header needs at least {ImageHeader.Size} bytes and at most {ushort.MaxValue}");
        }

        if (!Alignments.Contains(options.Align))
        {
            throw new InputException($"--align {options.Align}: use 1, 2, 4 or 8");
        }

        if (options.MaxAlign != 0 && (!MaxAlignments.Contains(options.MaxAlign) || options.MaxAlign < options.Align))
        {
            throw new InputException($"--max-align {options.MaxAlign}: use 8, 16 or 32, at least --align");
        }

        if (options.EffectivePad && options.SlotSize == 0)
        {
            throw new InputException("--pad and --confirm need --slot-size (the trailer goes at the end of the slot)");
        }
    }

    private static SignResult WriteImage(string binaryInput, string inputName, string outputPath, SigningKey key, SignOptions options, bool writePadding)
    {
        using FileStream input = OpenInput(binaryInput, inputName);
        long inputLength = input.Length;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            CheckLeadingBytes(input, options, inputName);
            long imageSize = options.PadHeader ? inputLength : inputLength - options.HeaderSize;
            if (imageSize > uint.MaxValue - options.HeaderSize)
            {
                throw new InputException($"{inputName} is too large for an MCUboot image");
            }

            byte[] protectedTlvs = ProtectedTlvs(options);
            uint flags = options.LoadAddress != 0 ? ImageFlags.RamLoad : 0;
            var header = new ImageHeader(options.LoadAddress, options.HeaderSize, protectedTlvs.Length, (uint)imageSize, flags, options.Version);

            using var output = new FileStream(outputPath, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            void Emit(ReadOnlySpan<byte> bytes)
            {
                sha.AppendData(bytes);
                output.Write(bytes);
            }

            byte[] headerBytes = new byte[options.HeaderSize];
            Array.Fill(headerBytes, options.PadHeader ? SwapTrailer.Erased : (byte)0);
            header.WriteTo(headerBytes, 0);
            Emit(headerBytes);

            input.Position = options.PadHeader ? 0 : options.HeaderSize;
            int read;
            while ((read = input.Read(buffer, 0, BufferSize)) > 0)
            {
                Emit(buffer.AsSpan(0, read));
            }

            Emit(protectedTlvs);
            byte[] digest = sha.GetHashAndReset();
            byte[] unprotectedTlvs = UnprotectedTlvs(digest, key);
            output.Write(unprotectedTlvs);

            long span = options.HeaderSize + imageSize + protectedTlvs.Length + unprotectedTlvs.Length;
            string? warning = CheckSlot(span, options);
            if (options.EffectivePad && writePadding)
            {
                WritePadding(output, span, options);
            }

            return new SignResult
            {
                Header = header, Digest = digest, ImageSpan = span, Warning = warning,
                OutputLength = options.EffectivePad ? options.SlotSize : span,
            };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Checks the input's first bytes: not an image already, and (without --pad-header) header-size zero bytes.
    private static void CheckLeadingBytes(FileStream input, SignOptions options, string inputName)
    {
        byte[] leading = new byte[Math.Min(options.HeaderSize, input.Length)];
        input.ReadExactly(leading);
        if (leading.Length >= 4 && LittleEndian.ReadUInt32(leading, 0) == ImageHeader.Magic)
        {
            throw new InputException($"{inputName} is already a signed MCUboot image (header magic 0x96f3b83d): sign the raw binary instead");
        }

        if (!options.PadHeader)
        {
            if (input.Length < options.HeaderSize)
            {
                throw new InputException($"{inputName} ({input.Length} bytes) is shorter than --header-size {options.HeaderSize}; use --pad-header to add the header in front");
            }

            if (leading.Any(b => b != 0))
            {
                throw new InputException($"{inputName} does not start with {options.HeaderSize} zero bytes for the header: use --pad-header (imgtool: \"Header padding was not requested and image does not start with zeros\")");
            }
        }
    }

    private static byte[] ProtectedTlvs(SignOptions options)
    {
        if (options.SecurityCounter is not uint counter)
        {
            return [];
        }

        var area = new TlvBuilder(TlvArea.ProtectedMagic);
        byte[] value = new byte[4];
        LittleEndian.WriteUInt32(value, 0, counter);
        area.Add(TlvType.SecurityCounter, value);
        return area.ToArray();
    }

    private static byte[] UnprotectedTlvs(byte[] digest, SigningKey key)
    {
        var area = new TlvBuilder(TlvArea.UnprotectedMagic);
        area.Add(TlvType.Sha256, digest);
        area.Add(TlvType.KeyHash, key.PublicKey.KeyHash);
        area.Add(key.SignatureTlv, key.SignDigest(digest));
        return area.ToArray();
    }

    private static string? CheckSlot(long span, SignOptions options)
    {
        if (options.SlotSize == 0)
        {
            return null;
        }

        var trailer = new SlotTrailer(options.Align, options.EffectiveMaxAlign);
        if (span + trailer.ReservedSize > options.SlotSize)
        {
            throw new InputException($"image size (0x{span:x}) + trailer (0x{trailer.ReservedSize:x}) exceeds --slot-size 0x{options.SlotSize:x}");
        }

        if (span > options.SlotSize - ContractTrailerSector)
        {
            return $"the image (0x{span:x} bytes) reaches into the last 4 KiB of the 0x{options.SlotSize:x} slot, which the update agent keeps for the trailer: the device will refuse it";
        }

        return null;
    }

    private static void WritePadding(Stream output, long span, SignOptions options)
    {
        var trailer = new SlotTrailer(options.Align, options.EffectiveMaxAlign);
        long end = options.SlotSize;
        byte[] erased = new byte[64 * 1024];
        Array.Fill(erased, SwapTrailer.Erased);
        for (long position = span; position < end;)
        {
            int count = (int)Math.Min(erased.Length, end - position);
            output.Write(erased, 0, count);
            position += count;
        }

        if (options.Confirm)
        {
            output.Position = end - trailer.ImageOkFromEnd;
            output.Write(trailer.ImageOkField, 0, 1);
        }

        output.Position = end - 16;
        output.Write(trailer.Magic);
    }

    // imgtool's Intel HEX output: the image at the base address, and with --pad only the trailer fields, not the
    // padding (intelhex leaves the gap empty).
    private static void WriteHex(string imagePath, string hexPath, uint baseAddress, SignResult result, SignOptions options)
    {
        var trailer = new SlotTrailer(options.Align, options.EffectiveMaxAlign);
        ulong last = (ulong)baseAddress + (ulong)(options.EffectivePad ? options.SlotSize : result.ImageSpan) - 1;
        if (last > uint.MaxValue)
        {
            throw new InputException($"the image at --hex-addr 0x{baseAddress:x8} runs past the 32-bit address space");
        }

        using var image = new FileStream(imagePath, FileMode.Open, FileAccess.Read);
        using var text = new StreamWriter(hexPath, append: false, new System.Text.UTF8Encoding(false), BufferSize);
        var writer = new IntelHexWriter(text, (uint)last);
        byte[] buffer = new byte[BufferSize];
        uint address = baseAddress;
        int read;
        while ((read = image.Read(buffer, 0, buffer.Length)) > 0)
        {
            writer.Write(address, buffer.AsSpan(0, read));
            address += (uint)read;
        }

        if (options.EffectivePad)
        {
            uint slotEnd = baseAddress + options.SlotSize;
            if (options.Confirm)
            {
                writer.Write(slotEnd - (uint)trailer.ImageOkFromEnd, trailer.ImageOkField);
            }

            writer.Write(slotEnd - 16, trailer.Magic);
        }

        writer.Finish();
    }

    private static FileStream OpenInput(string path, string name)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InputException($"cannot read {name}: {KeyFile.Reason(e)}");
        }
    }
}
