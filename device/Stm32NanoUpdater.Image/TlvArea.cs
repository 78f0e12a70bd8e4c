namespace Stm32NanoUpdater.Image
{
    /// <summary>
    /// The TLV areas of an image: an optional protected area (info magic 0x6908, covered by the hash) followed by the
    /// unprotected area (info magic 0x6907). Each area starts with {u16 magic, u16 total length including the info}.
    /// </summary>
    public sealed class TlvArea
    {
        public const int InfoSize = 4;
        public const int EntryHeaderSize = 4;
        public const ushort ProtectedMagic = 0x6908;
        public const ushort UnprotectedMagic = 0x6907;

        private readonly TlvEntry[] _entries;

        public TlvArea(int start, int protectedSize, int unprotectedSize, TlvEntry[] entries)
        {
            Start = start;
            ProtectedSize = protectedSize;
            UnprotectedSize = unprotectedSize;
            _entries = entries;
        }

        /// <summary>Offset of the first area's info header (header size + image size for an image).</summary>
        public int Start { get; }

        /// <summary>Bytes of the protected area including its info header, or 0.</summary>
        public int ProtectedSize { get; }

        /// <summary>Bytes of the unprotected area including its info header.</summary>
        public int UnprotectedSize { get; }

        /// <summary>Offset just past the last TLV: the end of the image span.</summary>
        public int End => Start + ProtectedSize + UnprotectedSize;

        public int Count => _entries.Length;

        public TlvEntry GetEntry(int index) => _entries[index];

        /// <summary>The first entry of the type, or null.</summary>
        public TlvEntry Find(int type)
        {
            for (int i = 0; i < _entries.Length; i++)
            {
                if (_entries[i].Type == type)
                {
                    return _entries[i];
                }
            }

            return null;
        }

        public int CountOf(int type)
        {
            int count = 0;
            for (int i = 0; i < _entries.Length; i++)
            {
                if (_entries[i].Type == type)
                {
                    count++;
                }
            }

            return count;
        }
    }
}
