using Stm32NanoUpdater.Agent.Platform;
using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Agent.Transport;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Agent.Update
{
    /// <summary>
    /// The device side of an update. Before: <see cref="Check"/> an offer (header first), <see cref="Stage"/> it
    /// (download into the staging slot with resume, verify the bytes read back from flash, write the TEST or PERMANENT
    /// request), <see cref="RebootToInstall"/>. After the swap stage ran: <see cref="IsPendingConfirmation"/>,
    /// <see cref="Confirm"/> or <see cref="RequestRevert"/>, and <see cref="LastAttempt"/> to report what happened.
    /// Every failure leaves the installed image and any earlier state as they were; nothing is requested for bytes that
    /// did not verify.
    /// </summary>
    public sealed class UpdateAgent
    {
        private readonly IFlash _flash;
        private readonly IRebooter _rebooter;
        private readonly BootHint _hint;
        private readonly AgentOptions _options;
        private readonly byte[] _buffer;
        private readonly ISha256 _sha;
        private readonly RangeDownloader _downloader;
        private readonly ImageProbe _probe;
        private readonly ImageVerifier _verifier;
        private readonly int _rebootedForKinds;
        private bool _reportProgress;

        // What to report if restarts run out: why the last attempt had to start over.
        private UpdateResult _restartReason;

        // Per kind, the last offer Check found available, with its probe and the file's validators: a Stage of the same
        // offer starts from them instead of probing again (on a server that ignores Range a probe reads the whole file).
        private readonly CheckedOffer[] _checked = new CheckedOffer[3];

        // Per kind, the digest of the image StageRelease verified last (its release tag is made from them).
        private readonly byte[][] _verifiedDigests = new byte[3][];

        public UpdateAgent(IFlash flash, IHttpTransport transport, ISignatureVerifier signatures, TrustedKey[] trustedKeys,
            IClock clock, IBackupRegisters backupRegisters, IRebooter rebooter)
            : this(flash, transport, signatures, trustedKeys, clock, backupRegisters, rebooter, new AgentOptions())
        {
        }

        public UpdateAgent(IFlash flash, IHttpTransport transport, ISignatureVerifier signatures, TrustedKey[] trustedKeys,
            IClock clock, IBackupRegisters backupRegisters, IRebooter rebooter, AgentOptions options)
        {
            if (flash.Size < NorLayout.MinimumFlashSize)
            {
                throw new FlashException("the external flash is smaller than the update layout needs");
            }

            _flash = flash;
            _rebooter = rebooter;
            _options = options;
            _buffer = new byte[options.BufferSize];
            _sha = options.Sha256 ?? new Sha256();
            _hint = new BootHint(backupRegisters);
            _downloader = new RangeDownloader(transport, clock, options.Download, _buffer);
            _downloader.Progress += OnDownloadProgress;
            _probe = new ImageProbe(_downloader, flash, trustedKeys);
            _verifier = new ImageVerifier(trustedKeys, signatures, _sha, _buffer);

            // The hint is read once per boot: it tells a reboot for an update from a cold start.
            _rebootedForKinds = _hint.Read();
            _hint.Clear();
        }

        /// <summary>Staging progress: bytes of the image in the slot so far, out of its span.</summary>
        public event DownloadProgressHandler Progress;

        /// <summary>True when this boot follows <see cref="RebootToInstall"/> or <see cref="RequestRevert"/> (if the RTC kept the hint).</summary>
        public bool RebootedForUpdate
        {
            get { return _rebootedForKinds != 0; }
        }

        /// <summary>Some installed image runs in TEST mode: confirm it, or it is reverted on the next boot.</summary>
        public bool IsPendingConfirmation
        {
            get { return PendingMask() != 0; }
        }

        /// <summary>
        /// Looks at an offer without staging it: header and TLV checks, and whether it is already installed. A following
        /// <see cref="Stage"/> of the same offer object reuses what this probe learned (the download still checks the
        /// file's size and ETag, and starts over if the file changed meanwhile).
        /// </summary>
        public UpdateResult Check(UpdateOffer offer)
        {
            TakeChecked(offer);
            try
            {
                for (int attempt = 0; ; attempt++)
                {
                    RemoteFile file = new RemoteFile(offer.Url, -1, null);
                    ProbeResult probe = _probe.Run(file, offer);
                    if (probe.FileChanged && attempt < _options.MaxRestarts)
                    {
                        continue;
                    }

                    if (probe.Image != null)
                    {
                        _checked[(int)probe.Image.Kind] = new CheckedOffer(offer, probe, file);
                        return new UpdateResult(UpdateStatus.Available, probe.Image.Kind, probe.Image.Header.Version,
                            RejectReason.None, "update available");
                    }

                    return probe.Failure ?? Changed();
                }
            }
            catch (FlashException e)
            {
                return StorageFailed(ImageKind.None, null, e);
            }
        }

        /// <summary>
        /// Downloads, verifies and requests the offered image. A download interrupted by a reboot or power cut resumes
        /// from its last durable checkpoint on the next call with the same image.
        /// </summary>
        public UpdateResult Stage(UpdateOffer offer)
        {
            return StageOne(offer, true);
        }

        /// <summary>
        /// Stages images that belong together (one release: a nanoCLR and the application built for it). Each is
        /// downloaded and verified first; the requests are written only when every image verified (or is already
        /// installed), back to back, so a failed download or a power cut during one never leaves another image of the
        /// release requested without it. Returns one result per offer; when any is neither Staged nor AlreadyInstalled,
        /// no request is written, and what verified stays in its slot: the next call resumes there.
        /// </summary>
        public UpdateResult[] StageRelease(UpdateOffer[] offers)
        {
            UpdateResult[] results = new UpdateResult[offers.Length];
            bool complete = true;
            for (int i = 0; i < offers.Length && complete; i++)
            {
                results[i] = StageOne(offers[i], false);
                complete = results[i].Status == UpdateStatus.Staged || results[i].Status == UpdateStatus.AlreadyInstalled;
            }

            if (!complete)
            {
                return results;
            }

            // Every old request of the release goes first; then the requests back to back, tagged as one set when there
            // are two (contract §3.1: the stage installs a tagged request only once its companion is written, so a power
            // cut between them requests nothing); then the download progress they make obsolete.
            uint tag = ReleaseTagOf(results);
            for (int pass = 0; pass < 3; pass++)
            {
                for (int i = 0; i < offers.Length; i++)
                {
                    UpdateResult verified = results[i];
                    if (verified.Status != UpdateStatus.Staged)
                    {
                        continue;
                    }

                    try
                    {
                        if (pass == 0)
                        {
                            StagingRequest.ClearIfWritten(_flash, verified.Kind);
                        }
                        else if (pass == 1)
                        {
                            StagingRequest.Write(_flash, verified.Kind, offers[i].Permanent, tag);
                        }
                        else
                        {
                            new DownloadProgress(_flash, verified.Kind).Clear();
                            results[i] = StagedResult(verified.Kind, verified.Version, offers[i].Permanent);
                        }
                    }
                    catch (FlashException e)
                    {
                        results[i] = StorageFailed(verified.Kind, verified.Version, e);
                        return results;
                    }
                }
            }

            return results;
        }

        // The release tag for the staged results: untagged unless both kinds are to be requested.
        private uint ReleaseTagOf(UpdateResult[] results)
        {
            int staged = 0;
            for (int i = 0; i < results.Length; i++)
            {
                staged |= results[i].Status == UpdateStatus.Staged ? BootHint.MaskOf(results[i].Kind) : 0;
            }

            return staged == (BootHint.MaskOf(ImageKind.NanoClr) | BootHint.MaskOf(ImageKind.Deployment))
                ? ReleaseTag.Of(_verifiedDigests[(int)ImageKind.NanoClr], _verifiedDigests[(int)ImageKind.Deployment])
                : SwapTrailer.Untagged;
        }

        // Probes (or reuses Check's probe), downloads with resume and verifies one image; writes its request when asked.
        private UpdateResult StageOne(UpdateOffer offer, bool writeRequest)
        {
            _restartReason = Changed();
            for (int attempt = 0; attempt <= _options.MaxRestarts; attempt++)
            {
                CheckedOffer reused = attempt == 0 ? TakeChecked(offer) : null;
                RemoteFile file = reused != null ? reused.File : new RemoteFile(offer.Url, -1, null);
                ProbeResult probe;
                try
                {
                    probe = reused != null ? reused.Probe : _probe.Run(file, offer);
                }
                catch (FlashException e)
                {
                    return StorageFailed(ImageKind.None, null, e);
                }

                if (probe.FileChanged)
                {
                    _restartReason = Changed();
                    continue;
                }

                if (probe.Image == null)
                {
                    return probe.Failure;
                }

                UpdateResult result = StageProbed(probe.Image, offer, file, writeRequest);
                if (result != null)
                {
                    return result;
                }
            }

            return _restartReason;
        }

        /// <summary>Reboots so the swap stage installs every pending request. False (no reboot) when nothing is requested.</summary>
        public bool RebootToInstall()
        {
            int mask = 0;
            if (StagingRequest.Read(_flash, ImageKind.NanoClr) != SwapRequest.None)
            {
                mask |= BootHint.MaskOf(ImageKind.NanoClr);
            }

            if (StagingRequest.Read(_flash, ImageKind.Deployment) != SwapRequest.None)
            {
                mask |= BootHint.MaskOf(ImageKind.Deployment);
            }

            return RebootWithHint(mask);
        }

        /// <summary>Confirms every TEST-pending image (it stays after the next boot). Returns how many were confirmed.</summary>
        public int Confirm()
        {
            int confirmed = 0;
            if (InstalledRecord.Confirm(_flash, ImageKind.NanoClr))
            {
                confirmed++;
            }

            if (InstalledRecord.Confirm(_flash, ImageKind.Deployment))
            {
                confirmed++;
            }

            return confirmed;
        }

        /// <summary>
        /// Gives up on the TEST-pending images: reboots without confirming, and the swap stage restores the previous
        /// ones. False (no reboot) when nothing is pending.
        /// </summary>
        public bool RequestRevert()
        {
            return RebootWithHint(PendingMask());
        }

        /// <summary>The result of the swap stage's last attempt for a kind, from its journal.</summary>
        public UpdateAttempt LastAttempt(ImageKind kind)
        {
            return Journal.Read(_flash).LastAttempt(kind);
        }

        /// <summary>True when the last reboot was asked for to update <paramref name="kind"/> (see <see cref="RebootedForUpdate"/>).</summary>
        public bool RebootedToUpdate(ImageKind kind)
        {
            return (_rebootedForKinds & BootHint.MaskOf(kind)) != 0;
        }

        /// <summary>The installed image's record for a kind, or null when the swap stage has not installed one.</summary>
        public InstalledRecord Installed(ImageKind kind)
        {
            return InstalledRecord.Read(_flash, kind);
        }

        // Null means "start over" (the file changed, or the staged bytes did not verify for a reason a fresh download cures).
        private UpdateResult StageProbed(ProbedImage image, UpdateOffer offer, RemoteFile file, bool writeRequest)
        {
            ImageKind kind = image.Kind;
            ImageVersion version = image.Header.Version;
            try
            {
                DownloadProgress progress = new DownloadProgress(_flash, kind);
                int resumeAt = progress.DurableOffset(image.Digest, image.Span);
                if (resumeAt < 0)
                {
                    // A new image: the old request goes first, so a slot being written never carries one.
                    StagingRequest.Clear(_flash, kind);
                    progress.Begin(image.Digest, image.Span);
                    resumeAt = 0;
                }

                SlotWriter writer = new SlotWriter(_flash, kind, _sha, progress);
                writer.Open(image.Span, image.HashedLength, resumeAt, _buffer);
                _reportProgress = true;
                DownloadStatus status;
                try
                {
                    status = _downloader.Download(file, resumeAt, image.Span, writer);
                }
                finally
                {
                    _reportProgress = false;
                }

                if (status == DownloadStatus.FileChanged)
                {
                    _restartReason = Changed();
                    return null;
                }

                if (status == DownloadStatus.Failed)
                {
                    return new UpdateResult(UpdateStatus.DownloadFailed, kind, version, RejectReason.None,
                        "download failed at byte " + writer.Position.ToString() + ": " + _downloader.LastError);
                }

                byte[] received = new byte[Sha256.DigestSize];
                writer.FinishHash(received, 0);
                return VerifyAndRequest(image, offer, progress, received, resumeAt > 0, writeRequest);
            }
            catch (FlashException e)
            {
                return StorageFailed(kind, version, e);
            }
        }

        private UpdateResult VerifyAndRequest(ProbedImage image, UpdateOffer offer, DownloadProgress progress, byte[] received,
            bool resumed, bool writeRequest)
        {
            ImageKind kind = image.Kind;
            ImageVersion version = image.Header.Version;
            if (!Digests.Equal(received, image.Digest))
            {
                // The bytes as received do not hash to the TLV: corrupted on the way, or a broken image. Start over.
                progress.Clear();
                _restartReason = new UpdateResult(UpdateStatus.Rejected, kind, version, RejectReason.HashMismatch,
                    "rejected (" + RejectReasons.Describe(RejectReason.HashMismatch) + "): the downloaded bytes do not hash to the image's SHA-256");
                return null;
            }

            VerificationResult verified = _verifier.Verify(new FlashByteSource(_flash, NorLayout.StagingSlot(kind)), image.Span);
            if (!verified.IsAccepted)
            {
                progress.Clear();
                // Received intact but read back wrong (the flash did not keep the bytes), or resumed over a file that was
                // re-signed meanwhile (same digest, other signature bytes): a fresh download settles it.
                if (verified.Reason == RejectReason.HashMismatch || resumed)
                {
                    _restartReason = verified.Reason == RejectReason.HashMismatch
                        ? new UpdateResult(UpdateStatus.StorageFailed, kind, version, RejectReason.None,
                            "external flash failed: the staged bytes did not read back as written")
                        : Rejected(kind, version, verified);
                    return null;
                }

                return Rejected(kind, version, verified);
            }

            if (!writeRequest)
            {
                // Verified; the durable progress stays complete, so a later call verifies again without downloading.
                _verifiedDigests[(int)kind] = image.Digest;
                return new UpdateResult(UpdateStatus.Staged, kind, version, RejectReason.None, "verified, request not written yet");
            }

            StagingRequest.Write(_flash, kind, offer.Permanent);
            progress.Clear();
            return StagedResult(kind, version, offer.Permanent);
        }

        private static UpdateResult StagedResult(ImageKind kind, ImageVersion version, bool permanent)
        {
            return new UpdateResult(UpdateStatus.Staged, kind, version, RejectReason.None,
                permanent ? "staged (permanent): reboot to install" : "staged (test): reboot to install, then confirm");
        }

        // Removes and returns what Check kept for this offer object, or null.
        private CheckedOffer TakeChecked(UpdateOffer offer)
        {
            for (int i = 0; i < _checked.Length; i++)
            {
                CheckedOffer entry = _checked[i];
                if (entry != null && entry.Offer == offer)
                {
                    _checked[i] = null;
                    return entry;
                }
            }

            return null;
        }

        private int PendingMask()
        {
            int mask = 0;
            InstalledRecord clr = InstalledRecord.Read(_flash, ImageKind.NanoClr);
            if (clr != null && clr.State == RecordTrailerState.TestPending)
            {
                mask |= BootHint.MaskOf(ImageKind.NanoClr);
            }

            InstalledRecord deployment = InstalledRecord.Read(_flash, ImageKind.Deployment);
            if (deployment != null && deployment.State == RecordTrailerState.TestPending)
            {
                mask |= BootHint.MaskOf(ImageKind.Deployment);
            }

            return mask;
        }

        private bool RebootWithHint(int mask)
        {
            if (mask == 0)
            {
                return false;
            }

            _hint.Set(mask);
            _rebooter.Reboot();
            return true;
        }

        private void OnDownloadProgress(int position, int length)
        {
            DownloadProgressHandler progress = Progress;
            if (progress != null && _reportProgress)
            {
                progress(position, length);
            }
        }

        private static UpdateResult Rejected(ImageKind kind, ImageVersion version, VerificationResult verified)
        {
            return new UpdateResult(UpdateStatus.Rejected, kind, version, verified.Reason,
                "rejected (" + RejectReasons.Describe(verified.Reason) + "): " + verified.Message);
        }

        private static UpdateResult Changed()
        {
            return new UpdateResult(UpdateStatus.DownloadFailed, ImageKind.None, null, RejectReason.None,
                "the file kept changing on the server");
        }

        private static UpdateResult StorageFailed(ImageKind kind, ImageVersion version, FlashException e)
        {
            return new UpdateResult(UpdateStatus.StorageFailed, kind, version, RejectReason.None, "external flash failed: " + e.Message);
        }

        private sealed class CheckedOffer
        {
            public CheckedOffer(UpdateOffer offer, ProbeResult probe, RemoteFile file)
            {
                Offer = offer;
                Probe = probe;
                File = file;
            }

            public UpdateOffer Offer { get; }

            public ProbeResult Probe { get; }

            public RemoteFile File { get; }
        }
    }
}
