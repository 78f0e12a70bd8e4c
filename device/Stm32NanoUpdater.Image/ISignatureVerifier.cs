namespace Stm32NanoUpdater.Image
{
    /// <summary>
    /// Signature primitives the image library cannot do itself: natively (mbedTLS through interop) on the device,
    /// with .NET and BouncyCastle on the host. Both return false for any invalid input; they never throw for it.
    /// </summary>
    public interface ISignatureVerifier
    {
        // publicKeyXY: 64 bytes X||Y; digest: 32 bytes; signatureRS: 64 bytes r||s (DER already parsed by the caller)
        bool VerifyEcdsaP256(byte[] publicKeyXY, byte[] digest, byte[] signatureRS);

        // publicKey: 32 bytes; message: message[offset..offset+count); signature: 64 bytes
        bool VerifyEd25519(byte[] publicKey, byte[] message, int offset, int count, byte[] signature);
    }
}
