using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Agent.Update
{
    /// <summary>What <see cref="UpdateAgent.Check"/> or <see cref="UpdateAgent.Stage"/> did, with enough detail to report.</summary>
    public sealed class UpdateResult
    {
        public UpdateResult(UpdateStatus status, ImageKind kind, ImageVersion version, RejectReason rejectReason, string message)
        {
            Status = status;
            Kind = kind;
            Version = version;
            RejectReason = rejectReason;
            Message = message;
        }

        public UpdateStatus Status { get; }

        /// <summary>The kind the image's load address names, or None when the header was not read.</summary>
        public ImageKind Kind { get; }

        /// <summary>The image header's version, or null when the header was not read.</summary>
        public ImageVersion Version { get; }

        public RejectReason RejectReason { get; }

        public string Message { get; }

        public override string ToString()
        {
            string version = Version == null ? string.Empty : " " + Version.ToString();
            return NorLayout.Describe(Kind) + version + ": " + Message;
        }
    }
}
