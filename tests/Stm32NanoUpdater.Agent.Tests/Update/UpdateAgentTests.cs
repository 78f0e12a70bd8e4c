using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Agent.Tests.Infrastructure;
using Stm32NanoUpdater.Agent.Update;
using Stm32NanoUpdater.Image;
using Stm32NanoUpdater.Simulation.Network;
using Stm32NanoUpdater.Simulation.Nor;

namespace Stm32NanoUpdater.Agent.Tests.Update;

/// <summary>The agent end to end: a real loopback HTTP server, the NOR chip model, the host signer's images.</summary>
public sealed class UpdateAgentTests : IAsyncLifetime
{
    private readonly SimulatedBoard _board = new();
    private readonly HttpClientTransport _transport = new();
    private readonly ReleaseServer _server = new();
    private readonly RequestLog _log;
    private KestrelReleaseHost _host = null!;

    public UpdateAgentTests() => _log = new RequestLog(_server);

    public async Task InitializeAsync() => _host = await KestrelReleaseHost.StartAsync(_server);

    public async Task DisposeAsync()
    {
        _transport.Dispose();
        await _host.DisposeAsync();
    }

    private UpdateAgent Boot() => _board.Boot(_transport);

    private byte[] Slot(ImageKind kind, int length) => _board.Chip.Peek(NorLayout.StagingSlot(kind), length);

    private SwapRequest Request(ImageKind kind) => StagingRequest.Read(_board.Flash(), kind);

    [Fact]
    public void Stages_a_signed_image_and_requests_a_test_install()
    {
        SignedImage image = TestImages.Deployment(300_000);
        string url = _host.Publish("/deployment.bin", image.Bytes);
        UpdateAgent agent = Boot();
        var progress = new List<int>();
        agent.Progress += (position, length) =>
        {
            Assert.Equal(image.Span, length);
            progress.Add(position);
        };

        UpdateResult result = agent.Stage(new UpdateOffer(url));

        Assert.Equal(UpdateStatus.Staged, result.Status);
        Assert.Equal(ImageKind.Deployment, result.Kind);
        Assert.Equal("1.0.0+0", result.Version.ToString());
        Assert.Equal(image.Bytes[..image.Span], Slot(ImageKind.Deployment, image.Span));
        Assert.Equal(SwapRequest.Test, Request(ImageKind.Deployment));
        Assert.Equal(SwapRequest.None, Request(ImageKind.NanoClr));
        Assert.Equal(image.Span, progress[^1]);
        Assert.Equal(progress.Order(), progress);
        Assert.Equal(-1, new DownloadProgress(_board.Flash(), ImageKind.Deployment).DurableOffset(image.Digest, image.Span));

        Assert.True(agent.RebootToInstall());
        Assert.Equal(1, _board.Rebooter.Reboots);
        Assert.Equal(BootHint.Magic, _board.Registers.Read(0));
        Assert.Equal(2u, _board.Registers.Read(1));
    }

    [Fact]
    public void Checks_the_header_and_TLVs_first_with_two_small_requests()
    {
        SignedImage image = TestImages.Deployment(300_000);
        string url = _host.Publish("/deployment.bin", image.Bytes);
        int operations = _board.Chip.OperationCount;

        UpdateResult result = Boot().Check(new UpdateOffer(url));

        Assert.Equal(UpdateStatus.Available, result.Status);
        Assert.Equal(operations, _board.Chip.OperationCount);
        Assert.Equal(new (long, long)[] { (0, 31), (image.TlvOffset, image.Bytes.Length - 1) }, _log.Select(e => (e.RangeFrom, e.RangeTo)));
    }

    [Fact]
    public void A_permanent_offer_requests_a_permanent_install()
    {
        SignedImage image = TestImages.Deployment(50_000);
        string url = _host.Publish("/deployment.bin", image.Bytes);

        UpdateResult result = Boot().Stage(new UpdateOffer(url) { Permanent = true });

        Assert.Equal(UpdateStatus.Staged, result.Status);
        Assert.Equal(SwapRequest.Permanent, Request(ImageKind.Deployment));
    }

