using nanoFramework.TestFramework;
using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Image;

namespace NFUnitTest.Agent
{
    /// <summary>The journal reader: active sector, torn records, the last attempt and operations in progress.</summary>
    [TestClass]
    public class JournalTests
    {
        private static byte[] Digest(int first)
        {
            byte[] digest = new byte[JournalRecord.DigestPrefixSize];
            for (int i = 0; i < digest.Length; i++)
            {
                digest[i] = (byte)(first + i);
            }

            return digest;
        }

        private static void WriteSector(InMemoryFlash flash, int sector, uint generation, JournalRecord[] records)
        {
            byte[] slot = new byte[JournalRecord.Size];
            new JournalRecord(JournalRecordType.SectorHeader, ImageKind.None, generation, 0xFFFFFFFF, null).Encode(slot, 0);
            flash.Program(sector, slot, 0, slot.Length);
            for (int i = 0; i < records.Length; i++)
            {
                records[i].Encode(slot, 0);
                flash.Program(sector + (i + 1) * JournalRecord.Size, slot, 0, slot.Length);
            }
        }

        [TestMethod]
        public void AnErasedJournalHoldsNoAttempt()
        {
            Journal journal = Journal.Read(new InMemoryFlash(0x10000));

            Assert.AreEqual(-1, journal.ActiveSector);
            Assert.AreEqual((int)AttemptOutcome.None, (int)journal.LastAttempt(ImageKind.Deployment).Outcome);
        }

        [TestMethod]
        public void TheNewestTerminalRecordPerKindIsTheLastAttempt()
        {
            InMemoryFlash flash = new InMemoryFlash(0x10000);
            WriteSector(flash, NorLayout.JournalSector0, 3, new JournalRecord[]
            {
                new JournalRecord(JournalRecordType.InstallBegin, ImageKind.Deployment, 1, 1, Digest(0)),
                new JournalRecord(JournalRecordType.InstallEnd, ImageKind.Deployment, 1, 0, Digest(0)),
                new JournalRecord(JournalRecordType.Rejected, ImageKind.NanoClr, (uint)RejectReason.Downgrade, 0, Digest(16)),
                new JournalRecord(JournalRecordType.RevertBegin, ImageKind.Deployment, 1, 0, Digest(32)),
                new JournalRecord(JournalRecordType.RevertEnd, ImageKind.Deployment, 1, 0, Digest(32)),
            });

            Journal journal = Journal.Read(flash);

            UpdateAttempt deployment = journal.LastAttempt(ImageKind.Deployment);
            Assert.AreEqual((int)AttemptOutcome.Reverted, (int)deployment.Outcome);
            CollectionAssert.AreEqual(Digest(32), deployment.DigestPrefix);
            UpdateAttempt clr = journal.LastAttempt(ImageKind.NanoClr);
            Assert.AreEqual((int)RejectReason.Downgrade, (int)clr.RejectReason);
            Assert.AreEqual("nanoCLR: rejected (downgrade (security counter below the installed one))", clr.Describe());
        }

        [TestMethod]
        public void ABeginWithoutItsEndIsInProgress()
        {
            InMemoryFlash flash = new InMemoryFlash(0x10000);
            WriteSector(flash, NorLayout.JournalSector1, 8, new JournalRecord[]
            {
                new JournalRecord(JournalRecordType.InstallBegin, ImageKind.NanoClr, 2, 1, Digest(0)),
                new JournalRecord(JournalRecordType.BackupDone, ImageKind.NanoClr, 0, 0, Digest(0)),
            });

            Journal journal = Journal.Read(flash);

            Assert.AreEqual(NorLayout.JournalSector1, journal.ActiveSector);
            Assert.IsTrue(journal.IsInProgress(ImageKind.NanoClr));
            Assert.AreEqual((int)InstallMode.Permanent, (int)journal.LastAttempt(ImageKind.NanoClr).Mode);
        }

        [TestMethod]
        [DataRow(4u, 5u, 1)]
        [DataRow(5u, 4u, 0)]
        [DataRow(0xFFFFFFFFu, 0u, 1)]
        public void TheNewerGenerationWinsInSerialNumberArithmetic(uint generation0, uint generation1, int expected)
        {
            InMemoryFlash flash = new InMemoryFlash(0x10000);
            WriteSector(flash, NorLayout.JournalSector0, generation0, new JournalRecord[]
            {
                new JournalRecord(JournalRecordType.InstallEnd, ImageKind.Deployment, 1, 0, Digest(0)),
            });
            WriteSector(flash, NorLayout.JournalSector1, generation1, new JournalRecord[]
            {
                new JournalRecord(JournalRecordType.Adopted, ImageKind.Deployment, 0, 0, Digest(0)),
            });

            Journal journal = Journal.Read(flash);

            Assert.AreEqual(expected == 0 ? NorLayout.JournalSector0 : NorLayout.JournalSector1, journal.ActiveSector);
        }

        [TestMethod]
        public void ATornRecordDoesNotCount()
        {
            InMemoryFlash flash = new InMemoryFlash(0x10000);
            WriteSector(flash, NorLayout.JournalSector0, 1, new JournalRecord[]
            {
                new JournalRecord(JournalRecordType.InstallEnd, ImageKind.Deployment, 2, 0, Digest(0)),
                new JournalRecord(JournalRecordType.Rejected, ImageKind.Deployment, 4, 0, Digest(16)),
            });
            flash.Program(NorLayout.JournalSector0 + 2 * JournalRecord.Size + 28, new byte[] { 0 }, 0, 1);

            Assert.AreEqual((int)AttemptOutcome.Installed, (int)Journal.Read(flash).LastAttempt(ImageKind.Deployment).Outcome);
        }
    }
}
