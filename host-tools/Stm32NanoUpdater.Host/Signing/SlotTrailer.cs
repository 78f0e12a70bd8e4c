using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Host.Signing;

/// <summary>
/// The trailer imgtool reserves and writes with --pad (image.py _trailer_size, pad_to and save): a swap status area
/// of max_sectors × 3 × align bytes, four max-align flag fields, and the magic aligned to max-align; --confirm sets
/// image_ok, the byte at end − (align_up(16, max_align) + max_align). With max-align 8 this is the update contract's
/// 48-byte trailer (image_ok at end − 24, magic at end − 16).
/// </summary>
public sealed class SlotTrailer
{
    public const int DefaultMaxSectors = 128;
    public const int DefaultMaxAlign = 8;
    private const int MagicSize = 16;

    // imgtool's boot_magic for max-align other than 8: the first two bytes hold max_align (little-endian).
    private static readonly byte[] AlignedMagicTail = [0x2d, 0xe1, 0x5d, 0x29, 0x41, 0x0b, 0x8d, 0x77, 0x67, 0x9c, 0x11, 0x0f, 0x1f, 0x8a];

    public SlotTrailer(int align, int maxAlign)
    {
        Align = align;
        MaxAlign = maxAlign;
    }

    public int Align { get; }

    public int MaxAlign { get; }

    /// <summary>Bytes imgtool reserves at the end of the slot.</summary>
    public int ReservedSize => DefaultMaxSectors * 3 * Align + MaxAlign * 4 + MagicAlignedSize;

    /// <summary>Distance of image_ok from the end of the slot.</summary>
    public int ImageOkFromEnd => MagicAlignedSize + MaxAlign;

    private int MagicAlignedSize => (MagicSize + MaxAlign - 1) / MaxAlign * MaxAlign;

    /// <summary>The 16 magic bytes imgtool writes for this max-align.</summary>
    public byte[] Magic
    {
        get
        {
            if (MaxAlign == DefaultMaxAlign)
            {
                return SwapTrailer.Magic;
            }

            return [(byte)MaxAlign, (byte)(MaxAlign >> 8), .. AlignedMagicTail];
        }
    }

    /// <summary>The flag field imgtool writes for --confirm: image_ok = 0x01, the rest of the field erased.</summary>
    public byte[] ImageOkField
    {
        get
        {
            byte[] flag = new byte[MaxAlign];
            Array.Fill(flag, SwapTrailer.Erased);
            flag[0] = SwapTrailer.FlagSet;
            return flag;
        }
    }
}
