using nanoFramework.TestFramework;
using NFUnitTest.Common;
using Stm32NanoUpdater.Agent.Staging;

namespace NFUnitTest.Agent
{
    /// <summary>Durable download progress in the agent scratch sector.</summary>
    [TestClass]
    public class DownloadProgressTests
    {
        [TestMethod]
        public void TheLastCheckpointOfTheSameImageSurvivesANewInstance()
        {
            InMemoryFlash flash = new InMemoryFlash(0x10000);
            byte[] digest = TestBytes.Pattern(32);
            DownloadProgress progress = new DownloadProgress(flash, ImageKind.NanoClr);
            progress.Begin(digest, 70000);
            progress.Checkpoint(16384);
            progress.Checkpoint(32768);

            DownloadProgress reopened = new DownloadProgress(flash, ImageKind.NanoClr);

            Assert.AreEqual(32768, reopened.DurableOffset(digest, 70000));
            Assert.AreEqual(-1, reopened.DurableOffset(digest, 70001));
            Assert.AreEqual(-1, new DownloadProgress(flash, ImageKind.Deployment).DurableOffset(digest, 70000));
        }

        [TestMethod]
        public void ATornCheckpointIsSkipped()
        {
            InMemoryFlash flash = new InMemoryFlash(0x10000);
            byte[] digest = TestBytes.Pattern(32);
            DownloadProgress progress = new DownloadProgress(flash, ImageKind.NanoClr);
            progress.Begin(digest, 70000);
            progress.Checkpoint(16384);
            flash.Program(NorLayout.ProgressSector(ImageKind.NanoClr) + 64 + 8, new byte[] { 0x00, 0x80 }, 0, 2);

            DownloadProgress reopened = new DownloadProgress(flash, ImageKind.NanoClr);
            Assert.AreEqual(16384, reopened.DurableOffset(digest, 70000));
            reopened.Checkpoint(65536);

            Assert.AreEqual(65536, new DownloadProgress(flash, ImageKind.NanoClr).DurableOffset(digest, 70000));
        }
    }
}
