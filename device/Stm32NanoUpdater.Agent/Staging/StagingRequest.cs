using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Agent.Staging
{
    /// <summary>
    /// The update request: the MCUboot trailer at the end of a staging slot (contract §3). Written only after the staged
    /// image verified from flash: image_ok first (PERMANENT only), the magic last, so a torn write is no request.
    /// </summary>
    public static class StagingRequest
    {
        public static SwapRequest Read(IFlash flash, ImageKind kind)
        {
            byte[] trailer = new byte[SwapTrailer.Size];
            flash.Read(NorLayout.RequestTrailer(kind), trailer, 0, trailer.Length);
            return SwapTrailer.DecideRequest(trailer, 0);
        }

        /// <summary>Erases the slot's trailer sector: whatever request was there is gone. Image bytes are not touched.</summary>
        public static void Clear(IFlash flash, ImageKind kind)
        {
            flash.Erase(NorLayout.TrailerSector(kind), NorLayout.SectorSize);
        }

        /// <summary>Writes a TEST or PERMANENT request and reads it back; throws <see cref="FlashException"/> if it did not take.</summary>
        public static void Write(IFlash flash, ImageKind kind, bool permanent)
        {
            int trailerAddress = NorLayout.RequestTrailer(kind);
            byte[] trailer = new byte[SwapTrailer.Size];
            flash.Read(trailerAddress, trailer, 0, trailer.Length);
            if (!IsErased(trailer))
            {
                Clear(flash, kind);
            }

            if (permanent)
            {
                trailer[0] = SwapTrailer.FlagSet;
                flash.Program(trailerAddress + SwapTrailer.ImageOkOffset, trailer, 0, 1);
            }

            byte[] magic = SwapTrailer.Magic;
            flash.Program(trailerAddress + SwapTrailer.MagicOffset, magic, 0, magic.Length);

            SwapRequest expected = permanent ? SwapRequest.Permanent : SwapRequest.Test;
            if (Read(flash, kind) != expected)
            {
                throw new FlashException("the update request did not read back as written");
            }
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
