using System.Security.Cryptography;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Host.Crypto;

/// <summary>.NET's SHA-256 behind the device library's <see cref="ISha256"/>, so host verification runs at native speed.</summary>
public sealed class DotNetSha256 : ISha256, IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public void Reset() => _hash.GetHashAndReset();

    public void Update(byte[] data, int offset, int count) => _hash.AppendData(data, offset, count);

    public void Finish(byte[] output, int offset) => _hash.GetHashAndReset(output.AsSpan(offset, SHA256.HashSizeInBytes));

    public void Dispose() => _hash.Dispose();
}
