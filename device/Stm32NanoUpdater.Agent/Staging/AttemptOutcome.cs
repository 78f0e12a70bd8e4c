namespace Stm32NanoUpdater.Agent.Staging
{
    /// <summary>How the swap stage's last attempt for a kind ended (from the journal's newest terminal record).</summary>
    public enum AttemptOutcome
    {
        /// <summary>The journal holds no attempt for this kind.</summary>
        None = 0,

        /// <summary>INSTALL_END: the image was installed (TEST, PERMANENT or RECOVERY, see <see cref="UpdateAttempt.Mode"/>).</summary>
        Installed = 1,

        /// <summary>REVERT_END: the previous image was restored because the new one was not confirmed.</summary>
        Reverted = 2,

        /// <summary>REJECTED: the request failed validation (see <see cref="UpdateAttempt.RejectReason"/>); nothing changed.</summary>
        Rejected = 3,

        /// <summary>ADOPTED: a developer changed the region (Visual Studio, nanoff); the stage kept it and dropped the record.</summary>
        Adopted = 4,

        /// <summary>REVERT_FAILED: a revert was due but no valid backup existed; the running image was kept.</summary>
        RevertFailed = 5,

        /// <summary>An install or revert began and has not ended (the stage finishes it on the next boot).</summary>
        InProgress = 6,
    }
}
