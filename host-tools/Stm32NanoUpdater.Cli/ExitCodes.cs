namespace Stm32NanoUpdater.Cli;

/// <summary>Exit codes of every verb.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int VerificationFailed = 1;
    public const int UsageError = 2;
}
