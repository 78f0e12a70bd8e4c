using nanoFramework.TestFramework;
using NFUnitTest.Common;
using Stm32NanoUpdater.Image;

namespace NFUnitTest.Image
{
    [TestClass]
    public class TlvReaderTests
    {
        private static TlvArea Read(byte[] image)
        {
            ImageHeader header = ImageHeader.Parse(image, 0);
            return TlvReader.Read(new ByteArraySource(image), header.TlvOffset, header.ProtectedTlvSize, image.Length);
        }

        private static void AssertBadLayout(byte[] image, string expectedInMessage)
        {
            try
            {
                Read(image);
                Assert.IsTrue(false, "layout must be rejected: " + expectedInMessage);
            }
            catch (ImageFormatException e)
            {
                Assert.AreEqual((int)RejectReason.BadLayout, (int)e.Reason);
                Assert.IsTrue(e.Message.IndexOf(expectedInMessage) >= 0, e.Message);
            }
        }

        private static TestImageBuilder WithCounter()
        {
            TestImageBuilder builder = new TestImageBuilder();
            builder.AddProtected(TlvType.SecurityCounter, new byte[] { 3, 0, 2, 1 });
            builder.AddUnprotected(TlvType.KeyHash, TestBytes.Pattern(32));
            return builder;
        }

        [TestMethod]
        public void ReadsBothAreasInOrder()
        {
            byte[] image = WithCounter().Build();
            TlvArea area = Read(image);
            int tlvStart = 32 + 100;
            Assert.AreEqual(tlvStart, area.Start);
            Assert.AreEqual(12, area.ProtectedSize);
            Assert.AreEqual(4 + 36 + 36, area.UnprotectedSize);
            Assert.AreEqual(image.Length, area.End);
            Assert.AreEqual(3, area.Count);
            Assert.AreEqual(TlvType.SecurityCounter, area.GetEntry(0).Type);
            Assert.IsTrue(area.GetEntry(0).IsProtected);
            Assert.AreEqual(tlvStart + 8, area.GetEntry(0).DataOffset);
            Assert.AreEqual(4, area.GetEntry(0).Length);
            Assert.AreEqual(TlvType.Sha256, area.GetEntry(1).Type);
            Assert.IsFalse(area.GetEntry(1).IsProtected);
            Assert.AreEqual(TlvType.KeyHash, area.Find(TlvType.KeyHash).Type);
            Assert.IsNull(area.Find(TlvType.Ed25519));
            Assert.AreEqual(1, area.CountOf(TlvType.Sha256));
        }

        [TestMethod]
        public void ReadsAnImageWithoutProtectedArea()
        {
            TlvArea area = Read(new TestImageBuilder().Build());
            Assert.AreEqual(0, area.ProtectedSize);
            Assert.AreEqual(1, area.Count);
        }

        [TestMethod]
        public void RejectsAnUnprotectedLengthThatRunsPastTheArea()
        {
            byte[] image = WithCounter().Build();
            int lastEntry = image.Length - 36;
            LittleEndian.WriteUInt16(image, lastEntry + 2, 33);
            AssertBadLayout(image, "runs past the end of the TLV area");
        }

        [TestMethod]
        public void RejectsAProtectedLengthThatRunsPastItsArea()
        {
            byte[] image = WithCounter().Build();
            LittleEndian.WriteUInt16(image, 132 + 4 + 2, 5);
            AssertBadLayout(image, "runs past the end of the protected TLV area");
        }

        [TestMethod]
        public void RejectsAnAreaTooShortForAnEntryHeader()
        {
            byte[] image = WithCounter().Build();
            LittleEndian.WriteUInt16(image, 144 + 2, 4 + 36 + 2); // the area now ends 2 bytes into the KEYHASH entry header
            AssertBadLayout(image, "ends inside a TLV entry header");
        }

        [TestMethod]
        public void RejectsAProtectedSizeThatDisagreesWithTheHeader()
        {
            byte[] image = WithCounter().Build();
            LittleEndian.WriteUInt16(image, 10, 16);
            AssertBadLayout(image, "but the header says 16");
        }

        [TestMethod]
        public void RejectsAHeaderThatAnnouncesAMissingProtectedArea()
        {
            byte[] image = new TestImageBuilder().Build();
            LittleEndian.WriteUInt16(image, 10, 12);
            AssertBadLayout(image, "no protected TLV area");
        }

        [TestMethod]
        public void RejectsAMissingTlvMagic()
        {
            byte[] image = new TestImageBuilder().Build();
            image[132] = 0x00;
            AssertBadLayout(image, "magic 0x6907 not found");
        }

        [TestMethod]
        public void RejectsAnAreaLongerThanTheImage()
        {
            byte[] image = new TestImageBuilder().Build();
            LittleEndian.WriteUInt16(image, 132 + 2, 41);
            AssertBadLayout(image, "claims 41 bytes");
        }

        [TestMethod]
        public void RejectsAnImageThatEndsBeforeItsTlvs()
        {
            byte[] image = new TestImageBuilder().Build();
            byte[] truncated = new byte[134];
            System.Array.Copy(image, truncated, truncated.Length);
            AssertBadLayout(truncated, "image ends before its TLV area");
        }

        [TestMethod]
        [DataRow(0x02)]
        [DataRow(0x11)]
        [DataRow(0x25)]
        [DataRow(0x40)]
        [DataRow(0x50)]
        [DataRow(0x60)]
        [DataRow(0xa0)]
        public void RejectsTypesThatMcubootRequiresToBeProtected(int type)
        {
            TestImageBuilder builder = new TestImageBuilder();
            builder.AddUnprotected(type, new byte[4]);
            AssertBadLayout(builder.Build(), "must be in the protected TLV area");
        }

        [TestMethod]
        [DataRow(0x01)]
        [DataRow(0x22)]
        [DataRow(0x24)]
        [DataRow(0x30)]
        [DataRow(0x31)]
        [DataRow(0x32)]
        [DataRow(0x33)]
        [DataRow(0x34)]
        public void AcceptsTheAllowListInTheUnprotectedArea(int type)
        {
            TestImageBuilder builder = new TestImageBuilder();
            builder.AddUnprotected(type, new byte[3]);
            Assert.AreEqual(type, Read(builder.Build()).GetEntry(1).Type);
        }

        [TestMethod]
        public void AcceptsUnknownProtectedTypesAsMcubootDoes()
        {
            TestImageBuilder builder = new TestImageBuilder();
            builder.AddProtected(0xa5, new byte[] { 1, 2, 3 });
            Assert.AreEqual(0xa5, Read(builder.Build()).GetEntry(0).Type);
        }

        [TestMethod]
        public void AcceptsAZeroLengthEntry()
        {
            TestImageBuilder builder = new TestImageBuilder();
            builder.AddUnprotected(TlvType.KeyHash, new byte[0]);
            Assert.AreEqual(0, Read(builder.Build()).GetEntry(1).Length);
        }
    }
}
