using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Simulation.Time;

namespace Stm32NanoUpdater.Simulation.Nor;

/// <summary>
/// Command-level model of a single-I/O SPI NOR chip behind one chip select, driven through the same <see cref="ISpiBus"/>
/// the device driver uses. One <see cref="Transfer"/> is one chip-select period. It models the status register (WIP,
/// WEL), write enable, busy time on the shared <see cref="VirtualClock"/> (the chip ignores everything but status
/// reads while busy), page wrap-around, programs that only clear bits, erases that set 0xFF, SFDP, JEDEC ID, 3/4-byte
/// addressing, soft reset and deep power-down; and faults: power cut at the Nth program/erase (with that operation
/// partly done), bit flips on read, and a busy bit that never clears.
/// </summary>
public sealed class SpiNorChipModel : ISpiBus
{
    private const int SectorSize = 4096;
    private const byte Erased = 0xFF;

    private readonly object _gate = new();
    private readonly Dictionary<long, byte[]> _sectors = [];
    private readonly HashSet<long> _sharedSectors = []; // storage also held by a snapshot: copied before it is changed
    private readonly Dictionary<long, int> _eraseCounts = [];
    private readonly Dictionary<long, (byte Mask, int Remaining)> _readFlips = [];
    private readonly List<NorOperation> _operations = [];
    private int _operationCount;
    private readonly byte[] _sfdp;
    private readonly byte[] _pageLatch;
    private byte[] _mosi = new byte[512];

    private bool _powered = true;
    private bool _writeEnabled;
    private bool _fourByteMode;
    private bool _deepPowerDown;
    private bool _resetEnabled;
    private long _busyUntil;
    private int? _cutAtOperation;
    private double _cutCompleted;

    public SpiNorChipModel(NorChipProfile profile, VirtualClock clock)
    {
        Profile = profile;
        Clock = clock;
        _sfdp = SfdpImage.Build(profile);
        _pageLatch = new byte[profile.PageSize];
    }

    public NorChipProfile Profile { get; }

    public VirtualClock Clock { get; }

    /// <summary>SPI clock; with <see cref="TransferOverheadMicroseconds"/> it sets how long each transfer takes.</summary>
    public long BusClockHz { get; init; } = 20_000_000;

    /// <summary>Fixed cost of one transfer (driver call, chip select), in microseconds.</summary>
    public long TransferOverheadMicroseconds { get; init; } = 10;

    /// <summary>Program and erase take the datasheet maximum instead of the typical time.</summary>
    public bool UseMaximumTimes { get; init; }

    /// <summary>
    /// Keep every operation in <see cref="Operations"/> (default). Long simulations and allocation measurements turn
    /// it off; <see cref="OperationCount"/> still counts.
    /// </summary>
    public bool KeepOperationLog { get; init; } = true;

    /// <summary>When set, the next accepted program or erase keeps the chip busy until power is cycled.</summary>
    public bool StuckBusy { get; set; }

    public bool IsPowered
    {
        get { lock (_gate) { return _powered; } }
    }

    public bool FourByteMode
    {
        get { lock (_gate) { return _fourByteMode; } }
    }

    /// <summary>Every program and erase the chip accepted, in order.</summary>
    public IReadOnlyList<NorOperation> Operations
    {
        get { lock (_gate) { return _operations.ToArray(); } }
    }

    public int OperationCount
    {
        get { lock (_gate) { return _operationCount; } }
    }

