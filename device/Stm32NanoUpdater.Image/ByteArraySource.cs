using System;

namespace Stm32NanoUpdater.Image
{
    /// <summary>An <see cref="IByteSource"/> over a byte array (or a window of one).</summary>
    public sealed class ByteArraySource : IByteSource
    {
        private readonly byte[] _bytes;
        private readonly int _start;
        private readonly int _length;

        public ByteArraySource(byte[] bytes) : this(bytes, 0, bytes == null ? 0 : bytes.Length)
        {
        }

        public ByteArraySource(byte[] bytes, int start, int length)
        {
            if (bytes == null)
            {
                throw new ArgumentNullException("bytes");
            }

            if (start < 0 || length < 0 || start > bytes.Length - length)
            {
                throw new ArgumentOutOfRangeException("length");
            }

            _bytes = bytes;
            _start = start;
            _length = length;
        }

        public int Length => _length;

        public void Read(int position, byte[] buffer, int offset, int count)
        {
            if (position < 0 || count < 0 || position > _length - count)
            {
                throw new ArgumentOutOfRangeException("position");
            }

            Array.Copy(_bytes, _start + position, buffer, offset, count);
        }
    }
}
