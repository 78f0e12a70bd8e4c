namespace Stm32NanoUpdater.Image
{
    /// <summary>
    /// The 48-byte MCUboot trailer at the end of a slot (and of an installed-record sector) with max-align 8, and the
    /// two decision tables of the update contract (§3 request, §4 installed record). Offsets below are from the start
    /// of the 48-byte trailer, i.e. slot end − 48.
    /// </summary>
    public static class SwapTrailer
    {
        public const int Size = 48;
        public const int MaxAlign = 8;
        public const int SwapSizeOffset = 0;

        /// <summary>
        /// The release tag (contract §3.1) sits in the swap_size field, which MCUboot leaves unused in a secondary slot:
        /// 4 bytes, <see cref="Untagged"/> when erased.
        /// </summary>
        public const int ReleaseTagOffset = SwapSizeOffset;
        public const uint Untagged = 0xffffffff;
        public const int SwapInfoOffset = 8;
        public const int CopyDoneOffset = 16;
        public const int ImageOkOffset = 24;
        public const int MagicOffset = 32;
        public const int MagicSize = 16;

        /// <summary>The only value that means "set" for image_ok and copy_done (anything else is unset: MCUboot BOOT_FLAG_SET).</summary>
        public const byte FlagSet = 0x01;
        public const byte Erased = 0xff;

        private static readonly byte[] GoodMagic = new byte[]
        {
            0x77, 0xc2, 0x95, 0xf3, 0x60, 0xd2, 0xef, 0x7f, 0x35, 0x52, 0x50, 0x0f, 0x2c, 0xb6, 0x79, 0x80,
        };

        /// <summary>A copy of the 16-byte trailer magic (MCUboot boot_img_magic for max-align 8).</summary>
        public static byte[] Magic
        {
            get
            {
                byte[] copy = new byte[MagicSize];
                System.Array.Copy(GoodMagic, copy, MagicSize);
                return copy;
            }
        }

        public static bool HasGoodMagic(byte[] trailer, int offset)
        {
            for (int i = 0; i < MagicSize; i++)
            {
                if (trailer[offset + MagicOffset + i] != GoodMagic[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Staging-slot decision (contract §3): good magic, copy_done not 0x01 → TEST if image_ok unset, PERMANENT if
        /// set; consumed (copy_done 0x01), erased or torn magic → NONE.
        /// </summary>
        public static SwapRequest DecideRequest(byte[] trailer, int offset)
        {
            if (!HasGoodMagic(trailer, offset) || trailer[offset + CopyDoneOffset] == FlagSet)
            {
                return SwapRequest.None;
            }

            return trailer[offset + ImageOkOffset] == FlagSet ? SwapRequest.Permanent : SwapRequest.Test;
        }

        /// <summary>
        /// The request decision for a trailer that may belong to a release set (contract §3.1): a tagged request counts
        /// only when the companion trailer (the other kind's staging trailer) has a good magic and the same tag.
        /// </summary>
        public static SwapRequest DecideRequest(byte[] trailer, int offset, byte[] companion, int companionOffset)
        {
            return SetState(trailer, offset, companion, companionOffset) < 0 ? SwapRequest.None : DecideRequest(trailer, offset);
        }

        /// <summary>
        /// The record decision with the release-set rule (contract §4): a tagged TEST-pending record whose companion
        /// record carries the same tag and is confirmed counts as confirmed (the swap stage completes the confirm).
        /// </summary>
        public static RecordTrailerState DecideRecord(byte[] trailer, int offset, byte[] companion, int companionOffset)
        {
            RecordTrailerState state = DecideRecord(trailer, offset);
            if (state == RecordTrailerState.TestPending && SetState(trailer, offset, companion, companionOffset) > 0 &&
                DecideRecord(companion, companionOffset) == RecordTrailerState.Confirmed)
            {
                return RecordTrailerState.Confirmed;
            }

            return state;
        }

        public static uint ReadReleaseTag(byte[] trailer, int offset)
        {
            return LittleEndian.ReadUInt32(trailer, offset + ReleaseTagOffset);
        }

        // 0 untagged; 1 tagged, and the companion (good magic) carries the same tag; -1 tagged without such a companion.
        private static int SetState(byte[] trailer, int offset, byte[] companion, int companionOffset)
        {
            uint tag = ReadReleaseTag(trailer, offset);
            if (tag == Untagged)
            {
                return 0;
            }

            return HasGoodMagic(companion, companionOffset) && ReadReleaseTag(companion, companionOffset) == tag ? 1 : -1;
        }

        /// <summary>
        /// Installed-record decision (contract §4): good magic and image_ok 0x01 → confirmed; good magic, copy_done
        /// 0x01 and image_ok unset → TEST pending; anything else → absent. A torn confirm (image_ok neither erased
        /// nor 0x01) therefore reads as TEST pending and the image is reverted.
        /// </summary>
        public static RecordTrailerState DecideRecord(byte[] trailer, int offset)
        {
            if (!HasGoodMagic(trailer, offset))
            {
                return RecordTrailerState.Absent;
            }

            if (trailer[offset + ImageOkOffset] == FlagSet)
            {
                return RecordTrailerState.Confirmed;
            }

            return trailer[offset + CopyDoneOffset] == FlagSet ? RecordTrailerState.TestPending : RecordTrailerState.Absent;
        }

        /// <summary>Fills the 48 bytes with the erased value.</summary>
        public static void WriteErased(byte[] trailer, int offset)
        {
            for (int i = 0; i < Size; i++)
            {
                trailer[offset + i] = Erased;
            }
        }

        /// <summary>
        /// Writes a complete request trailer image (what imgtool --pad writes, with --confirm for PERMANENT). On flash the
        /// agent programs image_ok first and the magic last; this helper is for files and tests.
        /// </summary>
        public static void WriteRequest(byte[] trailer, int offset, bool permanent)
        {
            WriteErased(trailer, offset);
            if (permanent)
            {
                trailer[offset + ImageOkOffset] = FlagSet;
            }

            System.Array.Copy(GoodMagic, 0, trailer, offset + MagicOffset, MagicSize);
        }

        public static string Describe(SwapRequest request)
        {
            switch (request)
            {
                case SwapRequest.Test: return "TEST";
                case SwapRequest.Permanent: return "PERMANENT";
                default: return "NONE";
            }
        }

        public static string Describe(RecordTrailerState state)
        {
            switch (state)
            {
                case RecordTrailerState.TestPending: return "TEST_PENDING";
                case RecordTrailerState.Confirmed: return "CONFIRMED";
                default: return "ABSENT";
            }
        }
    }
}
