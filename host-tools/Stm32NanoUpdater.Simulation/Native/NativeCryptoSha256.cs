using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Simulation.Native;

/// <summary>
/// Streaming SHA-256 in native code with its state in a managed byte array, as the device's NativeSha256 keeps it
/// between interop calls (nu_crypto_sha256_init/update/final).
/// </summary>
public sealed unsafe class NativeCryptoSha256 : ISha256
{
    private readonly byte[] _state = new byte[NuCryptoInterop.Sha256StateSize];

    public NativeCryptoSha256()
    {
        Reset();
    }

    public void Reset()
    {
        fixed (byte* state = _state)
        {
            Check(NuCryptoInterop.Sha256Init(state));
        }
    }

    public void Update(byte[] data, int offset, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, data.Length - count);
        if (count == 0)
        {
            return;
        }

        fixed (byte* state = _state, bytes = data)
        {
            Check(NuCryptoInterop.Sha256Update(state, bytes + offset, (nuint)count));
        }
    }

    public void Finish(byte[] output, int offset)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, output.Length - 32);
        fixed (byte* state = _state, digest = output)
        {
            Check(NuCryptoInterop.Sha256Final(state, digest + offset));
        }
    }

    private static void Check(int result)
    {
        if (result != 0)
        {
            throw new InvalidOperationException($"native SHA-256 failed ({result})");
        }
    }
}