    [Fact]
    public void A_nanoCLR_image_signed_with_Ed25519_goes_to_the_nanoCLR_slot()
    {
        SignedImage image = TestImages.Sign(TestImages.Payload(200_000, 9), NorLayout.NanoClrRegionStart, "2.1.0+7",
            key: TestImages.Ed25519Key);
        string url = _host.Publish("/nanoclr.bin", image.Bytes);

        UpdateResult result = Boot().Stage(new UpdateOffer(url));

        Assert.Equal(UpdateStatus.Staged, result.Status);
        Assert.Equal(ImageKind.NanoClr, result.Kind);
        Assert.Equal(image.Bytes[..image.Span], Slot(ImageKind.NanoClr, image.Span));
        Assert.Equal(SwapRequest.Test, Request(ImageKind.NanoClr));
    }

    [Fact]
    public void An_image_padded_to_the_slot_by_imgtool_stages_only_its_span()
    {
        SignedImage image = TestImages.Deployment(60_000, padToSlot: true);
        Assert.Equal(NorLayout.SlotSize(ImageKind.Deployment), image.Bytes.Length);
        string url = _host.Publish("/padded.bin", image.Bytes);

        UpdateResult result = Boot().Stage(new UpdateOffer(url));

        Assert.Equal(UpdateStatus.Staged, result.Status);
        Assert.Equal(image.Bytes[..image.Span], Slot(ImageKind.Deployment, image.Span));
        long requested = _log.Sum(e => e.RangeLength);
        Assert.True(requested < image.Span + 2000, $"asked for {requested} bytes");
    }

    public static TheoryData<string, RejectReason> HeaderFirstRejections => new()
    {
        { "wrong-board", RejectReason.WrongLoadAddress },
        { "too-large", RejectReason.TooLarge },
        { "untrusted-key", RejectReason.KeyNotTrusted },
        { "downgrade", RejectReason.Downgrade },
        { "not-the-offered-image", RejectReason.HashMismatch },
        { "not-an-image", RejectReason.BadLayout },
    };

    [Theory]
    [MemberData(nameof(HeaderFirstRejections))]
    public void Header_first_rejections_touch_nothing_and_download_nothing_more(string scenario, RejectReason reason)
    {
        // An earlier update is staged and requested; a later bad offer must leave it exactly as it is.
        SignedImage staged = TestImages.Deployment(40_000, seed: 77);
        Assert.Equal(UpdateStatus.Staged, Boot().Stage(new UpdateOffer(_host.Publish("/good.bin", staged.Bytes))).Status);
        SignedImage installed = TestImages.Deployment(30_000, seed: 78, securityCounter: 5);
        SwapStageEmulation.WriteRecord(_board.Chip, ImageKind.Deployment, installed, RecordTrailerState.Confirmed);
        byte[] before = _board.Chip.Peek(0, NorLayout.ApplicationStart);
        int operations = _board.Chip.OperationCount;
        int requests = _log.Count;

        byte[] bad = scenario switch
        {
            "wrong-board" => TestImages.Sign(TestImages.Payload(1000, 1), 0x08000000).Bytes,
            "too-large" => TestImages.Deployment(NorLayout.DeploymentRegionSize + 1).Bytes,
            "untrusted-key" => TestImages.Deployment(1000, key: TestImages.UntrustedKey).Bytes,
            "downgrade" => TestImages.Deployment(1000, securityCounter: 4).Bytes,
            "not-the-offered-image" => TestImages.Deployment(1000, seed: 3).Bytes,
            _ => TestImages.Payload(5000, 4),
        };
        string url = _host.Publish("/bad.bin", bad);
        byte[]? offered = scenario == "not-the-offered-image" ? new byte[32] : null;

        UpdateResult result = Boot().Stage(new UpdateOffer(url, -1, offered, null));

        Assert.Equal(UpdateStatus.Rejected, result.Status);
        Assert.Equal(reason, result.RejectReason);
        Assert.Equal(operations, _board.Chip.OperationCount);
        Assert.Equal(before, _board.Chip.Peek(0, NorLayout.ApplicationStart));
        Assert.Equal(SwapRequest.Test, Request(ImageKind.Deployment));
        Assert.InRange(_log.Count - requests, 1, 2);
        Assert.All(_log.Skip(requests), e => Assert.True(e.RangeLength <= 1024));
    }

