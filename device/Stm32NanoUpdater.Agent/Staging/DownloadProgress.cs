using System;
using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Agent.Staging
{
    /// <summary>
    /// Durable download progress in the kind's agent scratch sector (contract §2: agent only), so a download resumes
    /// after a reboot or power cut instead of starting over.
    /// <para>Format (this class is its only reader and writer): a 64-byte session record at offset 0 — magic "NUDP",
    /// u16 version 1, u8 kind, u8 0xFF, u32 image span, u32 0xFFFFFFFF, the image's 32-byte SHA-256 TLV, 12 bytes
    /// 0xFF, CRC-32 of bytes [0, 60) — then 8-byte checkpoints {u32 offset, u32 ~offset} from offset 64, appended in
    /// order. A checkpoint says every staged byte below its offset is programmed. A torn session record or checkpoint
    /// fails its check and reads as absent, so the download resumes from the previous checkpoint or from 0.</para>
    /// </summary>
    public sealed class DownloadProgress
    {
        private const uint SessionMagic = 0x5044554E; // "NUDP"
        private const int FormatVersion = 1;
        private const int SessionSize = 64;
        private const int CheckpointSize = 8;
        private const int CheckpointSlots = (NorLayout.SectorSize - SessionSize) / CheckpointSize;

        private readonly IFlash _flash;
        private readonly ImageKind _kind;
        private readonly int _sector;
        private readonly byte[] _buffer = new byte[SessionSize];
        private readonly byte[] _digest = new byte[Sha256.DigestSize];
        private int _span;
        private int _nextSlot;

        public DownloadProgress(IFlash flash, ImageKind kind)
        {
            _flash = flash;
            _kind = kind;
            _sector = NorLayout.ProgressSector(kind);
        }

        /// <summary>
        /// The durable offset of a download of exactly this image (same SHA-256 TLV and span), or -1 when the sector
        /// holds no session or one for another image.
        /// </summary>
        public int DurableOffset(byte[] digest, int span)
        {
            _flash.Read(_sector, _buffer, 0, SessionSize);
            if (LittleEndian.ReadUInt32(_buffer, 0) != SessionMagic
                || LittleEndian.ReadUInt16(_buffer, 4) != FormatVersion
                || _buffer[6] != (byte)_kind
                || Crc32.Compute(_buffer, 0, 60) != LittleEndian.ReadUInt32(_buffer, 60)
                || (int)LittleEndian.ReadUInt32(_buffer, 8) != span
                || !Digests.Equal(_buffer, 16, digest))
            {
                return -1;
            }

            Remember(digest, span);
            int durable = 0;
            _nextSlot = 0;
            for (int slot = 0; slot < CheckpointSlots; slot++)
            {
                int at = _sector + SessionSize + slot * CheckpointSize;
                if (slot % (SessionSize / CheckpointSize) == 0)
                {
                    _flash.Read(at, _buffer, 0, SessionSize);
                }

                int i = (slot % (SessionSize / CheckpointSize)) * CheckpointSize;
                uint offset = LittleEndian.ReadUInt32(_buffer, i);
                uint check = LittleEndian.ReadUInt32(_buffer, i + 4);
                if (offset == 0xFFFFFFFF && check == 0xFFFFFFFF)
                {
                    break;
                }

                _nextSlot = slot + 1;
                if (offset == ~check && offset <= (uint)span && (int)offset > durable)
                {
                    durable = (int)offset;
                }
            }

            return durable;
        }

        /// <summary>Starts a new session for this image (erases the sector; progress 0).</summary>
        public void Begin(byte[] digest, int span)
        {
            Remember(digest, span);
            _flash.Erase(_sector, NorLayout.SectorSize);
            for (int i = 0; i < SessionSize; i++)
            {
                _buffer[i] = 0xFF;
            }

            LittleEndian.WriteUInt32(_buffer, 0, SessionMagic);
            LittleEndian.WriteUInt16(_buffer, 4, FormatVersion);
            _buffer[6] = (byte)_kind;
            LittleEndian.WriteUInt32(_buffer, 8, (uint)span);
            Array.Copy(_digest, 0, _buffer, 16, Sha256.DigestSize);
            LittleEndian.WriteUInt32(_buffer, 60, Crc32.Compute(_buffer, 0, 60));
            _flash.Program(_sector, _buffer, 0, SessionSize);
            _nextSlot = 0;
        }

        /// <summary>Records that every byte below <paramref name="offset"/> is programmed.</summary>
        public void Checkpoint(int offset)
        {
            if (_nextSlot >= CheckpointSlots)
            {
                // Full: start the sector over with this checkpoint (a cut in between loses the progress, not the image).
                Begin(_digest, _span);
            }

            LittleEndian.WriteUInt32(_buffer, 0, (uint)offset);
            LittleEndian.WriteUInt32(_buffer, 4, ~(uint)offset);
            _flash.Program(_sector + SessionSize + _nextSlot * CheckpointSize, _buffer, 0, CheckpointSize);
            _nextSlot++;
        }

        /// <summary>Forgets the session (after the request is written, or to start over).</summary>
        public void Clear()
        {
            _flash.Erase(_sector, NorLayout.SectorSize);
            _nextSlot = 0;
        }

        private void Remember(byte[] digest, int span)
        {
            Array.Copy(digest, 0, _digest, 0, Sha256.DigestSize);
            _span = span;
        }
    }
}
