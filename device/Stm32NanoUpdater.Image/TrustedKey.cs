using System;

namespace Stm32NanoUpdater.Image
{
    /// <summary>
    /// A public key the firmware trusts, identified in images by its key hash (TLV 0x01): SHA-256 of the key's
    /// SubjectPublicKeyInfo DER, exactly as imgtool computes it. `nanoupdate getpub --encoding csharp` emits one.
    /// </summary>
    public sealed class TrustedKey
    {
        private readonly byte[] _publicKey;
        private readonly byte[] _keyHash;

        private TrustedKey(SignatureAlgorithm algorithm, byte[] publicKey, byte[] keyHash)
        {
            Algorithm = algorithm;
            _publicKey = publicKey;
            _keyHash = keyHash;
        }

        public SignatureAlgorithm Algorithm { get; }

        /// <summary>X||Y (64 bytes) for P-256, the 32-byte key for Ed25519. A copy.</summary>
        public byte[] PublicKey => Copy(_publicKey);

        /// <summary>SHA-256 of the SubjectPublicKeyInfo DER. A copy.</summary>
        public byte[] KeyHash => Copy(_keyHash);

        /// <exception cref="ArgumentException">Not a P-256 or Ed25519 SubjectPublicKeyInfo.</exception>
        public static TrustedKey FromSubjectPublicKeyInfo(byte[] der)
        {
            SignatureAlgorithm algorithm;
            byte[] key = SubjectPublicKeyInfo.Parse(der, 0, der == null ? 0 : der.Length, out algorithm);
            return new TrustedKey(algorithm, key, Sha256.Hash(der, 0, der.Length));
        }

        public bool HasKeyHash(byte[] hash, int offset, int count)
        {
            if (count != _keyHash.Length)
            {
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                if (hash[offset + i] != _keyHash[i])
                {
                    return false;
                }
            }

            return true;
        }

        internal byte[] RawPublicKey => _publicKey;

        private static byte[] Copy(byte[] bytes)
        {
            byte[] copy = new byte[bytes.Length];
            Array.Copy(bytes, copy, bytes.Length);
            return copy;
        }
    }
}