    /// <summary>
    /// Power fails while the chip performs program/erase number <paramref name="operation"/> (counted from 1 over the
    /// chip's lifetime, see <see cref="OperationCount"/>): the fraction <paramref name="completed"/> of it takes effect
    /// and the transfer throws <see cref="PowerLossException"/>.
    /// </summary>
    public void CutPowerAtOperation(int operation, double completed = 0.5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(operation, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(completed, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(completed, 1.0);
        lock (_gate)
        {
            _cutAtOperation = operation;
            _cutCompleted = completed;
        }
    }

    /// <summary>The next <paramref name="times"/> reads of <paramref name="address"/> return it XOR <paramref name="mask"/>.</summary>
    public void FlipBitsOnRead(long address, byte mask, int times = 1)
    {
        lock (_gate)
        {
            _readFlips[address] = (mask, times);
        }
    }

    public void PowerOff()
    {
        lock (_gate)
        {
            _powered = false;
        }
    }

    /// <summary>Power-on state: volatile bits cleared, 3-byte mode, not busy, faults armed for a cut disarmed.</summary>
    public void PowerOn()
    {
        lock (_gate)
        {
            _powered = true;
            ResetVolatileState();
            _cutAtOperation = null;
            StuckBusy = false;
        }
    }

    /// <summary>Reads the array directly (no timing, no faults): for tests that inspect what reached the flash.</summary>
    public byte[] Peek(long address, int length)
    {
        var data = new byte[length];
        lock (_gate)
        {
            for (int i = 0; i < length; i++)
            {
                data[i] = Get(address + i);
            }
        }

        return data;
    }

    /// <summary>Reads the array directly into <paramref name="destination"/> (no timing, no faults).</summary>
    public void Peek(long address, Span<byte> destination)
    {
        lock (_gate)
        {
            while (!destination.IsEmpty)
            {
                int at = (int)(address % SectorSize);
                int piece = Math.Min(destination.Length, SectorSize - at);
                if (_sectors.TryGetValue(address / SectorSize, out byte[]? sector))
                {
                    sector.AsSpan(at, piece).CopyTo(destination);
                }
                else
                {
                    destination[..piece].Fill(Erased);
                }

                destination = destination[piece..];
                address += piece;
            }
        }
    }

    /// <summary>
    /// The array, erase counts and operation count as they are now. Storage is shared copy-on-write, so a snapshot
    /// costs one dictionary copy however much of the chip is written.
    /// </summary>
    public NorChipSnapshot Snapshot()
    {
        lock (_gate)
        {
            _sharedSectors.UnionWith(_sectors.Keys);
            return new NorChipSnapshot(new Dictionary<long, byte[]>(_sectors), new Dictionary<long, int>(_eraseCounts), _operationCount);
        }
    }

    /// <summary>
    /// Puts the snapshot's array, erase counts and operation count back, in the power-on state (volatile bits cleared,
    /// faults disarmed). The operation log is cleared.
    /// </summary>
    public void Restore(NorChipSnapshot snapshot)
    {
        lock (_gate)
        {
            _sectors.Clear();
            _sharedSectors.Clear();
            foreach (var (index, storage) in snapshot.Sectors)
            {
                _sectors[index] = storage;
                _sharedSectors.Add(index);
            }

            _eraseCounts.Clear();
            foreach (var (index, count) in snapshot.EraseCounts)
            {
                _eraseCounts[index] = count;
            }

            _operationCount = snapshot.OperationCount;
            _operations.Clear();
            _readFlips.Clear();
            _powered = true;
            ResetVolatileState();
            _cutAtOperation = null;
            StuckBusy = false;
        }
    }

    /// <summary>Writes the array directly, byte values as given (no NOR rules): for preloading a state.</summary>
    public void Poke(long address, ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            for (int i = 0; i < data.Length; i++)
            {
                Set(address + i, data[i]);
            }
        }
    }

    /// <summary>How many times the 4 KiB sector holding <paramref name="address"/> was erased (wholly or partly).</summary>
    public int EraseCount(long address)
    {
        lock (_gate)
        {
            return _eraseCounts.GetValueOrDefault(address / SectorSize);
        }
    }

    public void Transfer(byte[] buffer, int offset, int count)
    {
        lock (_gate)
        {
            if (!_powered)
            {
                throw new PowerLossException("the flash chip has no power");
            }

            Clock.Advance(TransferOverheadMicroseconds + (count * 8L * 1_000_000 + BusClockHz - 1) / BusClockHz);
            if (count == 0)
            {
                return;
            }

            // The bytes clocked in (MOSI) are decoded; the bytes clocked out (MISO) replace them in the buffer.
            if (_mosi.Length < count)
            {
                _mosi = new byte[count];
            }

            Span<byte> frame = buffer.AsSpan(offset, count);
            frame.CopyTo(_mosi);
            byte opcode = frame[0];
            frame.Fill(Erased);
            bool resetWasEnabled = _resetEnabled;
            _resetEnabled = false;
            if (_deepPowerDown)
            {
                if (opcode == 0xAB)
                {
                    _deepPowerDown = false;
                }

                return;
            }

            if (IsBusy())
            {
                if (opcode == 0x05)
                {
                    frame[1..].Fill(Status());
                }

                return;
            }

            Execute(opcode, _mosi.AsSpan(0, count), frame, resetWasEnabled);
        }
    }

    private void Execute(byte opcode, ReadOnlySpan<byte> mosi, Span<byte> frame, bool resetWasEnabled)
    {
        switch (opcode)
        {
            case 0x05:
                frame[1..].Fill(Status());
                break;
            case 0x15 when Profile.HasFourByteMode:
                frame[1..].Fill((byte)(_fourByteMode ? 0x20 : 0x00));
                break;
            case 0x06:
                _writeEnabled = true;
                break;
            case 0x04:
                _writeEnabled = false;
                break;
            case 0x9F:
                for (int i = 1; i < frame.Length; i++)
                {
                    frame[i] = i <= 3 ? Profile.JedecId[i - 1] : (byte)0;
                }

                break;
            case 0x5A:
                ReadSfdp(mosi, frame);
                break;
            case 0x03:
                ReadArray(mosi, frame, _fourByteMode ? 4 : 3, 0);
                break;
            case 0x0B:
                ReadArray(mosi, frame, _fourByteMode ? 4 : 3, 1);
                break;
            case 0x13 when Profile.HasFourByteOpcodes:
                ReadArray(mosi, frame, 4, 0);
                break;
            case 0x0C when Profile.HasFourByteOpcodes:
                ReadArray(mosi, frame, 4, 1);
                break;
            case 0x02:
                Program(mosi, _fourByteMode ? 4 : 3);
                break;
            case 0x12 when Profile.HasFourByteOpcodes:
                Program(mosi, 4);
                break;
            case 0x20:
                Erase(mosi, _fourByteMode ? 4 : 3, 4096, Profile.Erase4K);
                break;
            case 0x52:
                Erase(mosi, _fourByteMode ? 4 : 3, 32768, Profile.Erase32K);
                break;
            case 0xD8:
                Erase(mosi, _fourByteMode ? 4 : 3, 65536, Profile.Erase64K);
                break;
            case 0x21 when Profile.HasFourByteOpcodes:
                Erase(mosi, 4, 4096, Profile.Erase4K);
                break;
            case 0x5C when Profile.HasFourByteOpcodes:
                Erase(mosi, 4, 32768, Profile.Erase32K);
                break;
            case 0xDC when Profile.HasFourByteOpcodes:
                Erase(mosi, 4, 65536, Profile.Erase64K);
                break;
            case 0x60 or 0xC7:
                ChipErase();
                break;
            case 0xB7 when Profile.HasFourByteMode:
                _fourByteMode = true;
                break;
            case 0xE9 when Profile.HasFourByteMode:
                _fourByteMode = false;
                break;
            case 0x66:
                _resetEnabled = true;
                break;
            case 0x99 when resetWasEnabled:
                ResetVolatileState();
                break;
            case 0xB9:
                _deepPowerDown = true;
                break;
            default:
                break; // unknown or unsupported instruction: ignored, as the chip would
        }
    }

    private void ResetVolatileState()
    {
        _writeEnabled = false;
        _fourByteMode = false;
        _deepPowerDown = false;
        _resetEnabled = false;
        _busyUntil = 0;
    }

    private bool IsBusy()
    {
        if (_busyUntil == 0)
        {
            return false;
        }

        if (Clock.NowMicroseconds < _busyUntil)
        {
            return true;
        }

        _busyUntil = 0;
        _writeEnabled = false; // WEL clears when the program or erase completes
        return false;
    }

    private byte Status() => (byte)((IsBusy() ? 0x01 : 0x00) | (_writeEnabled ? 0x02 : 0x00));

    private static bool TryAddress(ReadOnlySpan<byte> frame, int addressBytes, out long address)
    {
        address = 0;
        if (frame.Length < 1 + addressBytes)
        {
            return false;
        }

        for (int i = 0; i < addressBytes; i++)
        {
            address = (address << 8) | frame[1 + i];
        }

        return true;
    }

    private void ReadSfdp(ReadOnlySpan<byte> mosi, Span<byte> frame)
    {
        if (!TryAddress(mosi, 3, out long address))
        {
            return;
        }

        for (int i = 5; i < frame.Length; i++)
        {
            long at = address + i - 5;
            frame[i] = at < _sfdp.Length ? _sfdp[at] : Erased;
        }
    }

    private void ReadArray(ReadOnlySpan<byte> mosi, Span<byte> frame, int addressBytes, int dummyBytes)
    {
        if (!TryAddress(mosi, addressBytes, out long address))
        {
            return;
        }

        int data = 1 + addressBytes + dummyBytes;
        for (int i = data; i < frame.Length; i++)
        {
            long at = (address + i - data) % Profile.Size;
            byte value = Get(at);
            if (_readFlips.TryGetValue(at, out var flip))
            {
                value ^= flip.Mask;
                if (flip.Remaining <= 1)
                {
                    _readFlips.Remove(at);
                }
                else
                {
                    _readFlips[at] = (flip.Mask, flip.Remaining - 1);
                }
            }

            frame[i] = value;
        }
    }

    private void Program(ReadOnlySpan<byte> frame, int addressBytes)
    {
        int header = 1 + addressBytes;
        if (!_writeEnabled || !TryAddress(frame, addressBytes, out long address) || frame.Length <= header)
        {
            return;
        }

        // The page buffer: data beyond the page end wraps to the page start; later bytes overwrite earlier ones.
        int pageSize = Profile.PageSize;
        long pageStart = address % Profile.Size & ~(long)(pageSize - 1);
        int column = (int)(address % pageSize);
        Array.Fill(_pageLatch, Erased);
        int dataLength = frame.Length - header;
        for (int i = 0; i < dataLength; i++)
        {
            _pageLatch[(column + i) % pageSize] = frame[header + i];
        }

        int touched = Math.Min(dataLength, pageSize);
        int applied = Accept(NorOperationKind.Program, address, touched, Profile.PageProgram, out bool cut);
        for (int i = 0; i < touched; i++)
        {
            int at = (column + i) % pageSize;
            long target = pageStart + at;
            if (i < applied)
            {
                Set(target, (byte)(Get(target) & _pageLatch[at]));
            }
            else if (i == applied && cut)
            {
                // The byte being programmed when power failed: only some of its bits made it.
                Set(target, (byte)(Get(target) & (_pageLatch[at] | 0xF0)));
            }
        }

        ThrowIfCut(cut);
    }

    private void Erase(ReadOnlySpan<byte> frame, int addressBytes, int size, NorTiming timing)
    {
        if (!_writeEnabled || !TryAddress(frame, addressBytes, out long address))
        {
            return;
        }

        long start = address % Profile.Size & ~(long)(size - 1);
        EraseRange(start, size, timing);
    }

    private void ChipErase()
    {
        if (_writeEnabled)
        {
            EraseRange(0, (int)Math.Min(Profile.Size, int.MaxValue), Profile.ChipErase);
        }
    }

    private void EraseRange(long start, int size, NorTiming timing)
    {
        int applied = Accept(NorOperationKind.Erase, start, size, timing, out bool cut);
        for (long sector = start / SectorSize; sector * SectorSize < start + Math.Max(applied, cut ? 1 : 0); sector++)
        {
            _eraseCounts[sector] = _eraseCounts.GetValueOrDefault(sector) + 1;
        }

        if (applied == size && start % SectorSize == 0 && size % SectorSize == 0)
        {
            // Sectors keep their storage once touched: erasing and rewriting a slot allocates nothing.
            for (long sector = start / SectorSize; sector < (start + size) / SectorSize; sector++)
            {
                if (_sharedSectors.Remove(sector))
                {
                    _sectors.Remove(sector); // a snapshot still holds the old content; absent reads as erased
                }
                else if (_sectors.TryGetValue(sector, out byte[]? storage))
                {
                    Array.Fill(storage, Erased);
                }
            }
        }
        else
        {
            for (long i = 0; i < applied; i++)
            {
                Set(start + i, Erased);
            }

            if (cut && applied < size)
            {
                Set(start + applied, (byte)(Get(start + applied) | 0x0F)); // half-erased byte
            }
        }

        ThrowIfCut(cut);
    }

    // Registers an accepted program/erase: logs it, sets the busy time, and tells how many of its bytes take effect
    // (all of them, or a part when the power cut planned for this operation happens now).
    private int Accept(NorOperationKind kind, long address, int length, NorTiming timing, out bool cut)
    {
        int number = ++_operationCount;
        if (KeepOperationLog)
        {
            _operations.Add(new NorOperation(number, kind, address, length, Clock.NowMicroseconds));
        }

        cut = _cutAtOperation == number;
        if (cut)
        {
            return (int)(length * _cutCompleted);
        }

        long duration = UseMaximumTimes ? timing.MaximumMicroseconds : timing.TypicalMicroseconds;
        _busyUntil = StuckBusy ? long.MaxValue : Clock.NowMicroseconds + Math.Max(duration, 1);
        return length;
    }

    private void ThrowIfCut(bool cut)
    {
        if (!cut)
        {
            return;
        }

        _cutAtOperation = null;
        _powered = false;
        throw new PowerLossException($"power cut during flash operation {_operationCount}");
    }

    private byte Get(long address) =>
        _sectors.TryGetValue(address / SectorSize, out var sector) ? sector[address % SectorSize] : Erased;

    private void Set(long address, byte value)
    {
        long index = address / SectorSize;
        if (_sectors.TryGetValue(index, out var sector) && _sharedSectors.Remove(index))
        {
            sector = (byte[])sector.Clone();
            _sectors[index] = sector;
        }
        else if (sector is null)
        {
            if (value == Erased)
            {
                return;
            }

            sector = new byte[SectorSize];
            Array.Fill(sector, Erased);
            _sectors[index] = sector;
        }

        sector[address % SectorSize] = value;
    }
}
