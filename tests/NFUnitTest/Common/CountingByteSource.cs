using Stm32NanoUpdater.Image;

namespace NFUnitTest.Common
{
    /// <summary>Wraps a byte source and records the largest single read, to prove reads stay bounded.</summary>
    public sealed class CountingByteSource : IByteSource
    {
        private readonly IByteSource _inner;

        public CountingByteSource(IByteSource inner)
        {
            _inner = inner;
        }

        public int LargestRead;
        public int Reads;

        public void Read(int position, byte[] buffer, int offset, int count)
        {
            Reads++;
            if (count > LargestRead)
            {
                LargestRead = count;
            }

            _inner.Read(position, buffer, offset, count);
        }
    }
}
