using Stm32NanoUpdater.Agent.Transport;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Agent.Update
{
    /// <summary>Tuning of the update agent; the defaults fit a 100-300 KB managed heap.</summary>
    public sealed class AgentOptions
    {
        public AgentOptions()
        {
            BufferSize = 2048;
            Download = new DownloadPolicy();
            MaxRestarts = 2;
        }

        /// <summary>The one work buffer: network reads, flash read-back and hashing all go through it.</summary>
        public int BufferSize { get; set; }

        public DownloadPolicy Download { get; set; }

        /// <summary>How often a download starts over after the file changed or its bytes did not verify.</summary>
        public int MaxRestarts { get; set; }

        /// <summary>
        /// The SHA-256 implementation; null for the managed <see cref="Sha256"/>. On the device pass the native one
        /// (Stm32NanoUpdater.Native.NativeSha256): hashing a 1.5 MiB slot in interpreted C# takes minutes.
        /// </summary>
        public ISha256 Sha256 { get; set; }
    }
}
