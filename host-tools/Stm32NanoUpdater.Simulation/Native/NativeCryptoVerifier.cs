using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Simulation.Native;

/// <summary>
/// The device's signature checks as the device runs them: the native C of nf-targets/crypto (mbedTLS ECDSA P-256, the
/// project's Ed25519), here through P/Invoke instead of nanoFramework interop. False for any malformed input.
/// </summary>
public sealed unsafe class NativeCryptoVerifier : ISignatureVerifier
{
    public bool VerifyEcdsaP256(byte[] publicKeyXY, byte[] digest, byte[] signatureRS)
    {
        if (publicKeyXY is not { Length: 64 } || digest is not { Length: 32 } || signatureRS is not { Length: 64 })
        {
            return false;
        }

        fixed (byte* key = publicKeyXY, hash = digest, signature = signatureRS)
        {
            return NuCryptoInterop.EcdsaP256Verify(key, hash, signature) == NuCryptoInterop.Valid;
        }
    }

    public bool VerifyEd25519(byte[] publicKey, byte[] message, int offset, int count, byte[] signature)
    {
        if (publicKey is not { Length: 32 } || signature is not { Length: 64 } || message is null || offset < 0 || count < 0 ||
            offset > message.Length - count)
        {
            return false;
        }

        fixed (byte* key = publicKey, text = message, sig = signature)
        {
            return NuCryptoInterop.Ed25519Verify(key, text + offset, (nuint)count, sig) == NuCryptoInterop.Valid;
        }
    }
}
