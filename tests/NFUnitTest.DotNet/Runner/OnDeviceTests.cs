#nullable enable
// .NET test-host code (see .editorconfig, which silences the NF rules; it did not silence RS0030 with this SDK).
#pragma warning disable RS0030
using System.Linq;
using Xunit;

namespace NFUnitTest.DotNet.Runner
{
    /// <summary>Every [TestMethod]/[DataRow] of tests/NFUnitTest as one xunit case.</summary>
    public class OnDeviceTests
    {
        public static TheoryData<string> Cases()
        {
            var data = new TheoryData<string>();
            foreach (OnDeviceTestCase testCase in OnDeviceTestCase.All)
            {
                data.Add(testCase.Id);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Run(string id)
        {
            OnDeviceTestCase.All.Single(c => c.Id == id).Run();
        }

        [Fact]
        public void DiscoversTheImageLibraryTests()
        {
            Assert.Contains(OnDeviceTestCase.All, c => c.Type.FullName == "NFUnitTest.Image.Sha256Tests");
            Assert.Equal(OnDeviceTestCase.All.Count, OnDeviceTestCase.All.Select(c => c.Id).Distinct().Count());
        }
    }
}
