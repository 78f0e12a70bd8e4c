using Stm32NanoUpdater.Simulation.Mcu;
using Stm32NanoUpdater.Simulation.Nor;
using Stm32NanoUpdater.Simulation.Power;
using Stm32NanoUpdater.Simulation.Rtc;
using Stm32NanoUpdater.Simulation.Time;

namespace Stm32NanoUpdater.Simulation.Device;

/// <summary>
/// The STM32F769 discovery board with its W25Q128JV on SPI2: one virtual clock, the NOR chip behind its bus, the
/// internal flash, the RTC backup registers (no coin cell), and one supply. A power cut planned in either flash takes
/// the whole board down: both flashes stop answering and the backup registers are lost, until <see cref="PowerOn"/>.
/// </summary>
public sealed class BoardHardware
{
    public BoardHardware(NorChipProfile? norProfile = null)
        : this(norProfile, null)
    {
    }

    private BoardHardware(NorChipProfile? norProfile, InternalFlashSnapshot? internalFlash)
    {
        NorChip = new SpiNorChipModel(norProfile ?? NorChipProfile.W25Q128JV, Clock) { KeepOperationLog = false };
        NorBus = new NorBus(NorChip) { PowerFailed = PowerOff };
        InternalFlash = (internalFlash is null ? new Stm32F76xFlash(Clock) : new Stm32F76xFlash(Clock, internalFlash));
        InternalFlash.PowerFailed = PowerOff;
    }

    public VirtualClock Clock { get; } = new();

    public SpiNorChipModel NorChip { get; }

    /// <summary>What the MCU's SPI driver talks to: the chip behind the counting, cut-planning probe.</summary>
    public NorBus NorBus { get; }

    public Stm32F76xFlash InternalFlash { get; }

    public RtcBackupRegisters BackupRegisters { get; } = new();

    public bool IsPowered => NorChip.IsPowered && InternalFlash.IsPowered;

    public void PowerOff()
    {
        if (NorChip.IsPowered || InternalFlash.IsPowered)
        {
            NorChip.PowerOff();
            InternalFlash.PowerOff();
            BackupRegisters.OnPowerLoss();
        }
    }

    /// <summary>Supply back (after a cut, or a planned power cycle): flashes keep their content, planned cuts are disarmed.</summary>
    public void PowerOn()
    {
        NorChip.PowerOn();
        InternalFlash.PowerOn();
        NorBus.Disarm();
    }

    public void ArmCut(PowerCut cut)
    {
        if (cut.Domain == FlashDomain.Nor)
        {
            NorBus.ArmCut(cut);
        }
        else
        {
            InternalFlash.ArmCut(cut);
        }
    }

    public HardwareSnapshot Snapshot()
    {
        var registers = new uint[RtcBackupRegisters.Count];
        for (int i = 0; i < registers.Length; i++)
        {
            registers[i] = BackupRegisters.Read(i);
        }

        return new HardwareSnapshot(NorChip.Snapshot(), NorBus.Counters, InternalFlash.Snapshot(), registers, Clock.NowMicroseconds);
    }

    /// <summary>A fresh board in the snapshot's state, powered.</summary>
    public static BoardHardware FromSnapshot(HardwareSnapshot snapshot, NorChipProfile? norProfile = null)
    {
        var board = new BoardHardware(norProfile, snapshot.Internal);
        board.NorChip.Restore(snapshot.Nor);
        board.NorBus.Counters = snapshot.NorCounters;
        for (int i = 0; i < snapshot.BackupRegisters.Length; i++)
        {
            board.BackupRegisters.Write(i, snapshot.BackupRegisters[i]);
        }

        board.Clock.Advance(snapshot.Microseconds);
        return board;
    }
}
