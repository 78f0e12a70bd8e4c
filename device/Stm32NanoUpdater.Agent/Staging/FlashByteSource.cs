using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Agent.Staging
{
    /// <summary>Flash contents from a base address, as the image library reads images: verification reads back from flash.</summary>
    public sealed class FlashByteSource : IByteSource
    {
        private readonly IFlash _flash;
        private readonly int _base;

        public FlashByteSource(IFlash flash, int baseAddress)
        {
            _flash = flash;
            _base = baseAddress;
        }

        public void Read(int position, byte[] buffer, int offset, int count)
        {
            _flash.Read(_base + position, buffer, offset, count);
        }
    }
}
