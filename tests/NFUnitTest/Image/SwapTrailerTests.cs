using nanoFramework.TestFramework;
using NFUnitTest.Common;
using Stm32NanoUpdater.Image;

namespace NFUnitTest.Image
{
    /// <summary>The trailer codec and the contract's decision tables (§3 request, §4 installed record).</summary>
    [TestClass]
    public class SwapTrailerTests
    {
        private static byte[] Trailer(bool magic, int copyDone, int imageOk)
        {
            byte[] trailer = new byte[SwapTrailer.Size];
            SwapTrailer.WriteErased(trailer, 0);
            if (magic)
            {
                System.Array.Copy(SwapTrailer.Magic, 0, trailer, SwapTrailer.MagicOffset, SwapTrailer.MagicSize);
            }

            trailer[SwapTrailer.CopyDoneOffset] = (byte)copyDone;
            trailer[SwapTrailer.ImageOkOffset] = (byte)imageOk;
            return trailer;
        }

        [TestMethod]
        public void FieldsSitWhereTheContractPutsThemFromTheEnd()
        {
            Assert.AreEqual(48, SwapTrailer.Size - SwapTrailer.SwapSizeOffset);
            Assert.AreEqual(40, SwapTrailer.Size - SwapTrailer.SwapInfoOffset);
            Assert.AreEqual(32, SwapTrailer.Size - SwapTrailer.CopyDoneOffset);
            Assert.AreEqual(24, SwapTrailer.Size - SwapTrailer.ImageOkOffset);
            Assert.AreEqual(16, SwapTrailer.Size - SwapTrailer.MagicOffset);
            CollectionAssert.AreEqual(TestBytes.FromHex("77c295f360d2ef7f3552500f2cb67980"), SwapTrailer.Magic);
        }

        [TestMethod]
        public void WrittenRequestsDecodeToWhatWasWritten()
        {
            byte[] buffer = new byte[100];
            SwapTrailer.WriteRequest(buffer, 52, false);
            Assert.AreEqual((int)SwapRequest.Test, (int)SwapTrailer.DecideRequest(buffer, 52));
            SwapTrailer.WriteRequest(buffer, 52, true);
            Assert.AreEqual((int)SwapRequest.Permanent, (int)SwapTrailer.DecideRequest(buffer, 52));
            Assert.AreEqual((byte)0, buffer[51]);
        }

        [TestMethod]
        public void ErasedIsNoRequest()
        {
            Assert.AreEqual((int)SwapRequest.None, (int)SwapTrailer.DecideRequest(TestBytes.Filled(48, 0xff), 0));
        }

        [TestMethod]
        [DataRow(0xff, (int)SwapRequest.Permanent)]
        [DataRow(0x01, (int)SwapRequest.None)]
        public void CopyDoneDecidesWhetherARequestIsPending(int copyDone, int expectedWhenImageOkSet)
        {
            Assert.AreEqual(expectedWhenImageOkSet, (int)SwapTrailer.DecideRequest(Trailer(true, copyDone, 0x01), 0));
            Assert.AreEqual(copyDone == 0x01 ? (int)SwapRequest.None : (int)SwapRequest.Test,
                (int)SwapTrailer.DecideRequest(Trailer(true, copyDone, 0xff), 0));
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(8)]
        [DataRow(15)]
        public void ATornMagicIsNoRequest(int tornByte)
        {
            byte[] trailer = Trailer(true, 0xff, 0x01);
            trailer[SwapTrailer.MagicOffset + tornByte] = 0xff;
            Assert.AreEqual((int)SwapRequest.None, (int)SwapTrailer.DecideRequest(trailer, 0));
            Assert.AreEqual((int)RecordTrailerState.Absent, (int)SwapTrailer.DecideRecord(trailer, 0));
        }

        [TestMethod]
        [DataRow(0x00)]
        [DataRow(0x02)]
        [DataRow(0x41)]
        [DataRow(0xfe)]
        public void OnlyExactly01SetsImageOk(int imageOk)
        {
            Assert.AreEqual((int)SwapRequest.Test, (int)SwapTrailer.DecideRequest(Trailer(true, 0xff, imageOk), 0));
            Assert.AreEqual((int)RecordTrailerState.TestPending, (int)SwapTrailer.DecideRecord(Trailer(true, 0x01, imageOk), 0));
        }

