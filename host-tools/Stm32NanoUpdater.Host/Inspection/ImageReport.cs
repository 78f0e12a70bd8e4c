using Stm32NanoUpdater.Host.Keys;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Host.Inspection;

/// <summary>Everything `info` and `verify` say about an image file.</summary>
public sealed class ImageReport
{
    public required string Path { get; init; }

    public required long FileLength { get; init; }

    public required VerificationResult Result { get; init; }

    /// <summary>TLV values read from the image, parallel to Result.Tlvs entries.</summary>
    public required IReadOnlyList<byte[]> TlvValues { get; init; }

    /// <summary>Null when the file holds nothing after the image (not padded) or the image could not be parsed.</summary>
    public TrailerReport? Trailer { get; init; }

    /// <summary>The given key whose hash the image names, or null.</summary>
    public PublicKey? NamedKey { get; init; }

    /// <summary>Base address when the file was Intel HEX.</summary>
    public uint? HexBaseAddress { get; init; }

    public bool SignatureChecked { get; init; }
}
