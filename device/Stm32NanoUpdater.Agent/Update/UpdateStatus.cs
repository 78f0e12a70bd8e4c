namespace Stm32NanoUpdater.Agent.Update
{
    public enum UpdateStatus
    {
        /// <summary>Check only: the offered image passes the header checks and differs from the installed one.</summary>
        Available = 0,

        /// <summary>Downloaded, verified from flash and requested: reboot to install.</summary>
        Staged = 1,

        /// <summary>The offered image is the installed one (same SHA-256).</summary>
        AlreadyInstalled = 2,

        /// <summary>The image is refused (see <see cref="UpdateResult.RejectReason"/>); the installed image and any earlier request are untouched.</summary>
        Rejected = 3,

        /// <summary>The server could not be reached or kept failing; progress is kept and a later attempt resumes.</summary>
        DownloadFailed = 4,

        /// <summary>The external flash failed (absent, busy past its limits, or its content did not read back).</summary>
        StorageFailed = 5,
    }
}
