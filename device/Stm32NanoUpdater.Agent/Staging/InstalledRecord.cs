using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Agent.Staging
{
    /// <summary>
    /// The installed-image record of a kind (contract §4): the installed image's header and TLVs, kept on the NOR because
    /// internal flash holds the bare payload, with the MCUboot primary-slot trailer saying TEST pending or confirmed.
    /// The swap stage writes it; the agent only reads it and, to confirm, programs image_ok.
    /// </summary>
    public sealed class InstalledRecord
    {
        public const int BodyOffset = 16;
        public const int MaxBodySize = 4032;
        private const uint RecordMagic = 0x5249554E; // "NUIR"
        private const int FormatVersion = 1;

        private InstalledRecord(ImageKind kind, RecordTrailerState state, ImageHeader header, byte[] digest, uint securityCounter)
        {
            Kind = kind;
            State = state;
            Header = header;
            Digest = digest;
            SecurityCounter = securityCounter;
        }

        public ImageKind Kind { get; }

        public RecordTrailerState State { get; }

        /// <summary>The installed image's header (load address, sizes, version).</summary>
        public ImageHeader Header { get; }

        /// <summary>The SHA-256 TLV of the installed image, or null when it has none.</summary>
        public byte[] Digest { get; }

        /// <summary>The protected security counter TLV, 0 when absent.</summary>
        public uint SecurityCounter { get; }

        /// <summary>
        /// The record of <paramref name="kind"/>, or null when it is absent or invalid, in the state the stage gives it:
        /// a TEST record whose release companion is confirmed reads confirmed (the stage completes it at boot).
        /// </summary>
        public static InstalledRecord Read(IFlash flash, ImageKind kind)
        {
            int sector = NorLayout.RecordSector(kind);
            byte[] trailer = ReadTrailer(flash, kind);
            byte[] companion = ReadTrailer(flash, NorLayout.CompanionOf(kind));
            RecordTrailerState state = SwapTrailer.DecideRecord(trailer, 0, companion, 0);
            if (state == RecordTrailerState.Absent)
            {
                return null;
            }

            byte[] prefix = new byte[BodyOffset + ImageHeader.Size];
            flash.Read(sector, prefix, 0, prefix.Length);
            if (LittleEndian.ReadUInt32(prefix, 0) != RecordMagic || LittleEndian.ReadUInt16(prefix, 4) != FormatVersion)
            {
                return null;
            }

            int headerSize = LittleEndian.ReadUInt16(prefix, 6);
            uint tlvBytes = LittleEndian.ReadUInt32(prefix, 8);
            if (headerSize < ImageHeader.Size || tlvBytes > MaxBodySize || headerSize + tlvBytes > MaxBodySize)
            {
                return null;
            }

            int bodyLength = headerSize + (int)tlvBytes;
            if (BodyCrc(flash, sector, bodyLength) != LittleEndian.ReadUInt32(prefix, 12))
            {
                return null;
            }

            try
            {
                ImageHeader header = ImageHeader.Parse(prefix, BodyOffset);
                FlashByteSource source = new FlashByteSource(flash, sector);
                int tlvStart = BodyOffset + headerSize;
                TlvArea tlvs = TlvReader.Read(source, tlvStart, header.ProtectedTlvSize, tlvStart + (int)tlvBytes);
                return new InstalledRecord(kind, state, header, ReadDigest(tlvs, source), ReadSecurityCounter(tlvs, source));
            }
            catch (ImageFormatException)
            {
                return null;
            }
        }

        /// <summary>
        /// Confirms a TEST-pending record: programs image_ok = 0x01 (contract §4), also on a record the stage would
        /// complete anyway (its release companion is confirmed), so the flash says confirmed without another boot.
        /// True when the record reads back confirmed; false when there was nothing to confirm.
        /// </summary>
        public static bool Confirm(IFlash flash, ImageKind kind)
        {
            if (Read(flash, kind) == null || SwapTrailer.DecideRecord(ReadTrailer(flash, kind), 0) != RecordTrailerState.TestPending)
            {
                return false;
            }

            int trailerAddress = NorLayout.RecordSector(kind) + NorLayout.SectorSize - SwapTrailer.Size;
            byte[] flag = new byte[] { SwapTrailer.FlagSet };
            flash.Program(trailerAddress + SwapTrailer.ImageOkOffset, flag, 0, 1);
            if (SwapTrailer.DecideRecord(ReadTrailer(flash, kind), 0) != RecordTrailerState.Confirmed)
            {
                throw new FlashException("the confirmation did not read back");
            }

            return true;
        }

        private static byte[] ReadTrailer(IFlash flash, ImageKind kind)
        {
            byte[] trailer = new byte[SwapTrailer.Size];
            flash.Read(NorLayout.RecordSector(kind) + NorLayout.SectorSize - SwapTrailer.Size, trailer, 0, trailer.Length);
            return trailer;
        }

        private static uint BodyCrc(IFlash flash, int sector, int bodyLength)
        {
            byte[] chunk = new byte[256];
            uint running = Crc32.Start;
            int position = 0;
            while (position < bodyLength)
            {
                int piece = bodyLength - position < chunk.Length ? bodyLength - position : chunk.Length;
                flash.Read(sector + BodyOffset + position, chunk, 0, piece);
                running = Crc32.Update(running, chunk, 0, piece);
                position += piece;
            }

            return Crc32.Finish(running);
        }

        private static byte[] ReadDigest(TlvArea tlvs, IByteSource source)
        {
            TlvEntry entry = tlvs.Find(TlvType.Sha256);
            return entry != null && entry.Length == Sha256.DigestSize ? entry.ReadData(source) : null;
        }

        private static uint ReadSecurityCounter(TlvArea tlvs, IByteSource source)
        {
            TlvEntry entry = tlvs.Find(TlvType.SecurityCounter);
            if (entry == null || !entry.IsProtected || entry.Length != 4)
            {
                return 0;
            }

            return LittleEndian.ReadUInt32(entry.ReadData(source), 0);
        }
    }
}
