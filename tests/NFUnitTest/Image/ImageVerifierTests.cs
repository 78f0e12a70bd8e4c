using nanoFramework.TestFramework;
using NFUnitTest.Common;
using Stm32NanoUpdater.Image;

namespace NFUnitTest.Image
{
    /// <summary>
    /// The verification flow with a fake signature primitive (real signatures are covered on the host by the
    /// Wycheproof suite and the sign/verify round trips).
    /// </summary>
    [TestClass]
    public class ImageVerifierTests
    {
        private const string SignatureDer = "3006020101020102";

        private static TrustedKey EcdsaKey() => TrustedKey.FromSubjectPublicKeyInfo(TestBytes.FromHex(TestKeys.EcdsaP256Spki));

        private static TrustedKey Ed25519Key() => TrustedKey.FromSubjectPublicKeyInfo(TestBytes.FromHex(TestKeys.Ed25519Spki));

        private static TestImageBuilder SignedBy(TrustedKey key, int signatureType, byte[] signature)
        {
            TestImageBuilder builder = new TestImageBuilder();
            builder.AddProtected(TlvType.SecurityCounter, new byte[] { 7, 0, 0, 0 });
            builder.AddUnprotected(TlvType.KeyHash, key.KeyHash);
            builder.AddUnprotected(signatureType, signature);
            return builder;
        }

        private static VerificationResult Verify(byte[] image, TrustedKey[] keys, ISignatureVerifier signatures)
        {
            return new ImageVerifier(keys, signatures).Verify(new ByteArraySource(image), image.Length);
        }

        private static void AssertRejected(VerificationResult result, RejectReason reason)
        {
            Assert.IsFalse(result.IsAccepted, result.Message);
            Assert.AreEqual((int)reason, (int)result.Reason, result.Message);
        }

        [TestMethod]
        public void AcceptsAnEcdsaImageAndPassesDigestKeyAndRs()
        {
            TestImageBuilder builder = SignedBy(EcdsaKey(), TlvType.EcdsaSignature, TestBytes.FromHex(SignatureDer));
            FakeSignatureVerifier fake = new FakeSignatureVerifier();
            VerificationResult result = Verify(builder.Build(), new TrustedKey[] { Ed25519Key(), EcdsaKey() }, fake);
            Assert.IsTrue(result.IsAccepted, result.Message);
            Assert.AreEqual(1, fake.Calls);
            CollectionAssert.AreEqual(builder.Digest(), fake.LastMessage);
            CollectionAssert.AreEqual(EcdsaKey().PublicKey, fake.LastKey);
            Assert.AreEqual((byte)1, fake.LastSignature[31]);
            Assert.AreEqual((byte)2, fake.LastSignature[63]);
            Assert.AreEqual((int)SignatureAlgorithm.EcdsaP256, (int)result.SignedBy.Algorithm);
            Assert.IsTrue(result.HashMatches);
            Assert.IsTrue(result.HasSecurityCounter);
            Assert.AreEqual((uint)7, result.SecurityCounter);
            Assert.AreEqual(32 + 100 + 12 + 4 + 36 + 36 + 12, result.ImageSpan);
        }

        [TestMethod]
        public void AcceptsAnEd25519ImageSigningTheDigest()
        {
            TestImageBuilder builder = SignedBy(Ed25519Key(), TlvType.Ed25519, TestBytes.Pattern(64));
            FakeSignatureVerifier fake = new FakeSignatureVerifier();
            VerificationResult result = Verify(builder.Build(), new TrustedKey[] { Ed25519Key() }, fake);
            Assert.IsTrue(result.IsAccepted, result.Message);
            CollectionAssert.AreEqual(builder.Digest(), fake.LastMessage);
            CollectionAssert.AreEqual(TestBytes.Pattern(64), fake.LastSignature);
        }

        [TestMethod]
        public void AcceptsImgtoolPadSigZeros()
        {
            TestImageBuilder builder = SignedBy(EcdsaKey(), TlvType.EcdsaSignature, TestBytes.FromHex(SignatureDer + "0000"));
            Assert.IsTrue(Verify(builder.Build(), new TrustedKey[] { EcdsaKey() }, new FakeSignatureVerifier()).IsAccepted);
        }

