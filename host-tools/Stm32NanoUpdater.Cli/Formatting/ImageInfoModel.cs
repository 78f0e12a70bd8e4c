using Stm32NanoUpdater.Host.Inspection;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Cli.Formatting;

/// <summary>What `info` reports, shaped for both the text and the JSON output.</summary>
public sealed record ImageInfoModel
{
    public required string File { get; init; }
    public required long FileSize { get; init; }
    public uint? HexBaseAddress { get; init; }
    public HeaderInfo? Header { get; init; }
    public IReadOnlyList<TlvInfo> Tlvs { get; init; } = [];
    public bool HashOk { get; init; }
    public string? ComputedSha256 { get; init; }
    public uint? SecurityCounter { get; init; }
    public string? KeyHash { get; init; }
    public string? SignerKeyFile { get; init; }
    public string? SignerKeyType { get; init; }

    /// <summary>"verified", "invalid", "not checked" or "unknown key".</summary>
    public required string Signature { get; init; }
    public long ImageSpan { get; init; }
    public TrailerInfo? Trailer { get; init; }
    public required bool Ok { get; init; }

    /// <summary>Why the image is not OK; null when it is.</summary>
    public string? Problem { get; init; }

    public static ImageInfoModel From(ImageReport report)
    {
        VerificationResult result = report.Result;
        string signature = !report.SignatureChecked ? "not checked"
            : result.IsAccepted ? "verified"
            : result.Reason == RejectReason.SignatureInvalid ? "invalid"
            : result.Reason == RejectReason.KeyNotTrusted ? "unknown key" : "not checked";
        bool ok = result.IsAccepted || (!report.SignatureChecked && result.HashMatches);
        return new ImageInfoModel
        {
            File = report.Path,
            FileSize = report.FileLength,
            HexBaseAddress = report.HexBaseAddress,
            Header = result.Header is null ? null : HeaderInfo.From(result.Header),
            Tlvs = result.Tlvs is null ? [] : Enumerable.Range(0, result.Tlvs.Count)
                .Select(i => TlvInfo.From(result.Tlvs.GetEntry(i), report.TlvValues[i])).ToArray(),
            HashOk = result.HashMatches,
            ComputedSha256 = result.ComputedDigest is null ? null : Convert.ToHexStringLower(result.ComputedDigest),
            SecurityCounter = result.HasSecurityCounter ? result.SecurityCounter : null,
            KeyHash = result.KeyHash is null ? null : Convert.ToHexStringLower(result.KeyHash),
            SignerKeyFile = report.NamedKey?.Source,
            SignerKeyType = report.NamedKey?.TypeName,
            Signature = signature,
            ImageSpan = result.ImageSpan,
            Trailer = report.Trailer is null ? null : TrailerInfo.From(report.Trailer),
            Ok = ok,
            Problem = ok ? null : $"{result.Message} [reason {(int)result.Reason}: {RejectReasons.Describe(result.Reason)}]",
        };
    }
}

public sealed record HeaderInfo(string Magic, string LoadAddress, int HeaderSize, int ProtectedTlvSize, uint ImageSize,
    string Flags, IReadOnlyList<string> FlagNames, string Version)
{
    public static HeaderInfo From(ImageHeader header) => new(
        "0x96f3b83d", $"0x{header.LoadAddress:x8}", header.HeaderSize, header.ProtectedTlvSize, header.ImageSize,
        $"0x{header.Flags:x8}", FlagNamesOf(header.Flags), header.Version.ToString());

    private static string[] FlagNamesOf(uint flags)
    {
        (uint Bit, string Name)[] known =
        [
            (ImageFlags.Pic, "PIC"), (ImageFlags.EncryptedAes128, "ENCRYPTED_AES128"),
            (ImageFlags.EncryptedAes256, "ENCRYPTED_AES256"), (ImageFlags.NonBootable, "NON_BOOTABLE"),
            (ImageFlags.RamLoad, "RAM_LOAD"), (ImageFlags.RomFixed, "ROM_FIXED"),
            (ImageFlags.CompressedLzma1, "COMPRESSED_LZMA1"), (ImageFlags.CompressedLzma2, "COMPRESSED_LZMA2"),
            (ImageFlags.CompressedArmThumb, "COMPRESSED_ARM_THUMB"),
        ];
        var names = known.Where(k => (flags & k.Bit) != 0).Select(k => k.Name).ToList();
        uint unknown = flags & ~known.Aggregate(0u, (all, k) => all | k.Bit);
        if (unknown != 0)
        {
            names.Add($"0x{unknown:x}");
        }

        return [.. names];
    }
}

public sealed record TlvInfo(string Area, string Type, int TypeCode, int Offset, int Length, string Value)
{
    public static TlvInfo From(TlvEntry entry, byte[] value) => new(
        entry.IsProtected ? "protected" : "unprotected", TlvType.Name(entry.Type), entry.Type,
        entry.DataOffset - TlvArea.EntryHeaderSize, entry.Length, Convert.ToHexStringLower(value));
}

public sealed record TrailerInfo(string Request, bool MagicGood, string ImageOk, string CopyDone, long PaddingBytes, bool PaddingErased)
{
    public static TrailerInfo From(TrailerReport trailer) => new(
        trailer.RequestName, trailer.MagicGood, $"0x{trailer.ImageOk:x2}", $"0x{trailer.CopyDone:x2}",
        trailer.PaddingLength, trailer.PaddingErased);
}
