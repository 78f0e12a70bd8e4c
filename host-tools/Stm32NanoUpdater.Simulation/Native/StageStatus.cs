namespace Stm32NanoUpdater.Simulation.Native;

/// <summary>The value nu_swap_stage_run returns.</summary>
public enum StageStatus
{
    Ok = SwapStageInterop.Ok,
    HalError = SwapStageInterop.ErrorHal,
    BadArgument = SwapStageInterop.ErrorArgument,
    VerifyFailed = SwapStageInterop.ErrorVerify,
    SourceChanged = SwapStageInterop.ErrorSource,
    JournalFull = SwapStageInterop.ErrorJournal,
    Invalid = SwapStageInterop.ErrorInvalid,
}
