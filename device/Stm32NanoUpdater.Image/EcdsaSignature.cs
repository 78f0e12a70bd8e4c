namespace Stm32NanoUpdater.Image
{
    /// <summary>
    /// ECDSA P-256 signatures as the image carries them (DER SEQUENCE { INTEGER r, INTEGER s }) turned into the 64-byte
    /// r||s that <see cref="ISignatureVerifier.VerifyEcdsaP256"/> takes. Strict DER: minimal positive INTEGERs, short
    /// lengths, no trailing bytes; r and s must lie in [1, n−1].
    /// </summary>
    public static class EcdsaSignature
    {
        public const int RawSize = 64;
        private const int ScalarSize = 32;

        // The order n of the P-256 group.
        private static readonly byte[] Order = new byte[]
        {
            0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
            0xbc, 0xe6, 0xfa, 0xad, 0xa7, 0x17, 0x9e, 0x84, 0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x51,
        };

        /// <summary>Parses der[offset..offset+count) into rs[0..64); false (rs unspecified) if it is not a strict DER P-256 signature.</summary>
        public static bool TryParseDer(byte[] der, int offset, int count, byte[] rs)
        {
            if (der == null || rs == null || rs.Length < RawSize || offset < 0 || count < 0 || offset > der.Length - count)
            {
                return false;
            }

            DerReader outer = new DerReader(der, offset, count);
            if (!outer.TryReadElement(DerReader.Sequence) || !outer.AtEnd)
            {
                return false;
            }

            DerReader sequence = outer.Content();
            return TryReadScalar(sequence, der, rs, 0) && TryReadScalar(sequence, der, rs, ScalarSize) && sequence.AtEnd;
        }

        /// <summary>
        /// The length of the DER signature at the start of a signature TLV whose data imgtool --pad-sig extended with
        /// zero bytes (MCUboot &lt; 1.5 wanted 72 bytes); count itself when there is no such padding.
        /// </summary>
        public static int LengthWithoutPadding(byte[] data, int offset, int count)
        {
            if (count < 2 || data[offset] != DerReader.Sequence || data[offset + 1] >= 0x80)
            {
                return count;
            }

            int derLength = data[offset + 1] + 2;
            if (derLength >= count)
            {
                return count;
            }

            for (int i = derLength; i < count; i++)
            {
                if (data[offset + i] != 0)
                {
                    return count;
                }
            }

            return derLength;
        }

        private static bool TryReadScalar(DerReader reader, byte[] der, byte[] rs, int rsOffset)
        {
            if (!reader.TryReadElement(DerReader.Integer) || reader.ContentLength == 0)
            {
                return false;
            }

            int start = reader.ContentOffset;
            int length = reader.ContentLength;
            if ((der[start] & 0x80) != 0)
            {
                return false; // negative
            }

            if (der[start] == 0 && length > 1)
            {
                if ((der[start + 1] & 0x80) == 0)
                {
                    return false; // non-minimal leading zero
                }

                start++;
                length--;
            }

            if (length > ScalarSize)
            {
                return false;
            }

            int pad = ScalarSize - length;
            for (int i = 0; i < pad; i++)
            {
                rs[rsOffset + i] = 0;
            }

            System.Array.Copy(der, start, rs, rsOffset + pad, length);
            return IsInRange(rs, rsOffset);
        }

        // 1 <= value < n, big-endian.
        private static bool IsInRange(byte[] value, int offset)
        {
            bool zero = true;
            for (int i = 0; i < ScalarSize; i++)
            {
                if (value[offset + i] != 0)
                {
                    zero = false;
                    break;
                }
            }

            if (zero)
            {
                return false;
            }

            for (int i = 0; i < ScalarSize; i++)
            {
                if (value[offset + i] != Order[i])
                {
                    return value[offset + i] < Order[i];
                }
            }

            return false; // equal to n
        }
    }
}
