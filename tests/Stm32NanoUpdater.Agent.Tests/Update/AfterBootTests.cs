using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Agent.Tests.Infrastructure;
using Stm32NanoUpdater.Agent.Update;
using Stm32NanoUpdater.Image;
using Stm32NanoUpdater.Simulation.Network;

namespace Stm32NanoUpdater.Agent.Tests.Update;

/// <summary>What the application sees after the swap stage ran: pending confirmation, confirm, revert, last result.</summary>
public class AfterBootTests
{
    private readonly SimulatedBoard _board = new();
    private readonly ReleaseServer _server = new();
    private readonly ModeledHttpTransport _network;
    private static readonly SignedImage Installed = TestImages.Deployment(10_000, seed: 21);

    public AfterBootTests() => _network = new ModeledHttpTransport(_server);

    [Fact]
    public void Nothing_is_pending_without_a_test_install()
    {
        UpdateAgent agent = _board.Boot(_network);

        Assert.False(agent.IsPendingConfirmation);
        Assert.Equal(0, agent.Confirm());
        Assert.False(agent.RequestRevert());
        Assert.Equal(0, _board.Rebooter.Reboots);
        Assert.Null(agent.Installed(ImageKind.Deployment));
    }

    [Fact]
    public void A_test_install_is_pending_until_confirmed()
    {
        SwapStageEmulation.WriteRecord(_board.Chip, ImageKind.Deployment, Installed, RecordTrailerState.TestPending);
        UpdateAgent agent = _board.Boot(_network);

        Assert.True(agent.IsPendingConfirmation);
        Assert.Equal(1, agent.Confirm());

        Assert.False(agent.IsPendingConfirmation);
        InstalledRecord? record = agent.Installed(ImageKind.Deployment);
        Assert.NotNull(record);
        Assert.Equal(RecordTrailerState.Confirmed, record.State);
        Assert.Equal(Installed.Digest, record.Digest);
        Assert.Equal(0, agent.Confirm());
    }

    [Fact]
    public void Both_kinds_are_confirmed_together()
    {
        SwapStageEmulation.WriteRecord(_board.Chip, ImageKind.Deployment, Installed, RecordTrailerState.TestPending);
        SignedImage clr = TestImages.Sign(TestImages.Payload(8000, 3), NorLayout.NanoClrRegionStart);
        SwapStageEmulation.WriteRecord(_board.Chip, ImageKind.NanoClr, clr, RecordTrailerState.TestPending);

        Assert.Equal(2, _board.Boot(_network).Confirm());
    }

    [Fact]
    public void Requesting_a_revert_reboots_without_confirming()
    {
        SwapStageEmulation.WriteRecord(_board.Chip, ImageKind.Deployment, Installed, RecordTrailerState.TestPending);

        Assert.True(_board.Boot(_network).RequestRevert());

        Assert.Equal(1, _board.Rebooter.Reboots);
        Assert.Equal(RecordTrailerState.TestPending, InstalledRecord.Read(_board.Flash(), ImageKind.Deployment)!.State);
        Assert.True(_board.Boot(_network).RebootedToUpdate(ImageKind.Deployment));
    }

    [Fact]
    public void The_boot_hint_tells_a_reboot_for_an_update_from_a_cold_start_once()
    {
        SignedImage image = TestImages.Deployment(12_000);
        _server.Publish("/d.bin", image.Bytes);
        UpdateAgent agent = _board.Boot(_network);
        Assert.Equal(UpdateStatus.Staged, agent.Stage(new UpdateOffer(_network.BaseUrl + "/d.bin")).Status);
        Assert.False(agent.RebootedForUpdate);
        Assert.True(agent.RebootToInstall());

        UpdateAgent afterReboot = _board.Boot(_network);
        Assert.True(afterReboot.RebootedForUpdate);
        Assert.True(afterReboot.RebootedToUpdate(ImageKind.Deployment));
        Assert.False(afterReboot.RebootedToUpdate(ImageKind.NanoClr));

        Assert.False(_board.Boot(_network).RebootedForUpdate);
    }

    [Fact]
    public void The_boot_hint_is_lost_with_the_power_unless_a_battery_keeps_it()
    {
        SignedImage image = TestImages.Deployment(12_000);
        _server.Publish("/d.bin", image.Bytes);
        UpdateAgent agent = _board.Boot(_network);
        agent.Stage(new UpdateOffer(_network.BaseUrl + "/d.bin"));
        agent.RebootToInstall();
        _board.Chip.PowerOff();
        _board.PowerOn();

        Assert.False(_board.Boot(_network).RebootedForUpdate);
    }

    [Fact]
    public void Nothing_to_install_means_no_reboot()
    {
        Assert.False(_board.Boot(_network).RebootToInstall());
        Assert.Equal(0, _board.Rebooter.Reboots);
    }

    [Fact]
    public void The_last_attempt_comes_from_the_swap_stage_journal()
    {
        byte[] prefix = SwapStageEmulation.DigestPrefix(Installed);
        SwapStageEmulation.WriteJournal(_board.Chip, NorLayout.JournalSector0, 1,
            new JournalRecord(JournalRecordType.InstallBegin, ImageKind.Deployment, 1, 1, prefix),
            new JournalRecord(JournalRecordType.InstallEnd, ImageKind.Deployment, 1, 0, prefix),
            new JournalRecord(JournalRecordType.Rejected, ImageKind.NanoClr, (uint)RejectReason.KeyNotTrusted, 0, prefix));
        UpdateAgent agent = _board.Boot(_network);

        UpdateAttempt deployment = agent.LastAttempt(ImageKind.Deployment);
        Assert.Equal(AttemptOutcome.Installed, deployment.Outcome);
        Assert.Equal(InstallMode.Test, deployment.Mode);
        Assert.Equal(prefix, deployment.DigestPrefix);
        Assert.Equal("nanoCLR: rejected (key hash not trusted)", agent.LastAttempt(ImageKind.NanoClr).Describe());
    }
}
