using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Agent.Tests.Infrastructure;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Agent.Tests.Staging;

public class JournalTests
{
    private static readonly byte[] DigestA = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();
    private static readonly byte[] DigestB = Enumerable.Range(0x40, 16).Select(i => (byte)i).ToArray();

    private static JournalRecord Record(int type, ImageKind kind, uint arg0, byte[]? digest = null) =>
        new(type, kind, arg0, 0, digest ?? DigestA);

    [Fact]
    public void An_empty_journal_has_no_attempts()
    {
        var (_, flash) = Flashes.W25Q128JV();

        Journal journal = Journal.Read(flash);

        Assert.Equal(-1, journal.ActiveSector);
        Assert.Equal(AttemptOutcome.None, journal.LastAttempt(ImageKind.NanoClr).Outcome);
        Assert.Equal("deployment: no update attempt recorded", journal.LastAttempt(ImageKind.Deployment).Describe());
    }

    [Fact]
    public void The_newest_terminal_record_of_each_kind_is_the_last_attempt()
    {
        var (chip, flash) = Flashes.W25Q128JV();
        SwapStageEmulation.WriteJournal(chip, NorLayout.JournalSector0, 1,
            Record(JournalRecordType.InstallBegin, ImageKind.Deployment, 1),
            Record(JournalRecordType.BackupDone, ImageKind.Deployment, 0),
            Record(JournalRecordType.SectorDone, ImageKind.Deployment, 7),
            Record(JournalRecordType.InstallEnd, ImageKind.Deployment, 1),
            Record(JournalRecordType.RevertBegin, ImageKind.Deployment, 1, DigestB),
            Record(JournalRecordType.RevertEnd, ImageKind.Deployment, 1, DigestB),
            Record(JournalRecordType.Rejected, ImageKind.NanoClr, (uint)RejectReason.SignatureInvalid, DigestB));

        Journal journal = Journal.Read(flash);

        UpdateAttempt deployment = journal.LastAttempt(ImageKind.Deployment);
        Assert.Equal(AttemptOutcome.Reverted, deployment.Outcome);
        Assert.Equal(DigestB, deployment.DigestPrefix);
        UpdateAttempt clr = journal.LastAttempt(ImageKind.NanoClr);
        Assert.Equal(AttemptOutcome.Rejected, clr.Outcome);
        Assert.Equal(RejectReason.SignatureInvalid, clr.RejectReason);
        Assert.Equal("nanoCLR: rejected (signature invalid)", clr.Describe());
    }

    [Theory]
    [InlineData(JournalRecordType.InstallEnd, 1u, AttemptOutcome.Installed, "deployment: installed (test mode)")]
    [InlineData(JournalRecordType.InstallEnd, 3u, AttemptOutcome.Installed, "deployment: installed (recovery)")]
    [InlineData(JournalRecordType.Adopted, 0u, AttemptOutcome.Adopted, "deployment: developer deployment adopted")]
    [InlineData(JournalRecordType.RevertFailed, 1u, AttemptOutcome.RevertFailed, "deployment: revert failed (no valid backup), running image kept")]
    public void Every_terminal_type_is_reported(int type, uint arg0, AttemptOutcome outcome, string description)
    {
        var (chip, flash) = Flashes.W25Q128JV();
        SwapStageEmulation.WriteJournal(chip, NorLayout.JournalSector0, 5, Record(type, ImageKind.Deployment, arg0));

        UpdateAttempt attempt = Journal.Read(flash).LastAttempt(ImageKind.Deployment);

        Assert.Equal(outcome, attempt.Outcome);
        Assert.Equal(description, attempt.Describe());
    }

    [Fact]
    public void A_begin_without_a_terminal_record_after_it_is_in_progress()
    {
        var (chip, flash) = Flashes.W25Q128JV();
        SwapStageEmulation.WriteJournal(chip, NorLayout.JournalSector0, 1,
            Record(JournalRecordType.InstallEnd, ImageKind.NanoClr, 2),
            Record(JournalRecordType.InstallBegin, ImageKind.NanoClr, 1, DigestB),
            Record(JournalRecordType.BackupDone, ImageKind.NanoClr, 0, DigestB));

        Journal journal = Journal.Read(flash);

        Assert.True(journal.IsInProgress(ImageKind.NanoClr));
        Assert.False(journal.IsInProgress(ImageKind.Deployment));
        UpdateAttempt attempt = journal.LastAttempt(ImageKind.NanoClr);
        Assert.Equal(AttemptOutcome.InProgress, attempt.Outcome);
        Assert.Equal(InstallMode.Test, attempt.Mode);
        Assert.Equal(DigestB, attempt.DigestPrefix);
    }

