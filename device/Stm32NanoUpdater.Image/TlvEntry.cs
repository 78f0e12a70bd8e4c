namespace Stm32NanoUpdater.Image
{
    /// <summary>One TLV entry: its type, where its data starts (relative to the image source) and its length.</summary>
    public sealed class TlvEntry
    {
        public TlvEntry(int type, int dataOffset, int length, bool isProtected)
        {
            Type = type;
            DataOffset = dataOffset;
            Length = length;
            IsProtected = isProtected;
        }

        public int Type { get; }

        public int DataOffset { get; }

        public int Length { get; }

        public bool IsProtected { get; }

        public byte[] ReadData(IByteSource source)
        {
            byte[] data = new byte[Length];
            source.Read(DataOffset, data, 0, Length);
            return data;
        }
    }
}
