using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Native
{
    /// <summary>
    /// <see cref="ISignatureVerifier"/> on the device: the checks run natively (mbedTLS for ECDSA P-256, the
    /// project's strict Ed25519 for Ed25519). Any malformed input is answered with false, never an exception.
    /// </summary>
    public sealed class NativeSignatureVerifier : ISignatureVerifier
    {
        private const int P256PublicKeySize = 64;
        private const int P256SignatureSize = 64;
        private const int DigestSize = 32;
        private const int Ed25519PublicKeySize = 32;
        private const int Ed25519SignatureSize = 64;

        public bool VerifyEcdsaP256(byte[] publicKeyXY, byte[] digest, byte[] signatureRS)
        {
            if (publicKeyXY == null || publicKeyXY.Length != P256PublicKeySize ||
                digest == null || digest.Length != DigestSize ||
                signatureRS == null || signatureRS.Length != P256SignatureSize)
            {
                return false;
            }

            return NativeCrypto.VerifyEcdsaP256(publicKeyXY, digest, signatureRS) == NativeCrypto.Valid;
        }

        public bool VerifyEd25519(byte[] publicKey, byte[] message, int offset, int count, byte[] signature)
        {
            if (publicKey == null || publicKey.Length != Ed25519PublicKeySize ||
                signature == null || signature.Length != Ed25519SignatureSize ||
                message == null || offset < 0 || count < 0 || offset > message.Length - count)
            {
                return false;
            }

            return NativeCrypto.VerifyEd25519(publicKey, message, offset, count, signature) == NativeCrypto.Valid;
        }
    }
}
