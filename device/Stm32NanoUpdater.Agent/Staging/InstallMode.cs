namespace Stm32NanoUpdater.Agent.Staging
{
    /// <summary>INSTALL_BEGIN / INSTALL_END mode (contract §5).</summary>
    public enum InstallMode
    {
        None = 0,
        Test = 1,
        Permanent = 2,
        Recovery = 3,
    }
}
