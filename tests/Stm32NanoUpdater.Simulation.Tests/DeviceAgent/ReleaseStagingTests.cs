using Stm32NanoUpdater.Agent.Platform;
using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Agent.Update;
using Stm32NanoUpdater.Image;
using Stm32NanoUpdater.Simulation.Device;
using Stm32NanoUpdater.Simulation.Native;
using Stm32NanoUpdater.Simulation.Network;
using Stm32NanoUpdater.Simulation.Tests.Infrastructure;

namespace Stm32NanoUpdater.Simulation.Tests.DeviceAgent;

/// <summary>
/// The two agent changes the simulator motivated: a release's images are requested together or not at all
/// (StageRelease), and Stage reuses what Check probed (on a server that ignores Range a probe reads the whole file).
/// </summary>
public sealed class ReleaseStagingTests(SmallEnvironment fixture) : IClassFixture<SmallEnvironment>
{
    private readonly SimulationEnvironment _environment = fixture.Environment;

    [Fact]
    public void A_release_is_requested_only_when_all_its_images_verified()
    {
        var server = _environment.ServerForStep(0);
        server.Publish(ReleasePaths.Deployment, Corrupt(_environment.Images.V2.Deployment.SignedFile));
        (UpdateAgent agent, BoardHardware board, string url) = Agent(server);

        UpdateResult[] results = agent.StageRelease([new UpdateOffer(url + ReleasePaths.NanoClr), new UpdateOffer(url + ReleasePaths.Deployment)]);
        Assert.Equal(UpdateStatus.Staged, results[0].Status);
        Assert.Equal("verified, request not written yet", results[0].Message);
        Assert.NotEqual(UpdateStatus.Staged, results[1].Status);
        var view = new NorArrayView(board.NorChip);
        Assert.Equal(SwapRequest.None, StagingRequest.Read(view, ImageKind.NanoClr));
        Assert.Equal(SwapRequest.None, StagingRequest.Read(view, ImageKind.Deployment));

        // With the deployment repaired, the verified nanoCLR is not downloaded again, and both requests are written.
        server.Publish(ReleasePaths.Deployment, _environment.Images.V2.Deployment.SignedFile);
        long before = server.Requests;
        results = agent.StageRelease([new UpdateOffer(url + ReleasePaths.NanoClr), new UpdateOffer(url + ReleasePaths.Deployment)]);
        Assert.All(results, r => Assert.Equal(UpdateStatus.Staged, r.Status));
        Assert.Equal(SwapRequest.Test, StagingRequest.Read(view, ImageKind.NanoClr));
        Assert.Equal(SwapRequest.Test, StagingRequest.Read(view, ImageKind.Deployment));
        Assert.True(server.Requests - before < 6, $"{server.Requests - before} requests"); // probes + the deployment only

        // One set: both trailers carry the tag made from the two digests.
        uint tag = ReleaseTag.Of(_environment.Images.V2.NanoClr.Digest, _environment.Images.V2.Deployment.Digest);
        Assert.NotEqual(SwapTrailer.Untagged, tag);
        Assert.Equal(tag, SwapTrailer.ReadReleaseTag(RequestTrailer(board, ImageKind.NanoClr), 0));
        Assert.Equal(tag, SwapTrailer.ReadReleaseTag(RequestTrailer(board, ImageKind.Deployment), 0));
    }

