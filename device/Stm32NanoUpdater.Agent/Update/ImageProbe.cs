using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Agent.Transport;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Agent.Update
{
    /// <summary>
    /// Header first: fetches the 32-byte header and then the TLV areas behind the payload (two small ranged GETs) and
    /// refuses, before a single byte is staged, an image for another board (load address), one too large for its region
    /// or slot, one not signed by a trusted key (key hash), one older than the installed image (security counter), one
    /// that is not what the offer promised, or the image already installed.
    /// </summary>
    public sealed class ImageProbe
    {
        // Unprotected TLVs (key hash, SHA-256, one signature) take under 200 bytes; more is fetched when they say so.
        private const int FirstTlvFetch = 512;

        private readonly RangeDownloader _downloader;
        private readonly IFlash _flash;
        private readonly TrustedKey[] _trustedKeys;

        public ImageProbe(RangeDownloader downloader, IFlash flash, TrustedKey[] trustedKeys)
        {
            _downloader = downloader;
            _flash = flash;
            _trustedKeys = trustedKeys;
        }

        public ProbeResult Run(RemoteFile file, UpdateOffer offer)
        {
            byte[] headerBytes = new byte[ImageHeader.Size];
            DownloadStatus status = _downloader.Download(file, 0, ImageHeader.Size, new ArraySink(headerBytes));
            if (status != DownloadStatus.Completed)
            {
                return Unreachable(status, ImageKind.None, null);
            }

            ImageHeader header;
            try
            {
                header = ImageHeader.Parse(headerBytes, 0);
            }
            catch (ImageFormatException e)
            {
                return Refuse(ImageKind.None, null, e.Reason, e.Message);
            }

            ImageKind kind = NorLayout.KindForLoadAddress(header.LoadAddress);
            if (kind == ImageKind.None)
            {
                return Refuse(kind, header.Version, RejectReason.WrongLoadAddress,
                    "load address 0x" + HexText.Format(header.LoadAddress, 8) + " is not a region of this board");
            }

            if (header.ImageSize > (uint)NorLayout.RegionSize(kind)
                || header.HeaderSize + (long)header.ImageSize + header.ProtectedTlvSize + TlvArea.InfoSize > NorLayout.MaxImageSpan(kind))
            {
                return Refuse(kind, header.Version, RejectReason.TooLarge, "the image does not fit the " + NorLayout.Describe(kind) + " region or slot");
            }

            int tlvOffset = header.TlvOffset;
            if (file.Size >= 0 && file.Size < tlvOffset + header.ProtectedTlvSize + TlvArea.InfoSize)
            {
                return Refuse(kind, header.Version, RejectReason.BadLayout, "the file ends before the image's TLV area");
            }

            return ProbeTlvs(file, offer, kind, header, tlvOffset);
        }

        private ProbeResult ProbeTlvs(RemoteFile file, UpdateOffer offer, ImageKind kind, ImageHeader header, int tlvOffset)
        {
            int firstFetch = header.ProtectedTlvSize + FirstTlvFetch;
            int available = file.Size >= 0 ? (int)(file.Size - tlvOffset) : firstFetch;
            int maxTlvBytes = InstalledRecord.MaxBodySize - header.HeaderSize;
            byte[] tlvBytes = new byte[available < firstFetch ? available : firstFetch];
            DownloadStatus status = _downloader.Download(file, tlvOffset, tlvOffset + tlvBytes.Length, new ArraySink(tlvBytes));
            if (status != DownloadStatus.Completed)
            {
                return Unreachable(status, kind, header.Version);
            }

            int total = TlvTotal(tlvBytes, header.ProtectedTlvSize);
            if (total > maxTlvBytes || tlvOffset + (long)total > NorLayout.MaxImageSpan(kind))
            {
                return Refuse(kind, header.Version, RejectReason.TooLarge, "the TLV areas are too large");
            }

            if (total > tlvBytes.Length)
            {
                if (total > available)
                {
                    return Refuse(kind, header.Version, RejectReason.BadLayout, "the file ends inside the TLV area");
                }

                tlvBytes = new byte[total];
                status = _downloader.Download(file, tlvOffset, tlvOffset + total, new ArraySink(tlvBytes));
                if (status != DownloadStatus.Completed)
                {
                    return Unreachable(status, kind, header.Version);
                }
            }

            try
            {
                ByteArraySource source = new ByteArraySource(tlvBytes);
                TlvArea tlvs = TlvReader.Read(source, 0, header.ProtectedTlvSize, tlvBytes.Length);
                return Judge(offer, kind, header, tlvOffset, tlvs, source);
            }
            catch (ImageFormatException e)
            {
                return Refuse(kind, header.Version, e.Reason, e.Message);
            }
        }

        private ProbeResult Judge(UpdateOffer offer, ImageKind kind, ImageHeader header, int tlvOffset, TlvArea tlvs, IByteSource source)
        {
            TlvEntry hash = tlvs.Find(TlvType.Sha256);
            if (hash == null || hash.Length != Sha256.DigestSize)
            {
                return Refuse(kind, header.Version, RejectReason.BadLayout, "the image has no 32-byte SHA256 TLV");
            }

            byte[] digest = hash.ReadData(source);
            if (!SignedByTrustedKey(tlvs, source))
            {
                return Refuse(kind, header.Version, RejectReason.KeyNotTrusted, "the image is not signed by a trusted key");
            }

            uint counter = 0;
            TlvEntry counterEntry = tlvs.Find(TlvType.SecurityCounter);
            if (counterEntry != null)
            {
                if (counterEntry.Length != 4)
                {
                    return Refuse(kind, header.Version, RejectReason.BadLayout, "the security counter TLV is not 4 bytes");
                }

                counter = LittleEndian.ReadUInt32(counterEntry.ReadData(source), 0);
            }

            int span = tlvOffset + tlvs.End;
            if (offer.ExpectedDigest != null && !Digests.Equal(offer.ExpectedDigest, digest))
            {
                return Refuse(kind, header.Version, RejectReason.HashMismatch, "the image is not the one the offer names (SHA-256 differs)");
            }

            if (offer.ExpectedSpan >= 0 && offer.ExpectedSpan != span)
            {
                return Refuse(kind, header.Version, RejectReason.BadLayout, "the image is not the size the offer names");
            }

            InstalledRecord installed = InstalledRecord.Read(_flash, kind);
            if (installed != null && installed.Digest != null && Digests.Equal(installed.Digest, digest))
            {
                UpdateResult same = new UpdateResult(UpdateStatus.AlreadyInstalled, kind, header.Version, RejectReason.None,
                    "already installed");
                return new ProbeResult(null, same, false);
            }

            if (installed != null && counter < installed.SecurityCounter)
            {
                return Refuse(kind, header.Version, RejectReason.Downgrade, "security counter " + counter.ToString() +
                    " is below the installed " + installed.SecurityCounter.ToString());
            }

            ProbedImage image = new ProbedImage(kind, header, digest, counter, span, tlvOffset + tlvs.ProtectedSize);
            return new ProbeResult(image, null, false);
        }

        private bool SignedByTrustedKey(TlvArea tlvs, IByteSource source)
        {
            for (int i = 0; i < tlvs.Count; i++)
            {
                TlvEntry entry = tlvs.GetEntry(i);
                if (entry.Type != TlvType.KeyHash || entry.Length != Sha256.DigestSize)
                {
                    continue;
                }

                byte[] keyHash = entry.ReadData(source);
                for (int k = 0; k < _trustedKeys.Length; k++)
                {
                    if (_trustedKeys[k].HasKeyHash(keyHash, 0, keyHash.Length))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        // Total bytes of both TLV areas as their info headers say (what the first fetch holds of them suffices).
        private static int TlvTotal(byte[] tlvBytes, int protectedSize)
        {
            int unprotectedInfo = protectedSize;
            if (tlvBytes.Length < unprotectedInfo + TlvArea.InfoSize)
            {
                return int.MaxValue;
            }

            return protectedSize + LittleEndian.ReadUInt16(tlvBytes, unprotectedInfo + 2);
        }

        private ProbeResult Unreachable(DownloadStatus status, ImageKind kind, ImageVersion version)
        {
            if (status == DownloadStatus.FileChanged)
            {
                return new ProbeResult(null, null, true);
            }

            UpdateResult failure = new UpdateResult(UpdateStatus.DownloadFailed, kind, version, RejectReason.None,
                "download failed: " + _downloader.LastError);
            return new ProbeResult(null, failure, false);
        }

        private static ProbeResult Refuse(ImageKind kind, ImageVersion version, RejectReason reason, string message)
        {
            UpdateResult failure = new UpdateResult(UpdateStatus.Rejected, kind, version, reason,
                "rejected (" + RejectReasons.Describe(reason) + "): " + message);
            return new ProbeResult(null, failure, false);
        }
    }
}
