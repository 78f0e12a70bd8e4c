namespace Stm32NanoUpdater.Image
{
    /// <summary>What a staging slot's trailer asks the swap stage to do (update contract §3).</summary>
    public enum SwapRequest
    {
        None = 0,
        Test = 1,
        Permanent = 2,
    }
}