    [Fact]
    public void Half_a_release_set_is_no_request()
    {
        var server = _environment.ServerForStep(0);
        (UpdateAgent agent, BoardHardware board, string url) = Agent(server);
        UpdateResult[] results = agent.StageRelease([new UpdateOffer(url + ReleasePaths.NanoClr), new UpdateOffer(url + ReleasePaths.Deployment)]);
        Assert.All(results, r => Assert.Equal(UpdateStatus.Staged, r.Status));

        // The state a power cut before the deployment's magic leaves: the nanoCLR request alone, written and tagged.
        var view = new NorArrayView(board.NorChip);
        StagingRequest.Clear(new SpiNorFlash(board.NorBus, board.Clock), ImageKind.Deployment);
        Assert.Equal(SwapRequest.Test, SwapTrailer.DecideRequest(RequestTrailer(board, ImageKind.NanoClr), 0));
        Assert.Equal(SwapRequest.None, StagingRequest.Read(view, ImageKind.NanoClr));
        Assert.False(agent.RebootToInstall());

        // A lone image is untagged and needs no companion.
        (UpdateAgent single, BoardHardware singleBoard, _) = Agent(_environment.ServerForStep(0));
        Assert.Equal(UpdateStatus.Staged, single.Stage(new UpdateOffer(url + ReleasePaths.Deployment)).Status);
        Assert.Equal(SwapTrailer.Untagged, SwapTrailer.ReadReleaseTag(RequestTrailer(singleBoard, ImageKind.Deployment), 0));
        Assert.Equal(SwapRequest.Test, StagingRequest.Read(new NorArrayView(singleBoard.NorChip), ImageKind.Deployment));
    }

    private static byte[] RequestTrailer(BoardHardware board, ImageKind kind)
    {
        byte[] trailer = new byte[SwapTrailer.Size];
        new NorArrayView(board.NorChip).Read(NorLayout.RequestTrailer(kind), trailer, 0, trailer.Length);
        return trailer;
    }

    [Fact]
    public void Stage_after_check_does_not_probe_again()
    {
        var server = _environment.ServerForStep(0);
        (UpdateAgent agent, _, string url) = Agent(server);
        var offer = new UpdateOffer(url + ReleasePaths.NanoClr);
        Assert.Equal(UpdateStatus.Available, agent.Check(offer).Status);
        long afterCheck = server.Requests;
        Assert.Equal(UpdateStatus.Staged, agent.Stage(offer).Status);
        int chunks = (_environment.Images.V2.NanoClr.Span + 65535) / 65536;
        Assert.Equal(chunks, server.Requests - afterCheck);

        // A new offer object is probed afresh.
        (UpdateAgent fresh, _, _) = Agent(_environment.ServerForStep(0));
        Assert.Equal(UpdateStatus.Available, fresh.Check(new UpdateOffer(url + ReleasePaths.Deployment)).Status);
    }

    [Fact]
    public void A_file_replaced_between_check_and_stage_is_probed_again()
    {
        var server = _environment.ServerForStep(0);
        (UpdateAgent agent, BoardHardware board, string url) = Agent(server);
        var offer = new UpdateOffer(url + ReleasePaths.Deployment);
        Assert.Equal(UpdateStatus.Available, agent.Check(offer).Status);
        server.Publish(ReleasePaths.Deployment, _environment.Images.V3.Deployment.SignedFile);
        UpdateResult staged = agent.Stage(offer);
        Assert.Equal(UpdateStatus.Staged, staged.Status);
        Assert.Equal(ImageVersion.Parse("3.0.0"), staged.Version);
        Assert.Equal(SwapRequest.Test, StagingRequest.Read(new NorArrayView(board.NorChip), ImageKind.Deployment));
    }

    private (UpdateAgent Agent, BoardHardware Board, string BaseUrl) Agent(ReleaseServer server)
    {
        var board = new BoardHardware();
        var transport = new ModeledHttpTransport(server);
        var agent = new UpdateAgent(new SpiNorFlash(board.NorBus, board.Clock), transport, new NativeCryptoVerifier(),
            [_environment.Images.TrustedKey], board.Clock, board.BackupRegisters, new SimulatedRebooter(),
            new AgentOptions { Sha256 = new NativeCryptoSha256() });
        return (agent, board, transport.BaseUrl);
    }

    private static byte[] Corrupt(byte[] image)
    {
        byte[] copy = (byte[])image.Clone();
        copy[copy.Length / 2] ^= 0x10;
        return copy;
    }
}
