using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Simulation.Power;

namespace Stm32NanoUpdater.Simulation.Nor;

/// <summary>
/// The SPI bus between the MCU and the NOR chip, as a probe on it sees it: it counts the program and erase commands
/// (the driver always sends write enable first, so the chip accepts each one) and the data bytes, and it cuts the
/// board's supply just before a planned command or, through the chip model, halfway through it.
/// </summary>
public sealed class NorBus : ISpiBus
{
    private readonly SpiNorChipModel _chip;
    private NorBusCounters _counters;
    private PowerCut? _armedCut;

    public NorBus(SpiNorChipModel chip)
    {
        _chip = chip;
    }

    public SpiNorChipModel Chip => _chip;

    /// <summary>Called when the supply fails during a transfer, before the exception leaves: the board goes dark.</summary>
    public Action? PowerFailed { get; set; }

    public NorBusCounters Counters
    {
        get => _counters;
        set => _counters = value;
    }

    public void ArmCut(PowerCut cut)
    {
        if (cut.Domain != FlashDomain.Nor || cut.Operation < 1)
        {
            throw new ArgumentException("not a cut of the NOR", nameof(cut));
        }

        _armedCut = cut;
    }

    public void Disarm() => _armedCut = null;

    public void Transfer(byte[] buffer, int offset, int count)
    {
        byte opcode = count > 0 ? buffer[offset] : (byte)0;
        int header = 1 + (IsFourByteOpcode(opcode) || _chip.FourByteMode ? 4 : 3);
        bool program = opcode is 0x02 or 0x12;
        bool erase = opcode is 0x20 or 0x21 or 0x52 or 0x5C or 0xD8 or 0xDC or 0x60 or 0xC7;
        if ((program || erase) && _chip.IsPowered)
        {
            _counters = _counters with
            {
                Operations = _counters.Operations + 1,
                Programs = _counters.Programs + (program ? 1 : 0),
                Erases = _counters.Erases + (erase ? 1 : 0),
                BytesProgrammed = _counters.BytesProgrammed + (program ? Math.Max(0, count - header) : 0),
            };
            if (_armedCut is { } cut && cut.Operation == _counters.Operations)
            {
                _armedCut = null;
                if (cut.Moment == CutMoment.Before)
                {
                    _chip.PowerOff();
                    PowerFailed?.Invoke();
                    throw new PowerLossException($"power cut before NOR operation {cut.Operation}");
                }

                _chip.CutPowerAtOperation(_chip.OperationCount + 1, 0.5);
            }
        }
        else if (opcode is 0x03 or 0x13)
        {
            _counters = _counters with { BytesRead = _counters.BytesRead + Math.Max(0, count - header) };
        }
        else if (opcode is 0x0B or 0x0C)
        {
            _counters = _counters with { BytesRead = _counters.BytesRead + Math.Max(0, count - header - 1) };
        }

        try
        {
            _chip.Transfer(buffer, offset, count);
        }
        catch (PowerLossException)
        {
            PowerFailed?.Invoke();
            throw;
        }
    }

    private static bool IsFourByteOpcode(byte opcode) => opcode is 0x12 or 0x13 or 0x0C or 0x21 or 0x5C or 0xDC;
}
