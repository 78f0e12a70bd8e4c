using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Host.Signing;

/// <summary>What `nanoupdate sign` was asked for, with imgtool's option semantics.</summary>
public sealed class SignOptions
{
    public required ImageVersion Version { get; init; }

    /// <summary>--header-size: payload offset, at least 32.</summary>
    public required int HeaderSize { get; init; }

    /// <summary>--pad-header: prepend HeaderSize erased bytes instead of requiring the input to start with zeros.</summary>
    public bool PadHeader { get; init; }

    /// <summary>--load-addr: written to the header; a non-zero value also sets IMAGE_F_RAM_LOAD (imgtool does).</summary>
    public uint LoadAddress { get; init; }

    /// <summary>--slot-size: 0 when not given.</summary>
    public uint SlotSize { get; init; }

    public int Align { get; init; } = 1;

    /// <summary>--max-align; 0 means imgtool's default max(8, align).</summary>
    public int MaxAlign { get; init; }

    public bool Pad { get; init; }

    public bool Confirm { get; init; }

    /// <summary>Protected SEC_CNT TLV value; null for none.</summary>
    public uint? SecurityCounter { get; init; }

    /// <summary>--hex-addr: base address of Intel HEX output; null to use the input HEX file's.</summary>
    public uint? HexAddress { get; init; }

    public int EffectiveMaxAlign => MaxAlign != 0 ? MaxAlign : Math.Max(SlotTrailer.DefaultMaxAlign, Align);

    /// <summary>imgtool: "Confirmed but non-padded images don't make much sense", so --confirm implies --pad.</summary>
    public bool EffectivePad => Pad || Confirm;
}
