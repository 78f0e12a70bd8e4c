using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Agent.Tests.Infrastructure;
using Stm32NanoUpdater.Agent.Update;
using Stm32NanoUpdater.Image;
using Stm32NanoUpdater.Simulation.Network;
using Stm32NanoUpdater.Simulation.Nor;

namespace Stm32NanoUpdater.Agent.Tests.Update;

/// <summary>
/// Power cut at every flash operation of a staging, with the operation not started, half done or complete: after power
/// returns there is never a request on a slot that does not hold the complete, verified image, and staging again
/// finishes the job.
/// </summary>
public class PowerCutTests
{
    private static readonly SignedImage Earlier = TestImages.Deployment(20_000, seed: 11);
    private static readonly SignedImage Offered = TestImages.Deployment(36_000, seed: 12, version: "1.1.0");
    private static readonly double[] Completions = [0.0, 0.5, 1.0];

    public static IEnumerable<object[]> CutPoints()
    {
        int operations = CountStagingOperations();
        for (int k = 1; k <= operations; k++)
        {
            yield return [k, Completions[k % Completions.Length]];
        }
    }

    [Theory]
    [MemberData(nameof(CutPoints))]
    public void A_cut_at_any_operation_never_leaves_a_request_on_an_incomplete_slot(int operation, double completed)
    {
        var (board, network) = BoardWithEarlierRequest();
        string url = Offer(network);
        board.Chip.CutPowerAtOperation(board.Chip.OperationCount + operation, completed);

        Assert.Throws<PowerLossException>(() => board.Boot(network).Stage(new UpdateOffer(url)));
        board.PowerOn();

        SwapRequest request = StagingRequest.Read(board.Flash(), ImageKind.Deployment);
        byte[] slot = board.Chip.Peek(NorLayout.StagingSlot(ImageKind.Deployment), Offered.Span);
        bool holdsOffered = slot.AsSpan().SequenceEqual(Offered.Bytes.AsSpan(0, Offered.Span));
        bool holdsEarlier = slot.AsSpan(0, Earlier.Span).SequenceEqual(Earlier.Bytes.AsSpan(0, Earlier.Span));
        if (request != SwapRequest.None)
        {
            Assert.Equal(SwapRequest.Test, request);
            Assert.True(holdsOffered || holdsEarlier, "a request survived on a slot holding neither complete image");
        }

        UpdateResult again = board.Boot(network).Stage(new UpdateOffer(url));

        Assert.Equal(UpdateStatus.Staged, again.Status);
        Assert.Equal(SwapRequest.Test, StagingRequest.Read(board.Flash(), ImageKind.Deployment));
        Assert.Equal(Offered.Bytes[..Offered.Span], board.Chip.Peek(NorLayout.StagingSlot(ImageKind.Deployment), Offered.Span));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void A_torn_request_magic_is_no_request(double completed)
    {
        var (board, network) = BoardWithEarlierRequest();
        string url = Offer(network);
        int magicProgram = StagingOperations().Single(o => o.Kind == NorOperationKind.Program &&
            o.Address == NorLayout.RequestTrailer(ImageKind.Deployment) + SwapTrailer.MagicOffset).Number;
        board.Chip.CutPowerAtOperation(board.Chip.OperationCount + magicProgram, completed);

        Assert.Throws<PowerLossException>(() => board.Boot(network).Stage(new UpdateOffer(url)));
        board.PowerOn();

        Assert.Equal(SwapRequest.None, StagingRequest.Read(board.Flash(), ImageKind.Deployment));
    }

    [Fact]
    public void A_torn_confirm_reads_as_unconfirmed_and_confirming_again_completes_it()
    {
        var (board, network) = BoardWithEarlierRequest();
        SwapStageEmulation.WriteRecord(board.Chip, ImageKind.Deployment, Earlier, RecordTrailerState.TestPending);
        board.Chip.CutPowerAtOperation(board.Chip.OperationCount + 1, completed: 0.5);

        Assert.Throws<PowerLossException>(() => board.Boot(network).Confirm());
        board.PowerOn();

        UpdateAgent agent = board.Boot(network);
        Assert.True(agent.IsPendingConfirmation);
        Assert.Equal(1, agent.Confirm());
        Assert.False(agent.IsPendingConfirmation);
    }

    private static (SimulatedBoard Board, ModeledHttpTransport Network) BoardWithEarlierRequest()
    {
        var board = new SimulatedBoard();
        var server = new ReleaseServer();
        server.Publish("/earlier.bin", Earlier.Bytes);
        server.Publish("/offered.bin", Offered.Bytes);
        var network = new ModeledHttpTransport(server);
        UpdateResult staged = board.Boot(network).Stage(new UpdateOffer(network.BaseUrl + "/earlier.bin"));
        Assert.Equal(UpdateStatus.Staged, staged.Status);
        return (board, network);
    }

    private static string Offer(ModeledHttpTransport network) => network.BaseUrl + "/offered.bin";

    // The flash operations of staging the offered image over the earlier request, numbered from 1.
    private static NorOperation[] StagingOperations()
    {
        var (board, network) = BoardWithEarlierRequest();
        int before = board.Chip.OperationCount;
        Assert.Equal(UpdateStatus.Staged, board.Boot(network).Stage(new UpdateOffer(Offer(network))).Status);
        return board.Chip.Operations.Skip(before).Select(o => o with { Number = o.Number - before }).ToArray();
    }

    private static int CountStagingOperations() => StagingOperations().Length;
}
