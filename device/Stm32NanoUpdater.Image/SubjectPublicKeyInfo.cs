using System;

namespace Stm32NanoUpdater.Image
{
    /// <summary>
    /// Parses the two SubjectPublicKeyInfo DER forms imgtool embeds and hashes (the key hash TLV is SHA-256 of these
    /// bytes): id-ecPublicKey + prime256v1 with an uncompressed point, and id-Ed25519 (RFC 8410) with a 32-byte key.
    /// </summary>
    public static class SubjectPublicKeyInfo
    {
        private static readonly byte[] IdEcPublicKey = new byte[] { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01 };
        private static readonly byte[] Prime256v1 = new byte[] { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07 };
        private static readonly byte[] IdEd25519 = new byte[] { 0x2b, 0x65, 0x70 };

        /// <summary>
        /// Parses der[offset..offset+count). On success <paramref name="publicKey"/> is X||Y (64 bytes) for P-256 or
        /// the 32-byte key for Ed25519.
        /// </summary>
        /// <exception cref="ArgumentException">Not a strict DER P-256 or Ed25519 SubjectPublicKeyInfo.</exception>
        public static byte[] Parse(byte[] der, int offset, int count, out SignatureAlgorithm algorithm)
        {
            if (der == null || offset < 0 || count < 0 || offset > der.Length - count)
            {
                throw new ArgumentException("public key: no bytes");
            }

            DerReader outer = new DerReader(der, offset, count);
            if (!outer.TryReadElement(DerReader.Sequence) || !outer.AtEnd)
            {
                throw Bad("not a DER SEQUENCE");
            }

            DerReader info = outer.Content();
            if (!info.TryReadElement(DerReader.Sequence))
            {
                throw Bad("no AlgorithmIdentifier");
            }

            DerReader algorithmId = info.Content();
            if (!algorithmId.TryReadElement(DerReader.ObjectIdentifier))
            {
                throw Bad("no algorithm OID");
            }

            int keyLength;
            if (algorithmId.ContentEquals(IdEcPublicKey))
            {
                if (!algorithmId.TryReadElement(DerReader.ObjectIdentifier) || !algorithmId.ContentEquals(Prime256v1))
                {
                    throw Bad("an EC key on a curve other than P-256 (prime256v1)");
                }

                algorithm = SignatureAlgorithm.EcdsaP256;
                keyLength = 65;
            }
            else if (algorithmId.ContentEquals(IdEd25519))
            {
                algorithm = SignatureAlgorithm.Ed25519;
                keyLength = 32;
            }
            else
            {
                throw Bad("neither an ECDSA P-256 nor an Ed25519 key");
            }

            if (!algorithmId.AtEnd)
            {
                throw Bad("unexpected algorithm parameters");
            }

            if (!info.TryReadElement(DerReader.BitString) || !info.AtEnd)
            {
                throw Bad("no public key BIT STRING");
            }

            int bits = info.ContentOffset;
            if (info.ContentLength != keyLength + 1 || der[bits] != 0)
            {
                throw Bad("public key has the wrong length");
            }

            int keyStart = bits + 1;
            if (algorithm == SignatureAlgorithm.EcdsaP256)
            {
                if (der[keyStart] != 0x04)
                {
                    throw Bad("P-256 point is not in uncompressed form");
                }

                keyStart++;
                keyLength--;
            }

            byte[] key = new byte[keyLength];
            Array.Copy(der, keyStart, key, 0, keyLength);
            return key;
        }

        private static ArgumentException Bad(string what)
        {
            return new ArgumentException("public key: " + what);
        }
    }
}
