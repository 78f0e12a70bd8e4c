using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Agent.Staging
{
    /// <summary>
    /// One 32-byte journal record (contract §5): type, kind, reserved 0xFFFF, arg0, arg1, the first 16 bytes of the
    /// concerned image's SHA-256 TLV, CRC-32 of the first 28 bytes. All erased: blank; CRC wrong: torn (absent).
    /// </summary>
    public sealed class JournalRecord
    {
        public const int Size = 32;
        public const int DigestPrefixSize = 16;

        public JournalRecord(int type, ImageKind kind, uint arg0, uint arg1, byte[] digestPrefix)
        {
            Type = type;
            Kind = kind;
            Arg0 = arg0;
            Arg1 = arg1;
            DigestPrefix = digestPrefix;
        }

        public int Type { get; }

        public ImageKind Kind { get; }

        public uint Arg0 { get; }

        public uint Arg1 { get; }

        /// <summary>16 bytes, all 0xFF when the record concerns no image.</summary>
        public byte[] DigestPrefix { get; }

        public static bool IsBlank(byte[] bytes, int offset)
        {
            for (int i = 0; i < Size; i++)
            {
                if (bytes[offset + i] != 0xFF)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The record at bytes[offset], or null when the slot is blank or torn.</summary>
        public static JournalRecord Decode(byte[] bytes, int offset)
        {
            if (IsBlank(bytes, offset) || Crc32.Compute(bytes, offset, Size - 4) != LittleEndian.ReadUInt32(bytes, offset + Size - 4))
            {
                return null;
            }

            byte[] digest = new byte[DigestPrefixSize];
            System.Array.Copy(bytes, offset + 12, digest, 0, DigestPrefixSize);
            return new JournalRecord(bytes[offset], (ImageKind)bytes[offset + 1], LittleEndian.ReadUInt32(bytes, offset + 4),
                LittleEndian.ReadUInt32(bytes, offset + 8), digest);
        }

        /// <summary>Writes the record's 32 bytes (what the swap stage programs; used by tests and simulators).</summary>
        public void Encode(byte[] bytes, int offset)
        {
            bytes[offset] = (byte)Type;
            bytes[offset + 1] = (byte)Kind;
            bytes[offset + 2] = 0xFF;
            bytes[offset + 3] = 0xFF;
            LittleEndian.WriteUInt32(bytes, offset + 4, Arg0);
            LittleEndian.WriteUInt32(bytes, offset + 8, Arg1);
            for (int i = 0; i < DigestPrefixSize; i++)
            {
                bytes[offset + 12 + i] = DigestPrefix == null ? (byte)0xFF : DigestPrefix[i];
            }

            LittleEndian.WriteUInt32(bytes, offset + Size - 4, Crc32.Compute(bytes, offset, Size - 4));
        }
    }
}