    [Fact]
    public void A_revert_in_progress_has_no_install_mode()
    {
        var (chip, flash) = Flashes.W25Q128JV();
        SwapStageEmulation.WriteJournal(chip, NorLayout.JournalSector0, 1,
            Record(JournalRecordType.InstallEnd, ImageKind.NanoClr, 1),
            Record(JournalRecordType.RevertBegin, ImageKind.NanoClr, 1, DigestB));

        UpdateAttempt attempt = Journal.Read(flash).LastAttempt(ImageKind.NanoClr);

        Assert.Equal(AttemptOutcome.InProgress, attempt.Outcome);
        Assert.Equal(JournalRecordType.RevertBegin, attempt.RecordType);
        Assert.Equal(InstallMode.None, attempt.Mode);
        Assert.Equal("nanoCLR: install or revert in progress", attempt.Describe());
    }

    [Fact]
    public void Torn_records_read_as_absent()
    {
        var (chip, flash) = Flashes.W25Q128JV();
        SwapStageEmulation.WriteJournal(chip, NorLayout.JournalSector0, 1,
            Record(JournalRecordType.InstallEnd, ImageKind.Deployment, 1),
            Record(JournalRecordType.Rejected, ImageKind.Deployment, 2));
        // Tear the REJECTED record (slot 2): its CRC no longer matches.
        chip.Poke(NorLayout.JournalSector0 + 2 * JournalRecord.Size + 20, [0xFF, 0xFF, 0xFF, 0xFF]);

        UpdateAttempt attempt = Journal.Read(flash).LastAttempt(ImageKind.Deployment);

        Assert.Equal(AttemptOutcome.Installed, attempt.Outcome);
    }

    [Theory]
    [InlineData(1u, 2u, 1)]
    [InlineData(7u, 6u, 0)]
    [InlineData(0xFFFFFFFFu, 0u, 1)] // serial-number arithmetic: 0 follows 0xFFFFFFFF
    [InlineData(0u, 0xFFFFFFFFu, 0)]
    public void The_sector_with_the_newer_generation_is_active(uint generation0, uint generation1, int expectedActive)
    {
        var (chip, flash) = Flashes.W25Q128JV();
        SwapStageEmulation.WriteJournal(chip, NorLayout.JournalSector0, generation0, Record(JournalRecordType.InstallEnd, ImageKind.NanoClr, 1));
        SwapStageEmulation.WriteJournal(chip, NorLayout.JournalSector1, generation1, Record(JournalRecordType.Adopted, ImageKind.NanoClr, 0));

        Journal journal = Journal.Read(flash);

        Assert.Equal(expectedActive == 0 ? NorLayout.JournalSector0 : NorLayout.JournalSector1, journal.ActiveSector);
        Assert.Equal(expectedActive == 0 ? AttemptOutcome.Installed : AttemptOutcome.Adopted, journal.LastAttempt(ImageKind.NanoClr).Outcome);
    }

    [Fact]
    public void A_compaction_cut_before_its_header_leaves_the_old_sector_active()
    {
        var (chip, flash) = Flashes.W25Q128JV();
        SwapStageEmulation.WriteJournal(chip, NorLayout.JournalSector0, 9, Record(JournalRecordType.InstallEnd, ImageKind.Deployment, 2));
        // J1 got its copied records but not its header (slot 0 stays erased).
        var copied = new byte[JournalRecord.Size];
        Record(JournalRecordType.Rejected, ImageKind.Deployment, 4).Encode(copied, 0);
        chip.Poke(NorLayout.JournalSector1 + JournalRecord.Size, copied);

        Journal journal = Journal.Read(flash);

        Assert.Equal(NorLayout.JournalSector0, journal.ActiveSector);
        Assert.Equal(9u, journal.Generation);
        Assert.Equal(AttemptOutcome.Installed, journal.LastAttempt(ImageKind.Deployment).Outcome);
    }

    [Fact]
    public void Records_in_every_slot_of_a_full_sector_are_read()
    {
        var (chip, flash) = Flashes.W25Q128JV();
        var records = Enumerable.Range(0, Journal.RecordsPerSector - 2)
            .Select(i => Record(JournalRecordType.SectorDone, ImageKind.Deployment, (uint)(7 + i % 5)))
            .Append(Record(JournalRecordType.InstallEnd, ImageKind.Deployment, 2, DigestB))
            .ToArray();
        SwapStageEmulation.WriteJournal(chip, NorLayout.JournalSector0, 3, records);

        UpdateAttempt attempt = Journal.Read(flash).LastAttempt(ImageKind.Deployment);

        Assert.Equal(AttemptOutcome.Installed, attempt.Outcome);
        Assert.Equal(InstallMode.Permanent, attempt.Mode);
        Assert.Equal(DigestB, attempt.DigestPrefix);
    }
}
