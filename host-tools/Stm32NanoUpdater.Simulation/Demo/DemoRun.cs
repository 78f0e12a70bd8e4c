using System.Diagnostics;
using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Simulation.Device;
using Stm32NanoUpdater.Simulation.Images;
using Stm32NanoUpdater.Simulation.Network;
using Stm32NanoUpdater.Simulation.Reporting;
using Stm32NanoUpdater.Simulation.Scenario;

namespace Stm32NanoUpdater.Simulation.Demo;

/// <summary>
/// `nanoupdate demo`: a throw-away key signs v1, v2 and v3; a Kestrel server on a loopback port serves them; a simulated
/// board flashed with v1 boots, finds v2, downloads it over real HTTP (modeled link time), verifies it, hands off to the
/// native swap stage, which installs it; v2 boots and is confirmed. Then v3 is published: it is installed, fails its
/// self-test, is not confirmed, and the swap stage reverts to v2.
/// </summary>
public static class DemoRun
{
    public static DemoResult Run(SampleImageSizes sizes, LinkModel link, IDemoObserver? observer = null)
    {
        var stopwatch = Stopwatch.StartNew();
        using SimulationEnvironment environment = SimulationEnvironment.Create(sizes, link);
        var server = new ReleaseServer();
        KestrelReleaseHost host = KestrelReleaseHost.StartAsync(server).GetAwaiter().GetResult();
        try
        {
            using var http = new HttpClientTransport();
            SimulatedDevice device = environment.NewDevice(new BoardHardware(), http, host.BaseUrl);
            var setup = new DemoSetup(Convert.ToHexStringLower(environment.Images.KeyHash), environment.Images, host.BaseUrl, link,
                Native.SwapStage.AbiVersion);
            observer?.Prepared(setup);
            if (observer is not null)
            {
                device.Log.PhaseEnded += observer.PhaseEnded;
                device.DownloadProgress += (image, position, length) =>
                    observer.DownloadProgress(image, position, length, device.Board.Clock.NowMicroseconds);
            }

            string outcome;
            bool succeeded;
            try
            {
                ScenarioTrace trace = ScenarioRunner.Run(environment, device, server, takeSnapshots: false, observer is null ? null : observer.StepStarting);
                string? problem = RevertProblem(trace, device);
                succeeded = problem is null;
                outcome = problem ?? "v2 installed, booted and confirmed; v3 installed, failed its self-test, not confirmed, reverted to v2";
            }
            catch (SimulationException e)
            {
                succeeded = false;
                outcome = e.Message;
            }

            IReadOnlyList<PhaseRecord> phases = device.Log.Records;
            return new DemoResult(succeeded, outcome, setup, PhaseSummary.Rows(phases),
                PhaseSummary.Total(phases, succeeded ? "ok" : "FAILED"), stopwatch.Elapsed.TotalSeconds);
        }
        finally
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    // The story's end state (v2 confirmed) is checked by the runner; the revert must have really happened on the way.
    private static string? RevertProblem(ScenarioTrace trace, SimulatedDevice device)
    {
        string[] v3 = trace.PhasesOf("v3").Select(p => p.Name).ToArray();
        if (!v3.Contains("install") || !v3.Contains("self-test failed") || !v3.Contains("revert"))
        {
            return $"v3 was not installed, refused by its self-test and reverted (phases: {string.Join(", ", v3)})";
        }

        const int RevertEnd = 0x21;
        using var binding = new Native.StageFlashBinding(device.Board.InternalFlash, new NorArrayView(device.Board.NorChip));
        (int Type, uint Argument)? last = device.Stage.LastResult(binding, ImageKind.Deployment);
        return last?.Type == RevertEnd ? null : $"the journal's last deployment result is record type 0x{last?.Type ?? 0:X2}, not REVERT_END";
    }
}
