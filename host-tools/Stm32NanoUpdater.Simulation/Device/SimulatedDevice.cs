using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Agent.Transport;
using Stm32NanoUpdater.Simulation.Images;
using Stm32NanoUpdater.Simulation.Native;
using Stm32NanoUpdater.Simulation.Network;
using Stm32NanoUpdater.Simulation.Nor;

namespace Stm32NanoUpdater.Simulation.Device;

/// <summary>
/// A whole simulated STM32F769 product. A boot is what the real board does: nanoBooter runs the native swap stage
/// (libnu_swap_stage through P/Invoke, its HAL on this board's internal flash model and, through the device's C# SPI
/// NOR driver, on the NOR chip model), then launches whatever internal flash holds if it can run — checked by the
/// stage's own rule (vector table, assembly chain) and identified among the known images — and the application
/// (<see cref="DeviceApplication"/>, the real device agent inside) takes over. Everything costs its modeled time on the
/// board's virtual clock; phases are booked in <see cref="Log"/>.
/// </summary>
public sealed class SimulatedDevice
{
    public SimulatedDevice(BoardHardware board, SwapStage stage, SampleImages images, IHttpTransport network, TrafficCounters traffic,
        string releaseBaseUrl)
    {
        Board = board;
        Stage = stage;
        Images = images;
        Network = network;
        Traffic = traffic;
        ReleaseBaseUrl = releaseBaseUrl.TrimEnd('/');
        Log = new PhaseLog(() => Counters);
    }

    public BoardHardware Board { get; }

    public SwapStage Stage { get; }

    public SampleImages Images { get; }

    /// <summary>The device's HTTP, link model included.</summary>
    public IHttpTransport Network { get; }

    public TrafficCounters Traffic { get; }

    public string ReleaseBaseUrl { get; }

    public PhaseLog Log { get; }

    public DeviceCounters Counters => new(Board.Clock.NowMicroseconds, Board.NorBus.Counters, Board.InternalFlash.Counters, Traffic.Now);

    /// <summary>Raised while an image is staged: its name, the bytes in the slot so far, its span.</summary>
    public event Action<string, int, int>? DownloadProgress;

    private string[] _downloading = [];
    private int _current;
    private int _lastPosition;
    private int _lastLength;

    /// <summary>Factory state: nanoCLR and the application flashed over ST-LINK, the NOR blank.</summary>
    public void FlashAtFactory(SampleRelease release)
    {
        Board.InternalFlash.Load(NorLayout.NanoClrRegionStart, release.NanoClr.Payload);
        Board.InternalFlash.Load(NorLayout.DeploymentRegionStart, release.Deployment.Payload);
    }

    /// <summary>Resets (or powers up) the board: swap stage, launch, application.</summary>
    public BootRecord Boot(AppMode mode)
    {
        if (!Board.IsPowered)
        {
            Board.PowerOn();
        }

        PhaseLog.Phase phase = Log.Begin("boot");
        StageRunReport? report = null;
        LaunchResult launch;
        try
        {
            using var binding = new StageFlashBinding(Board.InternalFlash, new SpiNorFlash(Board.NorBus, Board.Clock));
            report = Stage.Run(binding);
            phase.Name = PhaseName(report);
            launch = Launch(binding);
            phase.End(Describe(report, launch), Summarize(report));
        }
        catch (PowerLossException)
        {
            phase.End("power lost", "power lost", powerLost: true);
            return new BootRecord(true, report, null, null, true);
        }

        return launch.Runs ? RunApplication(mode, true, report, launch) : new BootRecord(true, report, launch, null, false);
    }

    /// <summary>The running application looks for updates again (no reset).</summary>
    public BootRecord Poll(AppMode mode)
    {
        using var binding = new StageFlashBinding(Board.InternalFlash, new NorArrayView(Board.NorChip));
        LaunchResult running = Launch(binding);
        return running.Runs ? RunApplication(mode, false, null, running) : new BootRecord(false, null, running, null, false);
    }

    /// <summary>What the board would launch now (no time, no flash operation).</summary>
    public LaunchResult Inspect()
    {
        using var binding = new StageFlashBinding(Board.InternalFlash, new NorArrayView(Board.NorChip));
        return Launch(binding);
    }

