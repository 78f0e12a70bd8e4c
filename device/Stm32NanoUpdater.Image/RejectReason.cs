namespace Stm32NanoUpdater.Image
{
    /// <summary>
    /// Why an image is refused. The numbers are the update contract's (nf-targets/docs/update-contract.md §5.1): they
    /// are written into the journal and reported by the agent, so they never change.
    /// </summary>
    public enum RejectReason
    {
        None = 0,
        BadLayout = 1,
        HashMismatch = 2,
        KeyNotTrusted = 3,
        SignatureInvalid = 4,
        TooLarge = 5,
        Downgrade = 6,
        WrongLoadAddress = 7,
        CompanionRejected = 8,
    }
}
