using nanoFramework.TestFramework;
using Stm32NanoUpdater.Agent.Transport;

namespace NFUnitTest.Agent
{
    [TestClass]
    public class ContentRangeTests
    {
        [TestMethod]
        public void ParsesAByteRange()
        {
            ContentRange range = ContentRange.Parse("bytes 65536-131071/1500000");

            Assert.IsNotNull(range);
            Assert.AreEqual(65536L, range.First);
            Assert.AreEqual(131071L, range.Last);
            Assert.AreEqual(1500000L, range.Total);
            Assert.AreEqual(65536L, range.Length);
        }

        [TestMethod]
        [DataRow("bytes */100")]
        [DataRow("bytes 5-4/100")]
        [DataRow("bytes 0-100/100")]
        [DataRow("pages 0-1/2")]
        public void RefusesAnythingElse(string header)
        {
            Assert.IsNull(ContentRange.Parse(header));
        }

        [TestMethod]
        public void ValidatorsLearnedOnceMustMatchLater()
        {
            RemoteFile file = new RemoteFile("http://example/a.bin", -1, null);
            Assert.IsTrue(file.Matches(1000, "\"a\""));
            Assert.IsTrue(file.Matches(-1, null));
            Assert.IsFalse(file.Matches(1001, "\"a\""));
            Assert.IsFalse(file.Matches(1000, "\"b\""));
        }
    }
}
