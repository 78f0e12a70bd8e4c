using nanoFramework.TestFramework;
using NFUnitTest.Common;
using Stm32NanoUpdater.Image;

namespace NFUnitTest.Image
{
    /// <summary>Strict DER parsing of ECDSA P-256 signatures (the Wycheproof suite runs the same parser on .NET).</summary>
    [TestClass]
    public class EcdsaSignatureTests
    {
        private const string OrderHex = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551";
        private const string OrderMinusOneHex = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632550";

        private static bool Parse(string hex, byte[] rs)
        {
            byte[] der = TestBytes.FromHex(hex);
            return EcdsaSignature.TryParseDer(der, 0, der.Length, rs);
        }

        [TestMethod]
        public void ParsesSmallScalarsIntoPaddedRs()
        {
            byte[] rs = new byte[64];
            Assert.IsTrue(Parse("3006020101020102", rs));
            Assert.AreEqual((byte)1, rs[31]);
            Assert.AreEqual((byte)2, rs[63]);
            Assert.AreEqual((byte)0, rs[0]);
            Assert.AreEqual((byte)0, rs[32]);
        }

        [TestMethod]
        public void AcceptsTheLeadingZeroOfAHighBitScalarAndNMinusOne()
        {
            byte[] rs = new byte[64];
            Assert.IsTrue(Parse("3046022100" + OrderMinusOneHex + "022100" + OrderMinusOneHex, rs));
            Assert.AreEqual((byte)0x50, rs[31]);
            Assert.AreEqual((byte)0xff, rs[32]);
        }

        [TestMethod]
        [DataRow("3007020101020200" + "01")] // non-minimal: 00 01
        [DataRow("3006020181020101")] // negative r
        [DataRow("308106020101020101")] // long-form length
        [DataRow("300702010102010100")] // byte after s inside the sequence
        [DataRow("3006020101020101" + "00")] // byte after the sequence
        [DataRow("3006020100020101")] // r = 0
        [DataRow("3006020101020100")] // s = 0
        [DataRow("3005020101020101")] // sequence length too short
        [DataRow("3004020101020101")] // ditto
        [DataRow("3006030101020101")] // r is not an INTEGER
        [DataRow("3106020101020101")] // not a SEQUENCE
        [DataRow("30050200020101")] // empty INTEGER
        [DataRow("3003020101")] // s missing
        [DataRow("")]
        public void RejectsAnythingButStrictDer(string hex)
        {
            Assert.IsFalse(Parse(hex, new byte[64]));
        }

        [TestMethod]
        public void RejectsScalarsOutsideOneToNMinusOne()
        {
            Assert.IsFalse(Parse("3026022100" + OrderHex + "020101", new byte[64]));
            Assert.IsFalse(Parse("3027022200ff" + OrderHex.Substring(2) + "00" + "020101", new byte[64]));
        }

        [TestMethod]
        public void RejectsA33ByteScalarWithoutLeadingZero()
        {
            Assert.IsFalse(Parse("3026022101" + OrderMinusOneHex.Substring(2) + "00" + "020101", new byte[64]));
        }

        [TestMethod]
        public void StripsOnlyImgtoolPadSigZeros()
        {
            byte[] padded = TestBytes.FromHex("3006020101020101" + "0000");
            Assert.AreEqual(8, EcdsaSignature.LengthWithoutPadding(padded, 0, padded.Length));
            byte[] garbage = TestBytes.FromHex("3006020101020101" + "0001");
            Assert.AreEqual(10, EcdsaSignature.LengthWithoutPadding(garbage, 0, garbage.Length));
            byte[] exact = TestBytes.FromHex("3006020101020101");
            Assert.AreEqual(8, EcdsaSignature.LengthWithoutPadding(exact, 0, exact.Length));
        }
    }
}
