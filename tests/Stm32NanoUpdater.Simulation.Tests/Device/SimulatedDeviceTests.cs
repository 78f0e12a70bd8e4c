using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Agent.Update;
using Stm32NanoUpdater.Image;
using Stm32NanoUpdater.Simulation.Device;
using Stm32NanoUpdater.Simulation.Native;
using Stm32NanoUpdater.Simulation.Network;
using Stm32NanoUpdater.Simulation.Nor;
using Stm32NanoUpdater.Simulation.Power;
using Stm32NanoUpdater.Simulation.Scenario;
using Stm32NanoUpdater.Simulation.Tests.Infrastructure;

namespace Stm32NanoUpdater.Simulation.Tests.Device;

/// <summary>The whole simulated device: boots, launches, the application and the story.</summary>
public sealed class SimulatedDeviceTests(SmallEnvironment fixture) : IClassFixture<SmallEnvironment>
{
    private readonly SimulationEnvironment _environment = fixture.Environment;

    [Fact]
    public void A_factory_board_boots_v1_and_finds_nothing_on_an_empty_server()
    {
        SimulatedDevice device = _environment.NewModeledDevice(new BoardHardware(), new ReleaseServer());
        device.FlashAtFactory(_environment.Images.V1);
        BootRecord boot = device.Boot(AppMode.Normal);
        Assert.False(boot.PowerLost);
        Assert.Equal(StageStatus.Ok, boot.Stage!.Status);
        Assert.True(boot.Stage.Idle);
        Assert.True(boot.Launch!.Runs);
        Assert.Same(_environment.Images.V1.NanoClr, boot.Launch.NanoClr);
        Assert.True(boot.App!.Quiet);
        Assert.All(boot.App.Checks, c => Assert.Equal(UpdateStatus.DownloadFailed, c.Status)); // 404
    }

    [Fact]
    public void A_board_without_a_runnable_nanoclr_stays_in_the_booter()
    {
        SimulatedDevice device = _environment.NewModeledDevice(new BoardHardware(), new ReleaseServer());
        BootRecord boot = device.Boot(AppMode.Normal);
        Assert.False(boot.Launch!.Runs);
        Assert.False(boot.Launch.ClrCanRun);
        Assert.Null(boot.App);
    }

    [Fact]
    public void The_story_installs_and_confirms_v2_then_reverts_v3()
    {
        var server = new ReleaseServer();
        SimulatedDevice device = _environment.NewModeledDevice(new BoardHardware(), server);
        ScenarioTrace trace = ScenarioRunner.Run(_environment, device, server, takeSnapshots: true);

        string[] v2 = trace.PhasesOf("v2").Select(p => p.Name).Distinct().ToArray();
        Assert.Equal(new[] { "boot", "check", "download", "hand-off", "install", "confirm" }, v2);
        string[] v3 = trace.PhasesOf("v3").Select(p => p.Name).Distinct().ToArray();
        Assert.Equal(new[] { "check", "download", "hand-off", "install", "self-test failed", "revert" }, v3);
        Assert.Null(BoardInspector.EndStateProblem(device, _environment.Images.V2));
        Assert.All(trace.Segments.Where(s => s.WithBoot), s => Assert.NotNull(s.Start));

        // The combined v2 install rewrote every nanoCLR sector and only the deployment sector whose content changed.
        SegmentTrace install = trace.Segments.First(s => s.Record.Stage?.AllActions.HasFlag(StageActions.Install) == true);
        Assert.Equal(2, install.Record.Stage!.NanoClr.SectorsErased); // 40 KiB: S2 and S3
        Assert.Equal(1, install.Record.Stage.Deployment.SectorsErased);
        Assert.Equal(4, install.Record.Stage.Deployment.SectorsSkipped);

        // The journal says the last deployment attempt was the revert, and the failed release is remembered.
        Assert.Equal(AttemptOutcome.Reverted, Journal.Read(new NorArrayView(device.Board.NorChip)).LastAttempt(ImageKind.Deployment).Outcome);
        Assert.True(new FailedReleaseLog(new NorArrayView(device.Board.NorChip))
            .Contains(ImageKind.Deployment, ImageVersion.Parse("3.0.0")));
    }

    [Fact]
    public void A_modeled_run_is_exactly_reproducible()
    {
        ScenarioTrace first = Run();
        ScenarioTrace second = Run();
        Assert.Equal(first.Segments.Select(s => s.EndCounters), second.Segments.Select(s => s.EndCounters));

        ScenarioTrace Run()
        {
            var server = new ReleaseServer();
            SimulatedDevice device = _environment.NewModeledDevice(new BoardHardware(), server);
            return ScenarioRunner.Run(_environment, device, server, takeSnapshots: false);
        }
    }

    [Fact]
    public void The_failed_release_log_survives_torn_entries()
    {
        var board = new BoardHardware();
        var nor = new SpiNorFlash(board.NorBus, board.Clock);
        var log = new FailedReleaseLog(nor);
        var v3 = ImageVersion.Parse("3.0.0");
        board.NorBus.ArmCut(new PowerCut(FlashDomain.Nor, board.NorBus.Counters.Operations + 1, CutMoment.Middle));
        Assert.Throws<PowerLossException>(() => log.Add(ImageKind.Deployment, v3));
        board.PowerOn();
        nor = new SpiNorFlash(board.NorBus, board.Clock);
        log = new FailedReleaseLog(nor);
        Assert.False(log.Contains(ImageKind.Deployment, v3)); // torn: absent
        log.Add(ImageKind.Deployment, v3);
        Assert.True(log.Contains(ImageKind.Deployment, v3));
        Assert.False(log.Contains(ImageKind.NanoClr, v3));
    }
}