        [TestMethod]
        public void RejectsAChangedPayloadByte()
        {
            byte[] image = SignedBy(EcdsaKey(), TlvType.EcdsaSignature, TestBytes.FromHex(SignatureDer)).Build();
            image[40] ^= 0x01;
            VerificationResult result = Verify(image, new TrustedKey[] { EcdsaKey() }, new FakeSignatureVerifier());
            AssertRejected(result, RejectReason.HashMismatch);
            Assert.IsFalse(result.HashMatches);
        }

        [TestMethod]
        public void RejectsAChangedProtectedTlv()
        {
            byte[] image = SignedBy(EcdsaKey(), TlvType.EcdsaSignature, TestBytes.FromHex(SignatureDer)).Build();
            image[132 + 8] = 6; // security counter 7 -> 6
            AssertRejected(Verify(image, new TrustedKey[] { EcdsaKey() }, new FakeSignatureVerifier()), RejectReason.HashMismatch);
        }

        [TestMethod]
        public void RejectsAnUntrustedKeyWithoutAskingForTheSignature()
        {
            byte[] image = SignedBy(EcdsaKey(), TlvType.EcdsaSignature, TestBytes.FromHex(SignatureDer)).Build();
            FakeSignatureVerifier fake = new FakeSignatureVerifier();
            VerificationResult result = Verify(image, new TrustedKey[] { Ed25519Key() }, fake);
            AssertRejected(result, RejectReason.KeyNotTrusted);
            Assert.AreEqual(0, fake.Calls);
            CollectionAssert.AreEqual(EcdsaKey().KeyHash, result.KeyHash);
        }

        [TestMethod]
        public void RejectsAnImageWithoutKeyHash()
        {
            TestImageBuilder builder = new TestImageBuilder();
            builder.AddUnprotected(TlvType.EcdsaSignature, TestBytes.FromHex(SignatureDer));
            AssertRejected(Verify(builder.Build(), new TrustedKey[] { EcdsaKey() }, new FakeSignatureVerifier()), RejectReason.KeyNotTrusted);
        }

        [TestMethod]
        public void RejectsASignatureThatDoesNotVerify()
        {
            byte[] image = SignedBy(EcdsaKey(), TlvType.EcdsaSignature, TestBytes.FromHex(SignatureDer)).Build();
            FakeSignatureVerifier fake = new FakeSignatureVerifier();
            fake.Answer = false;
            AssertRejected(Verify(image, new TrustedKey[] { EcdsaKey() }, fake), RejectReason.SignatureInvalid);
        }

        [TestMethod]
        public void RejectsMalformedDerWithoutCallingTheVerifier()
        {
            byte[] image = SignedBy(EcdsaKey(), TlvType.EcdsaSignature, TestBytes.FromHex("3006020181020102")).Build();
            FakeSignatureVerifier fake = new FakeSignatureVerifier();
            AssertRejected(Verify(image, new TrustedKey[] { EcdsaKey() }, fake), RejectReason.SignatureInvalid);
            Assert.AreEqual(0, fake.Calls);
        }

        [TestMethod]
        public void RejectsASignatureOfTheWrongAlgorithmForTheKey()
        {
            byte[] image = SignedBy(EcdsaKey(), TlvType.Ed25519, TestBytes.Pattern(64)).Build();
            AssertRejected(Verify(image, new TrustedKey[] { EcdsaKey() }, new FakeSignatureVerifier()), RejectReason.SignatureInvalid);
        }

        [TestMethod]
        public void RejectsATrustedKeyHashWithoutSignature()
        {
            TestImageBuilder builder = new TestImageBuilder();
            builder.AddUnprotected(TlvType.KeyHash, EcdsaKey().KeyHash);
            AssertRejected(Verify(builder.Build(), new TrustedKey[] { EcdsaKey() }, new FakeSignatureVerifier()), RejectReason.SignatureInvalid);
        }

