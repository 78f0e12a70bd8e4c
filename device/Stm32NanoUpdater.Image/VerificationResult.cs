namespace Stm32NanoUpdater.Image
{
    /// <summary>
    /// What <see cref="ImageVerifier"/> found: the verdict and everything it could parse on the way, so a rejected image
    /// can still be described (the CLI's `info` prints a result obtained with no trusted key).
    /// </summary>
    public sealed class VerificationResult
    {
        internal VerificationResult()
        {
        }

        public RejectReason Reason { get; internal set; }

        /// <summary>One line saying what failed, or "image verified".</summary>
        public string Message { get; internal set; }

        public bool IsAccepted => Reason == RejectReason.None;

        /// <summary>Null when the header could not be parsed.</summary>
        public ImageHeader Header { get; internal set; }

        /// <summary>Null when the TLV areas could not be parsed.</summary>
        public TlvArea Tlvs { get; internal set; }

        /// <summary>SHA-256 over header, padding, payload and protected TLVs as computed; null if not reached.</summary>
        public byte[] ComputedDigest { get; internal set; }

        public bool HashMatches { get; internal set; }

        /// <summary>The key hash TLV of the signature that was checked (or the first key hash TLV); null if none.</summary>
        public byte[] KeyHash { get; internal set; }

        /// <summary>The trusted key whose signature verified; null if none did.</summary>
        public TrustedKey SignedBy { get; internal set; }

        public bool HasSecurityCounter { get; internal set; }

        public uint SecurityCounter { get; internal set; }

        /// <summary>Header size + image size + both TLV areas: the bytes of the image, without any slot padding.</summary>
        public int ImageSpan => Tlvs == null ? 0 : Tlvs.End;
    }
}
