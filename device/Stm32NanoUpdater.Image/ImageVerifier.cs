namespace Stm32NanoUpdater.Image
{
    /// <summary>
    /// Validates an MCUboot image read through an <see cref="IByteSource"/> in bounded chunks, the way MCUboot's
    /// bootutil_img_validate does: header, TLV layout (with the unprotected allow-list), SHA-256 over header + padding +
    /// payload + protected TLVs, then each signature whose preceding key hash names a trusted key.
    /// Stricter than MCUboot where MCUboot is lenient: exactly one SHA-256 TLV, key hash TLVs exactly 32 bytes, and
    /// every signature made with a trusted key must verify (MCUboot lets the last one decide).
    /// </summary>
    public sealed class ImageVerifier
    {
        public const int DefaultChunkSize = 4096;
        private const int MaxSignatureLength = 128; // MCUboot SIG_BUF_SIZE for ECDSA

        private readonly TrustedKey[] _trustedKeys;
        private readonly ISignatureVerifier _signatures;
        private readonly ISha256 _sha;
        private readonly byte[] _chunk;

        /// <param name="trustedKeys">Keys whose signatures are accepted; empty to parse and hash only.</param>
        /// <param name="signatures">Signature primitives; null to stop at the key-hash check (the swap stage's minimum).</param>
        public ImageVerifier(TrustedKey[] trustedKeys, ISignatureVerifier signatures)
            : this(trustedKeys, signatures, new Sha256(), new byte[DefaultChunkSize])
        {
        }

        public ImageVerifier(TrustedKey[] trustedKeys, ISignatureVerifier signatures, ISha256 sha, byte[] chunkBuffer)
        {
            if (trustedKeys == null || sha == null || chunkBuffer == null || chunkBuffer.Length == 0)
            {
                throw new System.ArgumentNullException(trustedKeys == null ? "trustedKeys" : sha == null ? "sha" : "chunkBuffer");
            }

            _trustedKeys = trustedKeys;
            _signatures = signatures;
            _sha = sha;
            _chunk = chunkBuffer;
        }

        /// <summary>Verifies the image in source[0..length). Only I/O errors of the source escape as exceptions.</summary>
        public VerificationResult Verify(IByteSource source, int length)
        {
            VerificationResult result = new VerificationResult();
            try
            {
                result.Header = ImageHeader.Read(source, length);
                int tlvOffset = result.Header.TlvOffset;
                if (tlvOffset > length)
                {
                    return Reject(result, RejectReason.BadLayout, "image is truncated: the payload ends at " +
                        tlvOffset.ToString() + " but only " + length.ToString() + " bytes are present");
                }

                result.Tlvs = TlvReader.Read(source, tlvOffset, result.Header.ProtectedTlvSize, length);
                ReadSecurityCounter(source, result);
                CheckHash(source, result, tlvOffset + result.Tlvs.ProtectedSize);
                if (!result.HashMatches)
                {
                    return Reject(result, RejectReason.HashMismatch,
                        "SHA-256 of header, payload and protected TLVs does not match the SHA256 TLV");
                }

                return CheckSignatures(source, result);
            }
            catch (ImageFormatException e)
            {
                return Reject(result, e.Reason, e.Message);
            }
        }

        private static void ReadSecurityCounter(IByteSource source, VerificationResult result)
        {
            TlvEntry counter = result.Tlvs.Find(TlvType.SecurityCounter);
            if (counter == null)
            {
                return;
            }

            if (counter.Length != 4 || result.Tlvs.CountOf(TlvType.SecurityCounter) != 1)
            {
                throw new ImageFormatException(RejectReason.BadLayout, "security counter TLV must be one 4-byte value");
            }

            result.HasSecurityCounter = true;
            result.SecurityCounter = LittleEndian.ReadUInt32(counter.ReadData(source), 0);
        }

        private void CheckHash(IByteSource source, VerificationResult result, int hashedLength)
        {
            TlvEntry hash = result.Tlvs.Find(TlvType.Sha256);
            if (hash == null || hash.Length != Sha256.DigestSize || result.Tlvs.CountOf(TlvType.Sha256) != 1)
            {
                throw new ImageFormatException(RejectReason.BadLayout, "image must carry exactly one 32-byte SHA256 TLV");
            }

            _sha.Reset();
            int position = 0;
            while (position < hashedLength)
            {
                int count = hashedLength - position;
                if (count > _chunk.Length)
                {
                    count = _chunk.Length;
                }

                source.Read(position, _chunk, 0, count);
                _sha.Update(_chunk, 0, count);
                position += count;
            }

            byte[] digest = new byte[Sha256.DigestSize];
            _sha.Finish(digest, 0);
            result.ComputedDigest = digest;
            result.HashMatches = Equal(digest, hash.ReadData(source));
        }

        private VerificationResult CheckSignatures(IByteSource source, VerificationResult result)
        {
            TrustedKey pending = null; // named by the last key hash, waiting for its signature
            TrustedKey named = null;
            TrustedKey verified = null;
            for (int i = 0; i < result.Tlvs.Count; i++)
            {
                TlvEntry entry = result.Tlvs.GetEntry(i);
                if (entry.Type == TlvType.KeyHash)
                {
                    if (pending != null && _signatures != null)
                    {
                        return Reject(result, RejectReason.SignatureInvalid, "trusted key hash without a signature");
                    }

                    if (entry.Length != Sha256.DigestSize)
                    {
                        return Reject(result, RejectReason.BadLayout, "key hash TLV must be 32 bytes");
                    }

                    byte[] keyHash = entry.ReadData(source);
                    pending = FindTrusted(keyHash);
                    if (result.KeyHash == null || pending != null)
                    {
                        result.KeyHash = keyHash;
                    }

                    if (named == null)
                    {
                        named = pending;
                    }
                }
                else if ((entry.Type == TlvType.EcdsaSignature || entry.Type == TlvType.Ed25519) && pending != null)
                {
                    if (_signatures != null)
                    {
                        if (!SignatureVerifies(source, entry, pending, result.ComputedDigest))
                        {
                            return Reject(result, RejectReason.SignatureInvalid,
                                "signature does not verify with the trusted key");
                        }

                        verified = pending;
                    }

                    pending = null;
                }
            }

            if (named == null)
            {
                return Reject(result, RejectReason.KeyNotTrusted, result.KeyHash == null
                    ? "image has no key hash TLV" : "image is signed by a key that is not trusted");
            }

            if (_signatures != null && (pending != null || verified == null))
            {
                return Reject(result, RejectReason.SignatureInvalid, "trusted key hash without a signature");
            }

            result.SignedBy = _signatures == null ? named : verified;
            result.Reason = RejectReason.None;
            result.Message = "image verified";
            return result;
        }

        private bool SignatureVerifies(IByteSource source, TlvEntry entry, TrustedKey key, byte[] digest)
        {
            if (entry.Length > MaxSignatureLength)
            {
                return false;
            }

            byte[] signature = entry.ReadData(source);
            if (entry.Type == TlvType.Ed25519)
            {
                return key.Algorithm == SignatureAlgorithm.Ed25519 && signature.Length == 64 &&
                    _signatures.VerifyEd25519(key.RawPublicKey, digest, 0, digest.Length, signature);
            }

            byte[] rs = new byte[EcdsaSignature.RawSize];
            int derLength = EcdsaSignature.LengthWithoutPadding(signature, 0, signature.Length);
            return key.Algorithm == SignatureAlgorithm.EcdsaP256 &&
                EcdsaSignature.TryParseDer(signature, 0, derLength, rs) &&
                _signatures.VerifyEcdsaP256(key.RawPublicKey, digest, rs);
        }

        private TrustedKey FindTrusted(byte[] keyHash)
        {
            for (int i = 0; i < _trustedKeys.Length; i++)
            {
                if (_trustedKeys[i].HasKeyHash(keyHash, 0, keyHash.Length))
                {
                    return _trustedKeys[i];
                }
            }

            return null;
        }

        private static VerificationResult Reject(VerificationResult result, RejectReason reason, string message)
        {
            result.Reason = reason;
            result.Message = message;
            return result;
        }

        // Compares every byte so the time does not depend on where the first difference is.
        private static bool Equal(byte[] a, byte[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            int difference = 0;
            for (int i = 0; i < a.Length; i++)
            {
                difference |= a[i] ^ b[i];
            }

            return difference == 0;
        }
    }
}
