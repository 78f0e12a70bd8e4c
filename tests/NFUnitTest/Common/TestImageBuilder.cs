using System;
using System.Collections;
using Stm32NanoUpdater.Image;

namespace NFUnitTest.Common
{
    /// <summary>
    /// Builds MCUboot images in memory for tests: header, 0xFF header padding, payload, optional protected TLVs and the
    /// unprotected area starting with a correct SHA256 TLV (computed with the device SHA-256) followed by the entries
    /// added. Deliberately simple so tests can then corrupt any byte they like.
    /// </summary>
    public sealed class TestImageBuilder
    {
        private readonly ArrayList _protected = new ArrayList();
        private readonly ArrayList _unprotected = new ArrayList();

        public int HeaderSize = 32;
        public uint LoadAddress = 0x08010000;
        public uint Flags = ImageFlags.RamLoad;
        public ImageVersion Version = new ImageVersion(1, 2, 3, 4);
        public byte[] Payload = TestBytes.Pattern(100);
        public bool IncludeHash = true;

        public TestImageBuilder AddProtected(int type, byte[] data)
        {
            _protected.Add(type);
            _protected.Add(data);
            return this;
        }

        public TestImageBuilder AddUnprotected(int type, byte[] data)
        {
            _unprotected.Add(type);
            _unprotected.Add(data);
            return this;
        }

        /// <summary>The digest the SHA256 TLV of <see cref="Build"/> carries.</summary>
        public byte[] Digest()
        {
            byte[] hashed = HashedPart();
            return Sha256.Hash(hashed, 0, hashed.Length);
        }

        public byte[] Build()
        {
            byte[] hashed = HashedPart();
            byte[] unprotectedArea = Area(TlvArea.UnprotectedMagic, _unprotected,
                IncludeHash ? Sha256.Hash(hashed, 0, hashed.Length) : null);
            byte[] image = new byte[hashed.Length + unprotectedArea.Length];
            Array.Copy(hashed, image, hashed.Length);
            Array.Copy(unprotectedArea, 0, image, hashed.Length, unprotectedArea.Length);
            return image;
        }

        private byte[] HashedPart()
        {
            byte[] protectedArea = _protected.Count == 0 ? new byte[0] : Area(TlvArea.ProtectedMagic, _protected, null);
            byte[] bytes = new byte[HeaderSize + Payload.Length + protectedArea.Length];
            for (int i = ImageHeader.Size; i < HeaderSize; i++)
            {
                bytes[i] = 0xff;
            }

            new ImageHeader(LoadAddress, HeaderSize, protectedArea.Length, (uint)Payload.Length, Flags, Version)
                .WriteTo(bytes, 0);
            Array.Copy(Payload, 0, bytes, HeaderSize, Payload.Length);
            Array.Copy(protectedArea, 0, bytes, HeaderSize + Payload.Length, protectedArea.Length);
            return bytes;
        }

        private static byte[] Area(ushort magic, ArrayList entries, byte[] sha256)
        {
            int total = TlvArea.InfoSize + (sha256 == null ? 0 : 4 + sha256.Length);
            for (int i = 0; i < entries.Count; i += 2)
            {
                total += 4 + ((byte[])entries[i + 1]).Length;
            }

            byte[] area = new byte[total];
            LittleEndian.WriteUInt16(area, 0, magic);
            LittleEndian.WriteUInt16(area, 2, (ushort)total);
            int position = TlvArea.InfoSize;
            if (sha256 != null)
            {
                position = Put(area, position, TlvType.Sha256, sha256);
            }

            for (int i = 0; i < entries.Count; i += 2)
            {
                position = Put(area, position, (int)entries[i], (byte[])entries[i + 1]);
            }

            return area;
        }

        private static int Put(byte[] area, int position, int type, byte[] data)
        {
            LittleEndian.WriteUInt16(area, position, (ushort)type);
            LittleEndian.WriteUInt16(area, position + 2, (ushort)data.Length);
            Array.Copy(data, 0, area, position + 4, data.Length);
            return position + 4 + data.Length;
        }
    }
}