    internal void BeginDownload(string[] images)
    {
        _downloading = images;
        _current = -1;
        _lastLength = -1;
    }

    // The agent stages a release's images one after the other: a new span (or a position going back) is the next image.
    internal void ReportProgress(int position, int length)
    {
        if (length != _lastLength || position < _lastPosition)
        {
            _current = Math.Min(_current + 1, _downloading.Length - 1);
        }

        _lastPosition = position;
        _lastLength = length;
        DownloadProgress?.Invoke(_current >= 0 ? _downloading[_current] : "", position, length);
    }

    private BootRecord RunApplication(AppMode mode, bool booted, StageRunReport? report, LaunchResult launch)
    {
        try
        {
            AppOutcome outcome = new DeviceApplication(this, launch).Run(mode);
            return new BootRecord(booted, report, launch, outcome, false);
        }
        catch (PowerLossException)
        {
            return new BootRecord(booted, report, launch, null, true);
        }
    }

    private LaunchResult Launch(StageFlashBinding binding) => new(
        Stage.RegionCanRun(binding, ImageKind.NanoClr),
        Stage.RegionCanRun(binding, ImageKind.Deployment),
        Images.Identify(ImageKind.NanoClr, Board.InternalFlash),
        Images.Identify(ImageKind.Deployment, Board.InternalFlash));

    private static string PhaseName(StageRunReport report)
    {
        StageActions all = report.AllActions;
        return all.HasFlag(StageActions.Revert) ? "revert"
            : all.HasFlag(StageActions.Install) ? "install"
            : all.HasFlag(StageActions.Recover) ? "recover"
            : all.HasFlag(StageActions.Resume) ? "resume"
            : all.HasFlag(StageActions.Reject) ? "reject"
            : "boot";
    }

    private static string Summarize(StageRunReport report)
    {
        if (report.Status != StageStatus.Ok)
        {
            return $"stopped: {report.Status}";
        }

        StageActions all = report.AllActions;
        int erased = report.NanoClr.SectorsErased + report.Deployment.SectorsErased;
        string sectors = $"{erased} sector{(erased == 1 ? "" : "s")}";
        return all.HasFlag(StageActions.Revert) ? $"reverted ({sectors})"
            : all.HasFlag(StageActions.Install) ? $"installed ({sectors})"
            : all.HasFlag(StageActions.Recover) ? $"recovered ({sectors})"
            : all.HasFlag(StageActions.Reject) ? "request rejected"
            : all == StageActions.None ? "nothing to do"
            : all.ToString();
    }

    private static string Describe(StageRunReport report, LaunchResult launch)
    {
        string runs = launch.Runs ? $"runs {launch.NanoClr!.Version} + {launch.Deployment!.Version}" : launch.Describe();
        if (report.Status != StageStatus.Ok)
        {
            return $"swap stage stopped ({report.Status}); {runs}";
        }

        string Kind(KindStageReport k, SampleImage? now, string name)
        {
            string sectors = $"{k.SectorsErased} sector{(k.SectorsErased == 1 ? "" : "s")} rewritten" +
                (k.SectorsSkipped > 0 ? $", {k.SectorsSkipped} unchanged" : "");
            StageActions a = k.Actions;
            return a.HasFlag(StageActions.Revert) ? $"{name} reverted to {now?.Version ?? "?"} ({sectors})"
                : a.HasFlag(StageActions.Install) ? $"{name} {now?.Version ?? "?"} installed{(k.InstallMode == 1 ? " for a trial (TEST)" : "")} ({sectors})"
                : a.HasFlag(StageActions.Recover) ? $"{name} recovered ({sectors})"
                : a.HasFlag(StageActions.Reject) ? $"{name} request rejected (reason {k.RejectReason})"
                : a.HasFlag(StageActions.Resume) ? $"{name} interrupted work finished"
                : a != StageActions.None ? $"{name}: {a}"
                : "";
        }

        string done = string.Join("; ", new[]
        {
            Kind(report.NanoClr, launch.NanoClr, "nanoCLR"), Kind(report.Deployment, launch.Deployment, "deployment"),
        }.Where(t => t.Length > 0));
        return (done.Length == 0 ? "nothing to install" : done) + "; " + runs;
    }
}