    [Fact]
    public void The_installed_image_is_not_downloaded_again()
    {
        SignedImage image = TestImages.Deployment(40_000);
        SwapStageEmulation.WriteRecord(_board.Chip, ImageKind.Deployment, image, RecordTrailerState.Confirmed);
        string url = _host.Publish("/same.bin", image.Bytes);
        int operations = _board.Chip.OperationCount;

        UpdateResult result = Boot().Stage(new UpdateOffer(url));

        Assert.Equal(UpdateStatus.AlreadyInstalled, result.Status);
        Assert.Equal(operations, _board.Chip.OperationCount);
        Assert.Equal(UpdateStatus.AlreadyInstalled, Boot().Check(new UpdateOffer(url)).Status);
    }

    [Fact]
    public void An_invalid_signature_from_a_trusted_key_is_rejected_after_reading_back_and_leaves_no_request()
    {
        SignedImage earlier = TestImages.Deployment(40_000, seed: 5);
        Assert.Equal(UpdateStatus.Staged, Boot().Stage(new UpdateOffer(_host.Publish("/earlier.bin", earlier.Bytes))).Status);
        SignedImage image = TestImages.Deployment(80_000);
        byte[] forged = image.WithByteFlipped(image.Span - 10); // inside the ECDSA signature: hash and key hash intact
        string url = _host.Publish("/forged.bin", forged);

        UpdateResult result = Boot().Stage(new UpdateOffer(url));

        Assert.Equal(UpdateStatus.Rejected, result.Status);
        Assert.Equal(RejectReason.SignatureInvalid, result.RejectReason);
        Assert.Equal(SwapRequest.None, Request(ImageKind.Deployment));
        Assert.Equal(-1, new DownloadProgress(_board.Flash(), ImageKind.Deployment).DurableOffset(image.Digest, image.Span));
    }

    [Fact]
    public void A_payload_that_does_not_match_its_hash_is_rejected_after_bounded_restarts()
    {
        SignedImage image = TestImages.Deployment(50_000);
        string url = _host.Publish("/corrupt.bin", image.WithByteFlipped(image.Header.HeaderSize + 100));

        UpdateResult result = Boot().Stage(new UpdateOffer(url));

        Assert.Equal(UpdateStatus.Rejected, result.Status);
        Assert.Equal(RejectReason.HashMismatch, result.RejectReason);
        Assert.Equal(SwapRequest.None, Request(ImageKind.Deployment));
        int fullDownloads = _log.Count(e => e.RangeFrom == 0 && e.RangeTo != 31);
        Assert.Equal(1 + SimulatedBoard.FastOptions().MaxRestarts, fullDownloads);
    }

    [Fact]
    public void Bytes_that_do_not_read_back_from_flash_are_written_again()
    {
        SignedImage image = TestImages.Deployment(50_000);
        string url = _host.Publish("/deployment.bin", image.Bytes);
        _board.Chip.FlipBitsOnRead(NorLayout.StagingSlot(ImageKind.Deployment) + 20_000, 0x04);

        UpdateResult result = Boot().Stage(new UpdateOffer(url));

        Assert.Equal(UpdateStatus.Staged, result.Status);
        Assert.Equal(SwapRequest.Test, Request(ImageKind.Deployment));
        Assert.Equal(2, _log.Count(e => (e.RangeFrom, e.RangeTo) == (0, 16383)));
    }

    [Fact]
    public void A_flash_that_never_keeps_the_bytes_is_a_storage_failure()
    {
        SignedImage image = TestImages.Deployment(20_000);
        string url = _host.Publish("/deployment.bin", image.Bytes);
        _board.Chip.FlipBitsOnRead(NorLayout.StagingSlot(ImageKind.Deployment) + 1000, 0x01, times: 100);

        UpdateResult result = Boot().Stage(new UpdateOffer(url));

        Assert.Equal(UpdateStatus.StorageFailed, result.Status);
        Assert.Equal(SwapRequest.None, Request(ImageKind.Deployment));
    }

