using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Agent.Update;
using Stm32NanoUpdater.Image;
using Stm32NanoUpdater.Simulation.Native;
using Stm32NanoUpdater.Simulation.Nor;

namespace Stm32NanoUpdater.Simulation.Device;

/// <summary>
/// The product's application as it uses the real device agent (device/Stm32NanoUpdater.Agent), like the UpdatingApp
/// sample: after an update it runs its self-test and confirms the new images, or gives up on them (notes the release
/// as failed and reboots so the swap stage reverts); then it looks for the latest nanoCLR and deployment images and stages
/// those that are new and not noted as failed as one release (requests written only when all verified), and reboots
/// to install.
/// </summary>
internal sealed class DeviceApplication(SimulatedDevice device, LaunchResult running)
{
    private readonly List<UpdateResult> _checks = [];
    private readonly List<UpdateResult> _stages = [];
    private readonly List<UpdateResult> _skipped = [];
    private PhaseLog.Phase? _open;

    public AppOutcome Run(AppMode mode)
    {
        BoardHardware board = device.Board;
        var nor = new SpiNorFlash(board.NorBus, board.Clock);
        var agent = new UpdateAgent(nor, device.Network, new NativeCryptoVerifier(), [device.Images.TrustedKey], board.Clock,
            board.BackupRegisters, new SimulatedRebooter(), new AgentOptions { Sha256 = new NativeCryptoSha256() });
        var failed = new FailedReleaseLog(nor);
        bool confirmed = false;
        bool gaveUp = false;
        try
        {
            if (agent.IsPendingConfirmation)
            {
                if (running.NanoClr!.PassesSelfTest && running.Deployment!.PassesSelfTest)
                {
                    _open = device.Log.Begin("confirm");
                    int count = agent.Confirm();
                    confirmed = true;
                    Close($"self-test passed: {count} image{(count == 1 ? "" : "s")} confirmed", "confirmed");
                }
                else
                {
                    _open = device.Log.Begin("self-test failed");
                    gaveUp = true;
                    foreach (ImageKind kind in new[] { ImageKind.NanoClr, ImageKind.Deployment })
                    {
                        InstalledRecord? record = agent.Installed(kind);
                        if (record is { State: RecordTrailerState.TestPending })
                        {
                            failed.Add(kind, record.Header.Version);
                        }
                    }

                    agent.RequestRevert();
                }
            }

            if (mode == AppMode.DutiesOnly)
            {
                return Outcome(confirmed, gaveUp, false);
            }

            _open = device.Log.Begin("check");
            var available = new List<(UpdateOffer Offer, UpdateResult Check)>();
            foreach (ImageKind kind in new[] { ImageKind.NanoClr, ImageKind.Deployment })
            {
                var offer = new UpdateOffer(device.ReleaseBaseUrl + ReleasePaths.For(kind));
                UpdateResult check = agent.Check(offer);
                _checks.Add(check);
                if (check.Status == UpdateStatus.Available)
                {
                    if (failed.Contains(check.Kind, check.Version))
                    {
                        _skipped.Add(check);
                    }
                    else
                    {
                        available.Add((offer, check));
                    }
                }
            }

            // A release is installed whole or not at all: when one of its images cannot be checked now, wait for the next poll.
            bool incomplete = _checks.Any(c => c.Status is UpdateStatus.DownloadFailed or UpdateStatus.StorageFailed);
            int found = available.Count;
            Close(DescribeChecks() + (incomplete && available.Count > 0 ? "; release incomplete, next poll" : ""),
                incomplete ? "server unreachable" : found > 0 ? $"{found} found" : _skipped.Count > 0 ? $"{_skipped.Count} skipped (failed before)" : "nothing new");
            if (available.Count > 0 && !incomplete)
            {
                _open = device.Log.Begin("download");
                device.BeginDownload(available.Select(a => $"{NorLayout.Describe(a.Check.Kind)} {Text(a.Check.Version!)}").ToArray());
                agent.Progress += device.ReportProgress;
                UpdateResult[] staged = agent.StageRelease(available.Select(a => a.Offer).ToArray());
                agent.Progress -= device.ReportProgress;
                _stages.AddRange(staged);
                bool ok = staged.All(r => r.Status == UpdateStatus.Staged);
                Close(string.Join("; ", staged.Select(r => r.Status == UpdateStatus.Staged
                        ? $"{NorLayout.Describe(r.Kind)} {Text(r.Version)} downloaded and verified"
                        : r.ToString())) + (ok ? $"; TEST request{(staged.Length == 1 ? "" : "s")} written" : "; no request written"),
                    ok ? "staged" : staged.First(r => r.Status != UpdateStatus.Staged).Status.ToString());
            }

            if (_stages.Any(s => s.Status == UpdateStatus.Staged))
            {
                _open = device.Log.Begin("hand-off");
                agent.RebootToInstall();
                Close("no request found after staging", "no request");
            }

            return Outcome(confirmed, gaveUp, false);
        }
        catch (RebootRequestedException)
        {
            Close(gaveUp ? "self-test failed: not confirmed, reboot to revert" : "reboot to install", gaveUp ? "not confirmed" : "reboot");
            return Outcome(confirmed, gaveUp, true);
        }
        catch (PowerLossException)
        {
            _open?.End("power lost", "power lost", powerLost: true);
            throw;
        }
    }

    private void Close(string detail, string summary)
    {
        _open?.End(detail, summary);
        _open = null;
    }

    private string DescribeChecks()
    {
        var news = _checks.Where(c => c.Status != UpdateStatus.AlreadyInstalled).Select(c => c.Status == UpdateStatus.Available
            ? $"{NorLayout.Describe(c.Kind)} {Text(c.Version)} available" + (_skipped.Contains(c) ? " (failed its self-test before: skipped)" : "")
            : c.ToString()).ToArray();
        return news.Length == 0 ? "nothing new" : string.Join("; ", news);
    }

    private static string Text(ImageVersion version) =>
        version.Build == 0 ? $"{version.Major}.{version.Minor}.{version.Revision}" : version.ToString();

    private AppOutcome Outcome(bool confirmed, bool gaveUp, bool reboot) => new(confirmed, gaveUp, _checks, _stages, reboot);
}
