namespace Stm32NanoUpdater.Image
{
    /// <summary>
    /// A strict DER cursor for the small structures the image format uses (ECDSA signatures, public keys, all well under
    /// 128 bytes): definite short-form lengths only, every element inside its parent, nothing left over.
    /// </summary>
    internal sealed class DerReader
    {
        public const byte Integer = 0x02;
        public const byte BitString = 0x03;
        public const byte ObjectIdentifier = 0x06;
        public const byte Sequence = 0x30;

        private readonly byte[] _bytes;
        private readonly int _end;
        private int _position;

        public DerReader(byte[] bytes, int offset, int count)
        {
            _bytes = bytes;
            _position = offset;
            _end = offset + count;
        }

        public bool AtEnd => _position == _end;

        public int ContentOffset { get; private set; }

        public int ContentLength { get; private set; }

        /// <summary>Reads the next element's tag and length; false if it is not <paramref name="tag"/> or is malformed.</summary>
        public bool TryReadElement(byte tag)
        {
            if (_end - _position < 2 || _bytes[_position] != tag)
            {
                return false;
            }

            int length = _bytes[_position + 1];
            if (length >= 0x80 || length > _end - _position - 2)
            {
                // Long-form lengths are never minimal for content this small, so they are not DER here.
                return false;
            }

            ContentOffset = _position + 2;
            ContentLength = length;
            _position = ContentOffset + length;
            return true;
        }

        /// <summary>A reader over the content of the element just read (for SEQUENCEs).</summary>
        public DerReader Content() => new DerReader(_bytes, ContentOffset, ContentLength);

        public bool ContentEquals(byte[] expected)
        {
            if (ContentLength != expected.Length)
            {
                return false;
            }

            for (int i = 0; i < expected.Length; i++)
            {
                if (_bytes[ContentOffset + i] != expected[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
