using nanoFramework.TestFramework;
using Stm32NanoUpdater.Image;

namespace NFUnitTest.Image
{
    [TestClass]
    public class ImageVersionTests
    {
        [TestMethod]
        [DataRow("1.2.3+4", "1.2.3+4")]
        [DataRow("1", "1.0.0+0")]
        [DataRow("1.2", "1.2.0+0")]
        [DataRow("0.0.2+75", "0.0.2+75")]
        [DataRow("255.255.65535+4294967295", "255.255.65535+4294967295")]
        public void ParsesImgtoolSyntax(string text, string expected)
        {
            Assert.AreEqual(expected, ImageVersion.Parse(text).ToString());
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("1.")]
        [DataRow("1.2.3.4")]
        [DataRow("01.2")]
        [DataRow("1.2+3")]
        [DataRow("v1.2.3")]
        [DataRow("1.2.3+")]
        [DataRow("-1")]
        [DataRow("0.0.0+00")]
        public void RejectsMalformedText(string text)
        {
            Assert.ThrowsException(typeof(System.ArgumentException), () => ImageVersion.Parse(text));
        }

        [TestMethod]
        [DataRow("256")]
        [DataRow("1.256")]
        [DataRow("1.2.65536")]
        [DataRow("1.2.3+4294967296")]
        [DataRow("1.2.3+99999999999")]
        public void RejectsPartsOutOfRange(string text)
        {
            try
            {
                ImageVersion.Parse(text);
                Assert.IsTrue(false, text + " must not parse");
            }
            catch (System.ArgumentException e)
            {
                Assert.IsTrue(e.Message.IndexOf("out of range") >= 0, e.Message);
            }
        }

        [TestMethod]
        public void OrdersByMajorMinorRevisionBuild()
        {
            Assert.IsTrue(ImageVersion.Parse("1.2.3+4").CompareTo(ImageVersion.Parse("1.2.3+5")) < 0);
            Assert.IsTrue(ImageVersion.Parse("1.3").CompareTo(ImageVersion.Parse("1.2.9+9")) > 0);
            Assert.IsTrue(ImageVersion.Parse("2").CompareTo(ImageVersion.Parse("1.255.65535")) > 0);
            Assert.AreEqual(0, ImageVersion.Parse("1.2.3").CompareTo(ImageVersion.Parse("1.2.3+0")));
            Assert.IsTrue(ImageVersion.Parse("1.2.3").Equals(new ImageVersion(1, 2, 3, 0)));
        }
    }
}
