namespace Stm32NanoUpdater.Simulation.Power;

/// <summary>The two flash memories of the board: each counts its own program and erase operations.</summary>
public enum FlashDomain
{
    /// <summary>The external SPI NOR (staging, backup, journal, records).</summary>
    Nor,

    /// <summary>The MCU's internal flash (nanoCLR and deployment regions).</summary>
    Internal,
}
