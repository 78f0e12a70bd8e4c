using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Agent.Update
{
    /// <summary>What the header-first probe learned about an offered image before any of it is staged.</summary>
    public sealed class ProbedImage
    {
        public ProbedImage(ImageKind kind, ImageHeader header, byte[] digest, uint securityCounter, int span, int hashedLength)
        {
            Kind = kind;
            Header = header;
            Digest = digest;
            SecurityCounter = securityCounter;
            Span = span;
            HashedLength = hashedLength;
        }

        public ImageKind Kind { get; }

        public ImageHeader Header { get; }

        /// <summary>The image's SHA-256 TLV: its identity.</summary>
        public byte[] Digest { get; }

        public uint SecurityCounter { get; }

        /// <summary>Header + payload + both TLV areas: the bytes to stage.</summary>
        public int Span { get; }

        /// <summary>Header + payload + protected TLVs: the bytes the SHA-256 covers.</summary>
        public int HashedLength { get; }
    }
}