        [TestMethod]
        public void RecordStatesFollowThePrimarySlotTable()
        {
            Assert.AreEqual((int)RecordTrailerState.TestPending, (int)SwapTrailer.DecideRecord(Trailer(true, 0x01, 0xff), 0));
            Assert.AreEqual((int)RecordTrailerState.Confirmed, (int)SwapTrailer.DecideRecord(Trailer(true, 0x01, 0x01), 0));
            Assert.AreEqual((int)RecordTrailerState.Confirmed, (int)SwapTrailer.DecideRecord(Trailer(true, 0xff, 0x01), 0));
            Assert.AreEqual((int)RecordTrailerState.Absent, (int)SwapTrailer.DecideRecord(Trailer(true, 0xff, 0xff), 0));
            Assert.AreEqual((int)RecordTrailerState.Absent, (int)SwapTrailer.DecideRecord(Trailer(false, 0x01, 0x01), 0));
        }

        private static byte[] Tagged(byte[] trailer, uint tag)
        {
            LittleEndian.WriteUInt32(trailer, SwapTrailer.ReleaseTagOffset, tag);
            return trailer;
        }

        [TestMethod]
        public void ATaggedRequestWaitsForItsCompanion()
        {
            byte[] request = Tagged(Trailer(true, 0xff, 0xff), 0x01020304);
            Assert.AreEqual((int)SwapRequest.None, (int)SwapTrailer.DecideRequest(request, 0, Trailer(false, 0xff, 0xff), 0));
            Assert.AreEqual((int)SwapRequest.None,
                (int)SwapTrailer.DecideRequest(request, 0, Tagged(Trailer(true, 0xff, 0xff), 0x01020305), 0));
            Assert.AreEqual((int)SwapRequest.Test,
                (int)SwapTrailer.DecideRequest(request, 0, Tagged(Trailer(true, 0x01, 0xff), 0x01020304), 0));
            Assert.AreEqual((int)SwapRequest.Test,
                (int)SwapTrailer.DecideRequest(Trailer(true, 0xff, 0xff), 0, Trailer(false, 0xff, 0xff), 0));
        }

        [TestMethod]
        public void ATaggedTestRecordFollowsItsConfirmedCompanion()
        {
            byte[] record = Tagged(Trailer(true, 0x01, 0xff), 7);
            Assert.AreEqual((int)RecordTrailerState.Confirmed,
                (int)SwapTrailer.DecideRecord(record, 0, Tagged(Trailer(true, 0x01, 0x01), 7), 0));
            Assert.AreEqual((int)RecordTrailerState.TestPending,
                (int)SwapTrailer.DecideRecord(record, 0, Tagged(Trailer(true, 0x01, 0xff), 7), 0));
            Assert.AreEqual((int)RecordTrailerState.TestPending,
                (int)SwapTrailer.DecideRecord(record, 0, Tagged(Trailer(true, 0x01, 0x01), 8), 0));
            Assert.AreEqual((int)RecordTrailerState.TestPending,
                (int)SwapTrailer.DecideRecord(Trailer(true, 0x01, 0xff), 0, Trailer(true, 0x01, 0x01), 0));
        }

        [TestMethod]
        public void DescribesDecisionsByName()
        {
            Assert.AreEqual("TEST", SwapTrailer.Describe(SwapRequest.Test));
            Assert.AreEqual("PERMANENT", SwapTrailer.Describe(SwapRequest.Permanent));
            Assert.AreEqual("NONE", SwapTrailer.Describe(SwapRequest.None));
            Assert.AreEqual("TEST_PENDING", SwapTrailer.Describe(RecordTrailerState.TestPending));
            Assert.AreEqual("CONFIRMED", SwapTrailer.Describe(RecordTrailerState.Confirmed));
            Assert.AreEqual("ABSENT", SwapTrailer.Describe(RecordTrailerState.Absent));
        }
    }
}
