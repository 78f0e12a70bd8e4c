using System;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Native
{
    /// <summary>
    /// Streaming SHA-256 computed natively (mbedTLS), for hashing whole slots quickly on the device. The state is a
    /// 112-byte array owned by this object and passed to every native call, so nothing native outlives a call and
    /// nothing can leak. Same contract as <see cref="Sha256"/>, which it can replace wherever an
    /// <see cref="ISha256"/> is taken.
    /// </summary>
    public sealed class NativeSha256 : ISha256
    {
        private const int DigestSize = 32;

        private readonly byte[] _state = new byte[NativeCrypto.Sha256StateSize];

        public NativeSha256()
        {
            Reset();
        }

        public void Reset()
        {
            Check(NativeCrypto.Sha256Init(_state));
        }

        public void Update(byte[] data, int offset, int count)
        {
            if (data == null)
            {
                throw new ArgumentNullException("data");
            }

            if (offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new ArgumentOutOfRangeException("offset");
            }

            Check(NativeCrypto.Sha256Update(_state, data, offset, count));
        }

        public void Finish(byte[] output, int offset)
        {
            if (output == null)
            {
                throw new ArgumentNullException("output");
            }

            if (offset < 0 || offset > output.Length - DigestSize)
            {
                throw new ArgumentOutOfRangeException("offset");
            }

            Check(NativeCrypto.Sha256Final(_state, output, offset));
        }

        // The arguments were checked above, so a failure here means a broken firmware (no SHA-256 in its mbedTLS,
        // or a damaged state): an exception, not a wrong digest.
        private static void Check(int status)
        {
            if (status != 0)
            {
                throw new InvalidOperationException("native SHA-256 failed: " + status.ToString());
            }
        }
    }
}
