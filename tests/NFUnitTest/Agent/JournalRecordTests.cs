using nanoFramework.TestFramework;
using NFUnitTest.Common;
using Stm32NanoUpdater.Agent.Staging;

namespace NFUnitTest.Agent
{
    /// <summary>Journal records against the contract vectors (tests/vectors/update-contract.vectors, journal.*).</summary>
    [TestClass]
    public class JournalRecordTests
    {
        [TestMethod]
        [DataRow("0100ffff01000000ffffffffffffffffffffffffffffffffffffffff7eb8d501", 0x01, 0, 1u, 4294967295u, "ffffffffffffffffffffffffffffffff")]
        [DataRow("1001ffff0100000001000000000102030405060708090a0b0c0d0e0f54f48311", 0x10, 1, 1u, 1u, "000102030405060708090a0b0c0d0e0f")]
        [DataRow("1101ffff0000000000000000101112131415161718191a1b1c1d1e1fc7481dce", 0x11, 1, 0u, 0u, "101112131415161718191a1b1c1d1e1f")]
        [DataRow("1201ffff0400000000000000000102030405060708090a0b0c0d0e0f50ceac9f", 0x12, 1, 4u, 0u, "000102030405060708090a0b0c0d0e0f")]
        [DataRow("1301ffff0100000000000000000102030405060708090a0b0c0d0e0f35c83a76", 0x13, 1, 1u, 0u, "000102030405060708090a0b0c0d0e0f")]
        [DataRow("2002ffff0100000000000000000102030405060708090a0b0c0d0e0fa19090ea", 0x20, 2, 1u, 0u, "000102030405060708090a0b0c0d0e0f")]
        [DataRow("2102ffff0100000000000000000102030405060708090a0b0c0d0e0fbc6d25eb", 0x21, 2, 1u, 0u, "000102030405060708090a0b0c0d0e0f")]
        [DataRow("3002ffff0200000000000000000102030405060708090a0b0c0d0e0f59e8d1a9", 0x30, 2, 2u, 0u, "000102030405060708090a0b0c0d0e0f")]
        [DataRow("3101ffff0000000000000000000102030405060708090a0b0c0d0e0f88f4cbc2", 0x31, 1, 0u, 0u, "000102030405060708090a0b0c0d0e0f")]
        [DataRow("3201ffff0100000000000000000102030405060708090a0b0c0d0e0f88963041", 0x32, 1, 1u, 0u, "000102030405060708090a0b0c0d0e0f")]
        public void RecordsDecodeAndEncodeAsTheVectorsSay(string hex, int type, int kind, uint arg0, uint arg1, string digest)
        {
            byte[] bytes = TestBytes.FromHex(hex);
            JournalRecord record = JournalRecord.Decode(bytes, 0);

            Assert.IsNotNull(record);
            Assert.AreEqual(type, record.Type);
            Assert.AreEqual(kind, (int)record.Kind);
            Assert.AreEqual(arg0, record.Arg0);
            Assert.AreEqual(arg1, record.Arg1);
            CollectionAssert.AreEqual(TestBytes.FromHex(digest), record.DigestPrefix);

            byte[] encoded = new byte[JournalRecord.Size];
            record.Encode(encoded, 0);
            CollectionAssert.AreEqual(bytes, encoded);
        }

        [TestMethod]
        [DataRow("1201ffff0500000000000000000102030405060708090a0b0c0d0e0f76ab891e")]
        [DataRow("1301ffff020000000000000000010203ffffffffffffffffffffffffffffffff")]
        public void TornRecordsReadAsAbsent(string hex)
        {
            byte[] bytes = TestBytes.FromHex(hex);
            Assert.IsNull(JournalRecord.Decode(bytes, 0));
            Assert.IsFalse(JournalRecord.IsBlank(bytes, 0));
        }

        [TestMethod]
        public void AnErasedSlotIsBlank()
        {
            byte[] bytes = TestBytes.Filled(JournalRecord.Size, 0xFF);
            Assert.IsNull(JournalRecord.Decode(bytes, 0));
            Assert.IsTrue(JournalRecord.IsBlank(bytes, 0));
        }

        [TestMethod]
        public void Crc32OfTheCheckStringIsTheStandardValue()
        {
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(TestBytes.Ascii("123456789"), 0, 9));
        }
    }
}
