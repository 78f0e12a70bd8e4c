using System.Security.Cryptography;
using Org.BouncyCastle.Math.EC.Rfc8032;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Host.Crypto;

/// <summary>
/// The host's <see cref="ISignatureVerifier"/>: ECDSA P-256 from .NET, Ed25519 from BouncyCastle. The device
/// implements the same interface natively over mbedTLS.
/// </summary>
public sealed class DotNetSignatureVerifier : ISignatureVerifier
{
    public bool VerifyEcdsaP256(byte[] publicKeyXY, byte[] digest, byte[] signatureRS)
    {
        if (publicKeyXY is not { Length: 64 } || digest is not { Length: 32 } || signatureRS is not { Length: 64 })
        {
            return false;
        }

        try
        {
            using ECDsa ecdsa = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = publicKeyXY[..32], Y = publicKeyXY[32..] },
            });
            return ecdsa.VerifyHash(digest, signatureRS, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            return false; // not a point on the curve
        }
    }

    public bool VerifyEd25519(byte[] publicKey, byte[] message, int offset, int count, byte[] signature)
    {
        if (publicKey?.Length != Ed25519.PublicKeySize || signature?.Length != Ed25519.SignatureSize ||
            message is null || offset < 0 || count < 0 || offset > message.Length - count)
        {
            return false;
        }

        return Ed25519.Verify(signature, 0, publicKey, 0, message, offset, count);
    }
}