    [Fact]
    public void A_server_that_keeps_failing_leaves_progress_to_resume_later()
    {
        SignedImage image = TestImages.Deployment(200_000);
        string url = _host.Publish("/deployment.bin", image.Bytes);
        _server.Faults.DropAt("/deployment.bin", [100_000]);
        _server.Faults.Unavailable = from => from >= 90_000 && from < image.TlvOffset; // after the drop, every retry gets 503

        UpdateResult first = Boot().Stage(new UpdateOffer(url));

        Assert.Equal(UpdateStatus.DownloadFailed, first.Status);
        Assert.Equal(SwapRequest.None, Request(ImageKind.Deployment));
        int durable = new DownloadProgress(_board.Flash(), ImageKind.Deployment).DurableOffset(image.Digest, image.Span);
        Assert.Equal(98_304, durable);
        Assert.Contains("503", first.Message);
        _server.Faults.Unavailable = null;
        int requests = _log.Count;

        UpdateResult second = Boot().Stage(new UpdateOffer(url));

        Assert.Equal(UpdateStatus.Staged, second.Status);
        Assert.Equal(image.Bytes[..image.Span], Slot(ImageKind.Deployment, image.Span));
        Assert.Equal(((long)durable, durable + 16383L), (_log[requests + 2].RangeFrom, _log[requests + 2].RangeTo));
    }

    [Fact]
    public void A_power_cut_during_the_download_resumes_from_the_last_checkpoint_after_reboot()
    {
        SignedImage image = TestImages.Deployment(300_000);
        string url = _host.Publish("/deployment.bin", image.Bytes);
        _board.Chip.CutPowerAtOperation(_board.Chip.OperationCount + 700); // well into the page programs

        Assert.Throws<PowerLossException>(() => Boot().Stage(new UpdateOffer(url)));
        _board.PowerOn();
        int requests = _log.Count;
        UpdateResult result = Boot().Stage(new UpdateOffer(url));

        Assert.Equal(UpdateStatus.Staged, result.Status);
        Assert.Equal(image.Bytes[..image.Span], Slot(ImageKind.Deployment, image.Span));
        long resumedAt = _log[requests + 2].RangeFrom;
        Assert.True(resumedAt >= 16384, $"resumed at {resumedAt}");
        Assert.Equal(0, resumedAt % 16384);
    }

    [Fact]
    public void A_file_replaced_during_staging_is_staged_as_the_new_file()
    {
        SignedImage first = TestImages.Deployment(150_000, seed: 1);
        SignedImage second = TestImages.Deployment(150_000, seed: 2, version: "1.0.1");
        string url = _host.Publish("/deployment.bin", first.Bytes);
        _server.Faults.ReplaceFileAfter(5, "/deployment.bin", second.Bytes);

        UpdateResult result = Boot().Stage(new UpdateOffer(url));

        Assert.Equal(UpdateStatus.Staged, result.Status);
        Assert.Equal("1.0.1+0", result.Version.ToString());
        Assert.Equal(second.Bytes[..second.Span], Slot(ImageKind.Deployment, second.Span));
    }

    [Fact]
    public void An_unreachable_server_is_a_download_failure_that_touches_nothing()
    {
        int operations = _board.Chip.OperationCount;

        UpdateResult result = Boot().Stage(new UpdateOffer(_host.BaseUrl + "/missing.bin"));

        Assert.Equal(UpdateStatus.DownloadFailed, result.Status);
        Assert.Contains("HTTP 404", result.Message);
        Assert.Equal(operations, _board.Chip.OperationCount);
    }

    [Fact]
    public void A_chip_stuck_busy_is_a_storage_failure()
    {
        SignedImage image = TestImages.Deployment(20_000);
        string url = _host.Publish("/deployment.bin", image.Bytes);
        UpdateAgent agent = Boot();
        _board.Chip.StuckBusy = true;

        UpdateResult result = agent.Stage(new UpdateOffer(url));

        Assert.Equal(UpdateStatus.StorageFailed, result.Status);
        Assert.Contains("busy", result.Message);
    }
}
