using nanoFramework.TestFramework;
using NFUnitTest.Common;
using Stm32NanoUpdater.Image;

namespace NFUnitTest.Image
{
    [TestClass]
    public class SubjectPublicKeyInfoTests
    {
        [TestMethod]
        public void ParsesAP256KeyIntoXY()
        {
            TrustedKey key = TrustedKey.FromSubjectPublicKeyInfo(TestBytes.FromHex(TestKeys.EcdsaP256Spki));
            Assert.AreEqual((int)SignatureAlgorithm.EcdsaP256, (int)key.Algorithm);
            CollectionAssert.AreEqual(TestBytes.FromHex(TestKeys.EcdsaP256X + TestKeys.EcdsaP256Y), key.PublicKey);
            // SHA-256 of the DER (Python hashlib), the value imgtool writes into the KEYHASH TLV.
            CollectionAssert.AreEqual(
                TestBytes.FromHex("0959b8a32ced68a78e40886d18b701098c146497c51790ce549456ddfef3ece9"), key.KeyHash);
        }

        [TestMethod]
        public void ParsesAnEd25519Key()
        {
            TrustedKey key = TrustedKey.FromSubjectPublicKeyInfo(TestBytes.FromHex(TestKeys.Ed25519Spki));
            Assert.AreEqual((int)SignatureAlgorithm.Ed25519, (int)key.Algorithm);
            CollectionAssert.AreEqual(TestBytes.FromHex(TestKeys.Ed25519Key), key.PublicKey);
            CollectionAssert.AreEqual(
                TestBytes.FromHex("71d4c03fb1705e8409a17b448f343cb3c4aa03b5f7b98bea5f02a063efcf7d67"), key.KeyHash);
            Assert.IsTrue(key.HasKeyHash(key.KeyHash, 0, 32));
            Assert.IsFalse(key.HasKeyHash(new byte[32], 0, 32));
        }

        [TestMethod]
        [DataRow("3039301306072a8648ce3d020106082a8648ce3d030107032200" + "03" + "04aaec73635726f213fb8a9e64da3b8632e41495a944d0045b522eba7240fad5")] // compressed point
        [DataRow("3056301006072a8648ce3d020106052b81040022034200" + "04" + "04aaec73635726f213fb8a9e64da3b8632e41495a944d0045b522eba7240fad587d9315798aaa3a5ba01775787ced05eaaf7b4e09fc81d6d1aa546e8365d525d")] // secp384r1 OID
        [DataRow("302c300706032b65700500032100" + "7d4d0e7f6153a69b6242b522abbee685fda4420f8834b108c3bdae369ef549fa")] // Ed25519 with NULL parameters
        [DataRow("302a300506032b65700321017d4d0e7f6153a69b6242b522abbee685fda4420f8834b108c3bdae369ef549fa")] // unused bits
        [DataRow("302a300506032b65710321007d4d0e7f6153a69b6242b522abbee685fda4420f8834b108c3bdae369ef549fa")] // X448 OID
        [DataRow("302a300506032b65700321007d4d0e7f6153a69b6242b522abbee685fda4420f8834b108c3bdae369ef549")] // truncated
        [DataRow("302a300506032b65700321007d4d0e7f6153a69b6242b522abbee685fda4420f8834b108c3bdae369ef549fa00")] // trailing byte
        [DataRow("")]
        public void RejectsOtherKeysAndMalformedDer(string hex)
        {
            Assert.ThrowsException(typeof(System.ArgumentException),
                () => TrustedKey.FromSubjectPublicKeyInfo(TestBytes.FromHex(hex)));
        }
    }
}
