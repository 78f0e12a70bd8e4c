using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Agent.Staging
{
    /// <summary>
    /// The update request: the MCUboot trailer at the end of a staging slot (contract §3). Written only after the staged
    /// image verified from flash: image_ok first (PERMANENT only), the release tag (a request of a multi-image
    /// release), the magic last, so a torn write is no request.
    /// </summary>
    public static class StagingRequest
    {
        /// <summary>The request as the swap stage sees it: a tagged request whose companion is not written yet is none.</summary>
        public static SwapRequest Read(IFlash flash, ImageKind kind)
        {
            byte[] trailer = ReadTrailer(flash, kind);
            byte[] companion = ReadTrailer(flash, NorLayout.CompanionOf(kind));
            return SwapTrailer.DecideRequest(trailer, 0, companion, 0);
        }

        /// <summary>Erases the slot's trailer sector: whatever request was there is gone. Image bytes are not touched.</summary>
        public static void Clear(IFlash flash, ImageKind kind)
        {
            flash.Erase(NorLayout.TrailerSector(kind), NorLayout.SectorSize);
        }

        /// <summary>Clears the trailer unless it is erased already (saves an erase when there is nothing to kill).</summary>
        public static void ClearIfWritten(IFlash flash, ImageKind kind)
        {
            if (!IsErased(ReadTrailer(flash, kind)))
            {
                Clear(flash, kind);
            }
        }

        /// <summary>Writes a TEST or PERMANENT request of one image and reads it back.</summary>
        public static void Write(IFlash flash, ImageKind kind, bool permanent)
        {
            Write(flash, kind, permanent, SwapTrailer.Untagged);
        }

        /// <summary>
        /// Writes a TEST or PERMANENT request carrying <paramref name="releaseTag"/> (<see cref="SwapTrailer.Untagged"/>
        /// for a lone image) and reads it back; throws <see cref="FlashException"/> if it did not take.
        /// </summary>
        public static void Write(IFlash flash, ImageKind kind, bool permanent, uint releaseTag)
        {
            ClearIfWritten(flash, kind);
            int trailerAddress = NorLayout.RequestTrailer(kind);
            byte[] field = new byte[4];
            if (permanent)
            {
                field[0] = SwapTrailer.FlagSet;
                flash.Program(trailerAddress + SwapTrailer.ImageOkOffset, field, 0, 1);
            }

            if (releaseTag != SwapTrailer.Untagged)
            {
                LittleEndian.WriteUInt32(field, 0, releaseTag);
                flash.Program(trailerAddress + SwapTrailer.ReleaseTagOffset, field, 0, 4);
            }

            byte[] magic = SwapTrailer.Magic;
            flash.Program(trailerAddress + SwapTrailer.MagicOffset, magic, 0, magic.Length);

            // Read back alone: the companion of a release may not be written yet.
            byte[] written = ReadTrailer(flash, kind);
            SwapRequest expected = permanent ? SwapRequest.Permanent : SwapRequest.Test;
            if (SwapTrailer.DecideRequest(written, 0) != expected || SwapTrailer.ReadReleaseTag(written, 0) != releaseTag)
            {
                throw new FlashException("the update request did not read back as written");
            }
        }

        private static byte[] ReadTrailer(IFlash flash, ImageKind kind)
        {
            byte[] trailer = new byte[SwapTrailer.Size];
            flash.Read(NorLayout.RequestTrailer(kind), trailer, 0, trailer.Length);
            return trailer;
        }

        private static bool IsErased(byte[] bytes)
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] != SwapTrailer.Erased)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
