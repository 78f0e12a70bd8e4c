using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Agent.Staging
{
    /// <summary>The result of the last attempt for one kind, as the application reports it.</summary>
    public sealed class UpdateAttempt
    {
        public UpdateAttempt(ImageKind kind, AttemptOutcome outcome, int recordType, uint reasonCode, byte[] digestPrefix)
        {
            Kind = kind;
            Outcome = outcome;
            RecordType = recordType;
            ReasonCode = reasonCode;
            DigestPrefix = digestPrefix;
        }

        public ImageKind Kind { get; }

        public AttemptOutcome Outcome { get; }

        /// <summary>The journal record the outcome comes from (<see cref="JournalRecordType"/>), 0 when there is none.</summary>
        public int RecordType { get; }

        /// <summary>The journal record's arg0: install mode, revert reason or reject reason, depending on the outcome.</summary>
        public uint ReasonCode { get; }

        /// <summary>First 16 bytes of the SHA-256 TLV of the image concerned, or null when there is no attempt.</summary>
        public byte[] DigestPrefix { get; }

        public InstallMode Mode
        {
            get
            {
                bool install = RecordType == JournalRecordType.InstallEnd || RecordType == JournalRecordType.InstallBegin;
                return install ? (InstallMode)ReasonCode : InstallMode.None;
            }
        }

        public RejectReason RejectReason
        {
            get { return Outcome == AttemptOutcome.Rejected ? (RejectReason)ReasonCode : RejectReason.None; }
        }

        /// <summary>One line for a log or a status report, e.g. "deployment: rejected (signature invalid)".</summary>
        public string Describe()
        {
            string what = NorLayout.Describe(Kind) + ": ";
            switch (Outcome)
            {
                case AttemptOutcome.Installed:
                    return what + "installed (" + DescribeMode(Mode) + ")";
                case AttemptOutcome.Reverted:
                    return what + "reverted (the new image was not confirmed)";
                case AttemptOutcome.Rejected:
                    return what + "rejected (" + RejectReasons.Describe(RejectReason) + ")";
                case AttemptOutcome.Adopted:
                    return what + "developer deployment adopted";
                case AttemptOutcome.RevertFailed:
                    return what + "revert failed (no valid backup), running image kept";
                case AttemptOutcome.InProgress:
                    return what + "install or revert in progress";
                default:
                    return what + "no update attempt recorded";
            }
        }

        private static string DescribeMode(InstallMode mode)
        {
            switch (mode)
            {
                case InstallMode.Test: return "test mode";
                case InstallMode.Permanent: return "permanent";
                case InstallMode.Recovery: return "recovery";
                default: return "mode " + ((int)mode).ToString();
            }
        }
    }
}
