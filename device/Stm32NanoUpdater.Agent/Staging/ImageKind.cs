namespace Stm32NanoUpdater.Agent.Staging
{
    /// <summary>What an image replaces (update contract §1). The numbers are the contract's: they appear in the journal.</summary>
    public enum ImageKind
    {
        None = 0,
        NanoClr = 1,
        Deployment = 2,
    }
}
