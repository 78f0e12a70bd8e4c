using nanoFramework.TestFramework;
using NFUnitTest.Common;
using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Image;

namespace NFUnitTest.Agent
{
    /// <summary>Request writer and installed-record reader against the contract vectors (trailer.*, record.*).</summary>
    [TestClass]
    public class StagingContractTests
    {
        private const string RecordBody =
            "4e5549520100200028000000aae62a483db8f396000001082000000000100000200000000102030004000000000000000769280010002000a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf";
        private const string TestPending = "ffffffffffffffffffffffffffffffff01ffffffffffffffffffffffffffffff77c295f360d2ef7f3552500f2cb67980";
        private const string Confirmed = "ffffffffffffffffffffffffffffffff01ffffffffffffff01ffffffffffffff77c295f360d2ef7f3552500f2cb67980";
        private const int FlashSize = 0x400000;

        private static InMemoryFlash FlashWithRecord(string body, string trailer)
        {
            InMemoryFlash flash = new InMemoryFlash(FlashSize);
            flash.Poke(NorLayout.RecordSector(ImageKind.NanoClr), TestBytes.FromHex(body));
            flash.Poke(NorLayout.RecordSector(ImageKind.NanoClr) + NorLayout.SectorSize - SwapTrailer.Size, TestBytes.FromHex(trailer));
            return flash;
        }

        [TestMethod]
        [DataRow(false, "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff77c295f360d2ef7f3552500f2cb67980")]
        [DataRow(true, "ffffffffffffffffffffffffffffffffffffffffffffffff01ffffffffffffff77c295f360d2ef7f3552500f2cb67980")]
        public void TheRequestWriterProducesTheTrailerVectors(bool permanent, string expected)
        {
            InMemoryFlash flash = new InMemoryFlash(FlashSize);

            StagingRequest.Write(flash, ImageKind.Deployment, permanent);

            CollectionAssert.AreEqual(TestBytes.FromHex(expected), flash.Peek(NorLayout.RequestTrailer(ImageKind.Deployment), SwapTrailer.Size));
            Assert.AreEqual(permanent ? 2 : 1, flash.Programs);
        }

        [TestMethod]
        public void ClearingTheRequestLeavesTheImageBytes()
        {
            InMemoryFlash flash = new InMemoryFlash(FlashSize);
            int lastImageByte = NorLayout.TrailerSector(ImageKind.NanoClr) - 1;
            flash.Program(lastImageByte, new byte[] { 0x42 }, 0, 1);
            StagingRequest.Write(flash, ImageKind.NanoClr, false);

            StagingRequest.Clear(flash, ImageKind.NanoClr);

            Assert.AreEqual((int)SwapRequest.None, (int)StagingRequest.Read(flash, ImageKind.NanoClr));
            Assert.AreEqual((byte)0x42, flash.Peek(lastImageByte, 1)[0]);
        }

        [TestMethod]
        public void TheRecordVectorReadsBackFieldByField()
        {
            InstalledRecord record = InstalledRecord.Read(FlashWithRecord(RecordBody, TestPending), ImageKind.NanoClr);

            Assert.IsNotNull(record);
            Assert.AreEqual(32, record.Header.HeaderSize);
            Assert.AreEqual(0x08010000u, record.Header.LoadAddress);
            Assert.AreEqual(4096u, record.Header.ImageSize);
            Assert.AreEqual("1.2.3+4", record.Header.Version.ToString());
            CollectionAssert.AreEqual(TestBytes.FromHex("a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf"), record.Digest);
            Assert.AreEqual((int)RecordTrailerState.TestPending, (int)record.State);
        }

        [TestMethod]
        public void ARecordWithABadCrcIsAbsent()
        {
            string badCrc = RecordBody.Substring(0, 80) + "fb" + RecordBody.Substring(82);
            Assert.IsNull(InstalledRecord.Read(FlashWithRecord(badCrc, Confirmed), ImageKind.NanoClr));
        }

        [TestMethod]
        public void ConfirmProgramsImageOkAndNothingElse()
        {
            InMemoryFlash flash = FlashWithRecord(RecordBody, TestPending);

            Assert.IsTrue(InstalledRecord.Confirm(flash, ImageKind.NanoClr));

            CollectionAssert.AreEqual(TestBytes.FromHex(Confirmed),
                flash.Peek(NorLayout.RecordSector(ImageKind.NanoClr) + NorLayout.SectorSize - SwapTrailer.Size, SwapTrailer.Size));
            Assert.AreEqual(1, flash.Programs);
            Assert.IsFalse(InstalledRecord.Confirm(flash, ImageKind.NanoClr));
        }
    }
}
