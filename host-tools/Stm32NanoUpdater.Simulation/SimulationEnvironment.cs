using Stm32NanoUpdater.Agent.Transport;
using Stm32NanoUpdater.Host.Keys;
using Stm32NanoUpdater.Simulation.Device;
using Stm32NanoUpdater.Simulation.Images;
using Stm32NanoUpdater.Simulation.Native;
using Stm32NanoUpdater.Simulation.Network;
using Stm32NanoUpdater.Simulation.Scenario;

namespace Stm32NanoUpdater.Simulation;

/// <summary>
/// What every simulated device of one run shares: a throw-away signing key and the sample releases signed with it, the
/// native swap stage trusting that key, the link model, and the story. Devices, boards and servers are made from it.
/// </summary>
public sealed class SimulationEnvironment : IDisposable
{
    private SimulationEnvironment(SampleImages images, SwapStage stage, LinkModel link)
    {
        Images = images;
        Stage = stage;
        Link = link;
        Steps = UpdateStory.Steps(images);
    }

    public SampleImages Images { get; }

    public SwapStage Stage { get; }

    public LinkModel Link { get; }

    public IReadOnlyList<ScenarioStep> Steps { get; }

    /// <summary>Makes a throw-away ECDSA P-256 key, signs the sample releases, loads the native swap stage.</summary>
    public static SimulationEnvironment Create(SampleImageSizes sizes, LinkModel link)
    {
        using SigningKey key = EcdsaP256SigningKey.Generate();
        SampleImages images = SampleImages.Create(sizes, key);
        return new SimulationEnvironment(images, new SwapStage([images.KeyHash]), link);
    }

    /// <summary>A release server publishing what the server holds during step <paramref name="stepIndex"/> (and before it).</summary>
    public ReleaseServer ServerForStep(int stepIndex)
    {
        var server = new ReleaseServer();
        for (int i = 0; i <= stepIndex; i++)
        {
            foreach (SampleImage image in Steps[i].Target.Published)
            {
                server.Publish(ReleasePaths.For(image.Kind), image.SignedFile);
            }
        }

        return server;
    }

    /// <summary>A device on <paramref name="board"/> reaching the server through <paramref name="network"/> over this link.</summary>
    public SimulatedDevice NewDevice(BoardHardware board, IHttpTransport network, string baseUrl)
    {
        var traffic = new TrafficCounters();
        return new SimulatedDevice(board, Stage, Images, new LinkTransport(network, Link, board.Clock, traffic), traffic, baseUrl);
    }

    /// <summary>A device with its own in-process server for the step (deterministic: what campaigns replay).</summary>
    public SimulatedDevice NewModeledDevice(BoardHardware board, ReleaseServer server)
    {
        var transport = new ModeledHttpTransport(server);
        return NewDevice(board, transport, transport.BaseUrl);
    }

    public void Dispose() => Stage.Dispose();
}
