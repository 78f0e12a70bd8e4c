using nanoFramework.TestFramework;
using NFUnitTest.Common;
using Stm32NanoUpdater.Image;

namespace NFUnitTest.Image
{
    [TestClass]
    public class ImageHeaderTests
    {
        // magic, load 0x08010000, header 0x200, protected 12, image 5000, flags RAM_LOAD, version 1.2.3+4, pad 0:
        // the layout imgtool's add_header packs with struct format '<IIHHIIBBHII'.
        private const string PinnedHeader = "3db8f396000001080002" + "0c00" + "88130000" + "20000000" + "01020300" + "04000000" + "00000000";

        [TestMethod]
        public void WritesTheImgtoolLayout()
        {
            ImageHeader header = new ImageHeader(0x08010000, 0x200, 12, 5000, ImageFlags.RamLoad, new ImageVersion(1, 2, 3, 4));
            byte[] bytes = new byte[ImageHeader.Size];
            header.WriteTo(bytes, 0);
            CollectionAssert.AreEqual(TestBytes.FromHex(PinnedHeader), bytes);
        }

        [TestMethod]
        public void ParsesEveryField()
        {
            ImageHeader header = ImageHeader.Parse(TestBytes.FromHex(PinnedHeader), 0);
            Assert.AreEqual((uint)0x08010000, header.LoadAddress);
            Assert.AreEqual(0x200, header.HeaderSize);
            Assert.AreEqual(12, header.ProtectedTlvSize);
            Assert.AreEqual((uint)5000, header.ImageSize);
            Assert.AreEqual(ImageFlags.RamLoad, header.Flags);
            Assert.AreEqual("1.2.3+4", header.Version.ToString());
            Assert.AreEqual(0x200 + 5000, header.TlvOffset);
        }

        [TestMethod]
        public void ParsesAtAnOffset()
        {
            byte[] framed = new byte[40];
            byte[] header = TestBytes.FromHex(PinnedHeader);
            System.Array.Copy(header, 0, framed, 5, header.Length);
            Assert.AreEqual((uint)5000, ImageHeader.Parse(framed, 5).ImageSize);
        }

        [TestMethod]
        public void RejectsABadMagic()
        {
            byte[] bytes = TestBytes.FromHex(PinnedHeader);
            bytes[3] = 0x97;
            Assert.ThrowsException(typeof(ImageFormatException), () => ImageHeader.Parse(bytes, 0));
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(31)]
        public void RejectsAHeaderSizeSmallerThanTheHeader(int headerSize)
        {
            byte[] bytes = TestBytes.FromHex(PinnedHeader);
            LittleEndian.WriteUInt16(bytes, 8, (ushort)headerSize);
            Assert.ThrowsException(typeof(ImageFormatException), () => ImageHeader.Parse(bytes, 0));
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(3)]
        public void RejectsAProtectedSizeSmallerThanItsInfoHeader(int protectedSize)
        {
            byte[] bytes = TestBytes.FromHex(PinnedHeader);
            LittleEndian.WriteUInt16(bytes, 10, (ushort)protectedSize);
            Assert.ThrowsException(typeof(ImageFormatException), () => ImageHeader.Parse(bytes, 0));
        }

        [TestMethod]
        public void RejectsInputShorterThanTheHeader()
        {
            byte[] bytes = TestBytes.FromHex(PinnedHeader);
            Assert.ThrowsException(typeof(ImageFormatException), () => ImageHeader.Parse(bytes, 1));
            Assert.ThrowsException(typeof(ImageFormatException),
                () => ImageHeader.Read(new ByteArraySource(bytes, 0, 31), 31));
        }

        [TestMethod]
        public void FormatErrorsCarryTheBadLayoutReason()
        {
            try
            {
                ImageHeader.Parse(new byte[32], 0);
                Assert.IsTrue(false, "a zero header must not parse");
            }
            catch (ImageFormatException e)
            {
                Assert.AreEqual((int)RejectReason.BadLayout, (int)e.Reason);
            }
        }
    }
}
