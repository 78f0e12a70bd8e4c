using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Host.Inspection;

/// <summary>The slot trailer of a padded image file (imgtool --pad), decoded with the update contract's table.</summary>
public sealed class TrailerReport
{
    public required bool MagicGood { get; init; }

    public required byte ImageOk { get; init; }

    public required byte CopyDone { get; init; }

    public required SwapRequest Request { get; init; }

    /// <summary>Bytes between the end of the image and the trailer.</summary>
    public required long PaddingLength { get; init; }

    /// <summary>True when all padding bytes are 0xFF, as the update agent requires of a --pad file.</summary>
    public required bool PaddingErased { get; init; }

    public string RequestName => SwapTrailer.Describe(Request);
}
