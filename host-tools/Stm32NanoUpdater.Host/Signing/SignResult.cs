using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Host.Signing;

/// <summary>What <see cref="ImageSigner"/> wrote.</summary>
public sealed record SignResult
{
    public required ImageHeader Header { get; init; }

    /// <summary>The SHA256 TLV value (and the message the signature signs).</summary>
    public required byte[] Digest { get; init; }

    /// <summary>Header + payload + TLV areas, without slot padding.</summary>
    public required long ImageSpan { get; init; }

    /// <summary>Bytes of image data written (the slot size with --pad).</summary>
    public required long OutputLength { get; init; }

    /// <summary>Base address of the Intel HEX output; null for binary output.</summary>
    public uint? HexBaseAddress { get; init; }

    /// <summary>Something the user should know although signing succeeded; null if nothing.</summary>
    public string? Warning { get; init; }
}
