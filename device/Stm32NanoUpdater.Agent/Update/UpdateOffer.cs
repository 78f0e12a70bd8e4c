namespace Stm32NanoUpdater.Agent.Update
{
    /// <summary>
    /// An image the device may install: where to fetch it and, when a signed release manifest vouches for it, what it
    /// must be. A manifest produces offers; an application without one builds an offer from a URL alone (the image's
    /// own signature still decides).
    /// </summary>
    public sealed class UpdateOffer
    {
        public UpdateOffer(string url)
            : this(url, -1, null, null)
        {
        }

        /// <param name="url">The image file (an imgtool/nanoupdate signed image, optionally padded to the slot).</param>
        /// <param name="expectedSpan">Header + payload + TLVs in bytes, or -1 when not known.</param>
        /// <param name="expectedDigest">The image's SHA-256 TLV (32 bytes), or null when not known.</param>
        /// <param name="version">The version the offer announces, for display; the header's version is authoritative.</param>
        public UpdateOffer(string url, int expectedSpan, byte[] expectedDigest, string version)
        {
            Url = url;
            ExpectedSpan = expectedSpan;
            ExpectedDigest = expectedDigest;
            Version = version;
        }

        public string Url { get; }

        public int ExpectedSpan { get; }

        public byte[] ExpectedDigest { get; }

        public string Version { get; }

        /// <summary>Ask for a PERMANENT install (no confirmation, no revert) instead of TEST.</summary>
        public bool Permanent { get; set; }
    }
}