        [TestMethod]
        public void WithoutSignaturePrimitivesATrustedKeyHashIsEnough()
        {
            TestImageBuilder builder = new TestImageBuilder();
            builder.AddUnprotected(TlvType.KeyHash, EcdsaKey().KeyHash);
            VerificationResult result = Verify(builder.Build(), new TrustedKey[] { EcdsaKey() }, null);
            Assert.IsTrue(result.IsAccepted, result.Message);
            Assert.IsNotNull(result.SignedBy);
        }

        [TestMethod]
        public void RejectsAMissingOrDuplicatedHash()
        {
            TestImageBuilder noHash = SignedBy(EcdsaKey(), TlvType.EcdsaSignature, TestBytes.FromHex(SignatureDer));
            noHash.IncludeHash = false;
            AssertRejected(Verify(noHash.Build(), new TrustedKey[] { EcdsaKey() }, new FakeSignatureVerifier()), RejectReason.BadLayout);

            TestImageBuilder twoHashes = SignedBy(EcdsaKey(), TlvType.EcdsaSignature, TestBytes.FromHex(SignatureDer));
            twoHashes.AddUnprotected(TlvType.Sha256, new byte[32]);
            AssertRejected(Verify(twoHashes.Build(), new TrustedKey[] { EcdsaKey() }, new FakeSignatureVerifier()), RejectReason.BadLayout);
        }

        [TestMethod]
        public void RejectsASecurityCounterThatIsNotFourBytes()
        {
            TestImageBuilder builder = new TestImageBuilder();
            builder.AddProtected(TlvType.SecurityCounter, new byte[3]);
            builder.AddUnprotected(TlvType.KeyHash, EcdsaKey().KeyHash);
            AssertRejected(Verify(builder.Build(), new TrustedKey[] { EcdsaKey() }, null), RejectReason.BadLayout);
        }

        [TestMethod]
        public void RejectsATruncatedImage()
        {
            byte[] image = SignedBy(EcdsaKey(), TlvType.EcdsaSignature, TestBytes.FromHex(SignatureDer)).Build();
            VerificationResult result = Verify(image, new TrustedKey[] { EcdsaKey() }, new FakeSignatureVerifier());
            Assert.IsTrue(result.IsAccepted);
            VerificationResult shorter = new ImageVerifier(new TrustedKey[] { EcdsaKey() }, new FakeSignatureVerifier())
                .Verify(new ByteArraySource(image, 0, 120), 120);
            AssertRejected(shorter, RejectReason.BadLayout);
            Assert.IsNotNull(shorter.Header);
            Assert.IsNull(shorter.Tlvs);
        }

        [TestMethod]
        public void ReadsInChunksNoLargerThanItsBuffer()
        {
            TestImageBuilder builder = SignedBy(EcdsaKey(), TlvType.EcdsaSignature, TestBytes.FromHex(SignatureDer));
            builder.Payload = TestBytes.Pattern(5000);
            byte[] image = builder.Build();
            CountingByteSource source = new CountingByteSource(new ByteArraySource(image));
            VerificationResult result = new ImageVerifier(new TrustedKey[] { EcdsaKey() }, new FakeSignatureVerifier(),
                new Sha256(), new byte[100]).Verify(source, image.Length);
            Assert.IsTrue(result.IsAccepted, result.Message);
            Assert.IsTrue(source.LargestRead <= 100, "largest read " + source.LargestRead.ToString());
            CollectionAssert.AreEqual(builder.Digest(), result.ComputedDigest);
        }

        [TestMethod]
        public void IgnoresSlotPaddingAfterTheImage()
        {
            byte[] image = SignedBy(EcdsaKey(), TlvType.EcdsaSignature, TestBytes.FromHex(SignatureDer)).Build();
            byte[] slot = TestBytes.Filled(image.Length + 4096, 0xff);
            System.Array.Copy(image, slot, image.Length);
            VerificationResult result = Verify(slot, new TrustedKey[] { EcdsaKey() }, new FakeSignatureVerifier());
            Assert.IsTrue(result.IsAccepted, result.Message);
            Assert.AreEqual(image.Length, result.ImageSpan);
        }
    }
}
