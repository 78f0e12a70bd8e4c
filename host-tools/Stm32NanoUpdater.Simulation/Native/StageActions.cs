namespace Stm32NanoUpdater.Simulation.Native;

/// <summary>What the swap stage did for one kind in one run (NU_DID_* of nu_swap_stage.h).</summary>
[Flags]
public enum StageActions : uint
{
    None = 0,
    Resume = 1u << 0,
    Install = 1u << 1,
    Revert = 1u << 2,
    Adopt = 1u << 3,
    RevertFailed = 1u << 4,
    Reject = 1u << 5,
    Recover = 1u << 6,
    NoRecoverySource = 1u << 7,
    Backup = 1u << 8,
    BackupSigned = 1u << 9,
    BackupSkipped = 1u << 10,
    RevertDeferred = 1u << 11,
    ConfirmCompleted = 1u << 12,
}
