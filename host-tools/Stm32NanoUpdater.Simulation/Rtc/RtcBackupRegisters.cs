using Stm32NanoUpdater.Agent.Platform;

namespace Stm32NanoUpdater.Simulation.Rtc;

/// <summary>
/// STM32 RTC backup registers (32 x 32 bits on the F7): kept across a reset, lost on a power loss unless VBAT holds
/// them. The simulated device calls <see cref="OnPowerLoss"/> when its supply goes.
/// </summary>
public sealed class RtcBackupRegisters : IBackupRegisters
{
    public const int Count = 32;

    private readonly uint[] _registers = new uint[Count];

    /// <summary>A coin cell on VBAT keeps the registers through a power loss.</summary>
    public bool HasBattery { get; init; }

    public uint Read(int index) => _registers[index];

    public void Write(int index, uint value) => _registers[index] = value;

    public void OnPowerLoss()
    {
        if (!HasBattery)
        {
            Array.Clear(_registers);
        }
    }
}
