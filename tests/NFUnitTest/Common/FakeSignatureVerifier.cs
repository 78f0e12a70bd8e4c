using Stm32NanoUpdater.Image;

namespace NFUnitTest.Common
{
    /// <summary>An <see cref="ISignatureVerifier"/> that answers as configured and records what it was asked.</summary>
    public sealed class FakeSignatureVerifier : ISignatureVerifier
    {
        public bool Answer = true;
        public int Calls;
        public byte[] LastKey;
        public byte[] LastMessage;
        public byte[] LastSignature;

        public bool VerifyEcdsaP256(byte[] publicKeyXY, byte[] digest, byte[] signatureRS)
        {
            Calls++;
            LastKey = publicKeyXY;
            LastMessage = digest;
            LastSignature = signatureRS;
            return Answer;
        }

        public bool VerifyEd25519(byte[] publicKey, byte[] message, int offset, int count, byte[] signature)
        {
            Calls++;
            LastKey = publicKey;
            LastMessage = new byte[count];
            System.Array.Copy(message, offset, LastMessage, 0, count);
            LastSignature = signature;
            return Answer;
        }
    }
}
