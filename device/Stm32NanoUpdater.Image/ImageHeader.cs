namespace Stm32NanoUpdater.Image
{
    /// <summary>
    /// The 32-byte MCUboot image header (little-endian): magic, load address, header size, protected TLV area size,
    /// image (payload) size, flags, version, pad.
    /// </summary>
    public sealed class ImageHeader
    {
        public const uint Magic = 0x96f3b83d;

        /// <summary>Bytes of the header structure; <see cref="HeaderSize"/> may be larger (padding before the payload).</summary>
        public const int Size = 32;

        public ImageHeader(uint loadAddress, int headerSize, int protectedTlvSize, uint imageSize, uint flags,
            ImageVersion version)
        {
            LoadAddress = loadAddress;
            HeaderSize = headerSize;
            ProtectedTlvSize = protectedTlvSize;
            ImageSize = imageSize;
            Flags = flags;
            Version = version;
        }

        public uint LoadAddress { get; }

        /// <summary>Offset of the payload from the start of the image (header plus padding).</summary>
        public int HeaderSize { get; }

        /// <summary>Size of the protected TLV area including its 4-byte info header, or 0 when there is none.</summary>
        public int ProtectedTlvSize { get; }

        /// <summary>Payload bytes (without header and TLVs).</summary>
        public uint ImageSize { get; }

        public uint Flags { get; }

        public ImageVersion Version { get; }

        /// <summary>Offset of the first TLV area: header size + image size. Throws if it does not fit an int.</summary>
        public int TlvOffset
        {
            get
            {
                ulong offset = (ulong)HeaderSize + ImageSize;
                if (offset > int.MaxValue)
                {
                    throw new ImageFormatException(RejectReason.TooLarge, "image size " + ImageSize.ToString() + " is too large");
                }

                return (int)offset;
            }
        }

        /// <summary>Parses and checks the header at bytes[offset..offset+32).</summary>
        /// <exception cref="ImageFormatException">Bad magic or a header size smaller than the header.</exception>
        public static ImageHeader Parse(byte[] bytes, int offset)
        {
            if (bytes == null || offset < 0 || offset > bytes.Length - Size)
            {
                throw new ImageFormatException(RejectReason.BadLayout, "image is shorter than its 32-byte header");
            }

            uint magic = LittleEndian.ReadUInt32(bytes, offset);
            if (magic != Magic)
            {
                throw new ImageFormatException(RejectReason.BadLayout, "no MCUboot image header (magic 0x96f3b83d not found)");
            }

            int headerSize = LittleEndian.ReadUInt16(bytes, offset + 8);
            if (headerSize < Size)
            {
                throw new ImageFormatException(RejectReason.BadLayout,
                    "header size " + headerSize.ToString() + " is smaller than the 32-byte header");
            }

            int protectedTlvSize = LittleEndian.ReadUInt16(bytes, offset + 10);
            if (protectedTlvSize != 0 && protectedTlvSize < TlvArea.InfoSize)
            {
                throw new ImageFormatException(RejectReason.BadLayout,
                    "protected TLV size " + protectedTlvSize.ToString() + " is smaller than its info header");
            }

            ImageVersion version = new ImageVersion(bytes[offset + 20], bytes[offset + 21],
                LittleEndian.ReadUInt16(bytes, offset + 22), LittleEndian.ReadUInt32(bytes, offset + 24));
            return new ImageHeader(LittleEndian.ReadUInt32(bytes, offset + 4), headerSize, protectedTlvSize,
                LittleEndian.ReadUInt32(bytes, offset + 12), LittleEndian.ReadUInt32(bytes, offset + 16), version);
        }

        /// <summary>Reads and parses the header at position 0 of an image.</summary>
        public static ImageHeader Read(IByteSource source, int length)
        {
            if (length < Size)
            {
                throw new ImageFormatException(RejectReason.BadLayout, "image is shorter than its 32-byte header");
            }

            byte[] bytes = new byte[Size];
            source.Read(0, bytes, 0, Size);
            return Parse(bytes, 0);
        }

        /// <summary>Writes the 32 header bytes (pad field zero) at bytes[offset].</summary>
        public void WriteTo(byte[] bytes, int offset)
        {
            LittleEndian.WriteUInt32(bytes, offset, Magic);
            LittleEndian.WriteUInt32(bytes, offset + 4, LoadAddress);
            LittleEndian.WriteUInt16(bytes, offset + 8, (ushort)HeaderSize);
            LittleEndian.WriteUInt16(bytes, offset + 10, (ushort)ProtectedTlvSize);
            LittleEndian.WriteUInt32(bytes, offset + 12, ImageSize);
            LittleEndian.WriteUInt32(bytes, offset + 16, Flags);
            bytes[offset + 20] = Version.Major;
            bytes[offset + 21] = Version.Minor;
            LittleEndian.WriteUInt16(bytes, offset + 22, Version.Revision);
            LittleEndian.WriteUInt32(bytes, offset + 24, Version.Build);
            LittleEndian.WriteUInt32(bytes, offset + 28, 0);
        }
    }
}
