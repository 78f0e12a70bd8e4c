using System;
using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Agent.Transport;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Agent.Staging
{
    /// <summary>
    /// Writes an image into a staging slot as it arrives: erases just ahead of the write position (whole 64 KiB blocks
    /// where the image covers them), programs, hashes the bytes the SHA-256 TLV covers while writing them, and records
    /// a durable checkpoint every <see cref="CheckpointInterval"/> bytes. It never touches the slot's trailer sector.
    /// </summary>
    public sealed class SlotWriter : IDownloadSink
    {
        /// <summary>Bytes between durable checkpoints; a multiple of the sector size so a resume starts on a sector.</summary>
        public const int CheckpointInterval = 16 * 1024;
        private const int EraseBlock = 64 * 1024;

        private readonly IFlash _flash;
        private readonly int _slot;
        private readonly ISha256 _sha;
        private readonly DownloadProgress _progress;
        private int _span;
        private int _hashedLength;
        private int _erasedUpTo;

        public SlotWriter(IFlash flash, ImageKind kind, ISha256 sha, DownloadProgress progress)
        {
            _flash = flash;
            _slot = NorLayout.StagingSlot(kind);
            _sha = sha;
            _progress = progress;
        }

        /// <summary>Image bytes written so far (the next byte's offset in the slot).</summary>
        public int Position { get; private set; }

        /// <summary>
        /// Prepares to write an image of <paramref name="span"/> bytes from <paramref name="resumeAt"/> (0, or a durable
        /// checkpoint). Bytes before it are already in the slot: they are read back to rebuild the running hash, which
        /// covers the first <paramref name="hashedLength"/> bytes (header, payload, protected TLVs).
        /// </summary>
        public void Open(int span, int hashedLength, int resumeAt, byte[] buffer)
        {
            if (resumeAt < 0 || resumeAt > span || (resumeAt < span && resumeAt % NorLayout.SectorSize != 0))
            {
                throw new ArgumentOutOfRangeException("resumeAt");
            }

            _span = span;
            _hashedLength = hashedLength;
            _sha.Reset();
            int position = 0;
            while (position < resumeAt)
            {
                int piece = resumeAt - position < buffer.Length ? resumeAt - position : buffer.Length;
                _flash.Read(_slot + position, buffer, 0, piece);
                Hash(position, buffer, 0, piece);
                position += piece;
            }

            Position = resumeAt;

            // Whatever follows the checkpoint may be half written: it is erased again before use.
            _erasedUpTo = resumeAt;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (count > _span - Position)
            {
                throw new InvalidOperationException("more bytes than the image span");
            }

            EraseAhead(Position + count);
            _flash.Program(_slot + Position, buffer, offset, count);
            Hash(Position, buffer, offset, count);
            int before = Position;
            Position += count;
            if (Position == _span || Position / CheckpointInterval != before / CheckpointInterval)
            {
                _progress.Checkpoint(Position == _span ? _span : Position / CheckpointInterval * CheckpointInterval);
            }
        }

        /// <summary>The SHA-256 of the hashed bytes as they were written; call once every byte is written.</summary>
        public void FinishHash(byte[] digest, int offset)
        {
            _sha.Finish(digest, offset);
        }

        private void Hash(int position, byte[] buffer, int offset, int count)
        {
            if (position < _hashedLength)
            {
                int covered = _hashedLength - position < count ? _hashedLength - position : count;
                _sha.Update(buffer, offset, covered);
            }
        }

        private void EraseAhead(int end)
        {
            int limit = RoundUp(_span, NorLayout.SectorSize);
            while (_erasedUpTo < end)
            {
                int toBlockEnd = EraseBlock - _erasedUpTo % EraseBlock;
                int length = limit - _erasedUpTo < toBlockEnd ? limit - _erasedUpTo : toBlockEnd;
                _flash.Erase(_slot + _erasedUpTo, length);
                _erasedUpTo += length;
            }
        }

        private static int RoundUp(int value, int multiple)
        {
            return (value + multiple - 1) / multiple * multiple;
        }
    }
}
