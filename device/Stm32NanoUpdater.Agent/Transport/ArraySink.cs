using System;

namespace Stm32NanoUpdater.Agent.Transport
{
    /// <summary>A download sink into a byte array, for the small probes (image header, TLV areas).</summary>
    public sealed class ArraySink : IDownloadSink
    {
        private readonly byte[] _target;
        private int _position;

        public ArraySink(byte[] target)
        {
            _target = target;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            Array.Copy(buffer, offset, _target, _position, count);
            _position += count;
        }
    }
}
