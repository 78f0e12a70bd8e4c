using Stm32NanoUpdater.Simulation.Nor;
using Stm32NanoUpdater.Simulation.Power;
using Stm32NanoUpdater.Simulation.Time;

namespace Stm32NanoUpdater.Simulation.Mcu;

/// <summary>
/// The internal flash of an STM32F765/767/769 in single-bank mode (RM0410): 2 MiB at 0x08000000 in sectors S0–S11
/// (4 × 32 KB, 1 × 128 KB, 7 × 256 KB). Programming works on 32-bit words (x32 parallelism), inside one sector, and only
/// clears bits (RM: "successive write operations are possible without erase when changing bits from 1 to 0"); erasing
/// sets a whole sector to 0xFF. Both take their datasheet time on the board's <see cref="VirtualClock"/> (the CPU waits
/// on BSY). Reads are free. Faults: the supply fails just before operation N or halfway through it (a torn program:
/// half the words, one of them with only some bits cleared; a torn erase: the first half erased, then a stretch of
/// undefined bytes, the rest untouched), after which every access throws <see cref="PowerLossException"/> until
/// <see cref="PowerOn"/>.
/// </summary>
public sealed class Stm32F76xFlash
{
    public const uint BaseAddress = 0x08000000;
    public const int Size = 2 * 1024 * 1024;
    private const byte Erased = 0xFF;
    private const int TornEraseStretch = 1024;

    private static readonly FlashSector[] SectorMap = BuildSectorMap();

    private readonly object _gate = new();
    private byte[][] _sectors;
    private readonly bool[] _shared;
    private int[] _eraseCounts;
    private InternalFlashCounters _counters;
    private bool _powered = true;
    private PowerCut? _armedCut;

    /// <summary>A flash fresh from the factory: every sector erased.</summary>
    public Stm32F76xFlash(VirtualClock clock, InternalFlashTimings? timings = null)
    {
        Clock = clock;
        Timings = timings ?? InternalFlashTimings.Typical;
        _sectors = SectorMap.Select(s => Filled(s.Size)).ToArray();
        _shared = new bool[SectorMap.Length];
        _eraseCounts = new int[SectorMap.Length];
    }

    /// <summary>A flash in a snapshot's state (content shared copy-on-write).</summary>
    public Stm32F76xFlash(VirtualClock clock, InternalFlashSnapshot snapshot, InternalFlashTimings? timings = null)
    {
        Clock = clock;
        Timings = timings ?? InternalFlashTimings.Typical;
        _sectors = (byte[][])snapshot.Sectors.Clone();
        _shared = new bool[SectorMap.Length];
        Array.Fill(_shared, true);
        _eraseCounts = (int[])snapshot.EraseCounts.Clone();
        _counters = snapshot.Counters;
    }

    /// <summary>S0–S11 in address order.</summary>
    public static IReadOnlyList<FlashSector> Sectors => SectorMap;

    public VirtualClock Clock { get; }

    public InternalFlashTimings Timings { get; }

    /// <summary>Called when a planned cut happens here, before the exception: the board takes its supply away.</summary>
    public Action? PowerFailed { get; set; }

    public bool IsPowered
    {
        get { lock (_gate) { return _powered; } }
    }

    public InternalFlashCounters Counters
    {
        get { lock (_gate) { return _counters; } }
    }

    public static FlashSector SectorAt(uint address) =>
        SectorMap.FirstOrDefault(s => s.Contains(address)) ??
        throw new ArgumentOutOfRangeException(nameof(address), $"0x{address:X8} is not in the internal flash");

    public int EraseCount(int sectorNumber)
    {
        lock (_gate)
        {
            return _eraseCounts[sectorNumber];
        }
    }

    /// <summary>Plans a supply failure at operation <see cref="PowerCut.Operation"/> (the domain must be internal).</summary>
    public void ArmCut(PowerCut cut)
    {
        if (cut.Domain != FlashDomain.Internal || cut.Operation < 1)
        {
            throw new ArgumentException("not a cut of the internal flash", nameof(cut));
        }

        lock (_gate)
        {
            _armedCut = cut;
        }
    }

    public void PowerOff()
    {
        lock (_gate)
        {
            _powered = false;
        }
    }

    /// <summary>Supply back: the array keeps its content, a planned cut is disarmed.</summary>
    public void PowerOn()
    {
        lock (_gate)
        {
            _powered = true;
            _armedCut = null;
        }
    }

    public void Read(uint address, Span<byte> destination)
    {
        lock (_gate)
        {
            ThrowIfUnpowered();
            CopyOut(address, destination);
        }
    }

    /// <summary>Programs whole words inside one sector; the target bits can only go from 1 to 0.</summary>
    public void Program(uint address, ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            ThrowIfUnpowered();
            FlashSector sector = SectorAt(address);
            if (address % 4 != 0 || data.Length % 4 != 0 || data.Length == 0 || address + (uint)data.Length > sector.End)
            {
                throw new InvalidOperationException(
                    $"program of {data.Length} bytes at 0x{address:X8}: not whole 32-bit words inside sector {sector.Number} (PGAERR)");
            }

            CutMoment? cut = BeginOperation();
            if (cut == CutMoment.Before)
            {
                ThrowIfCut(cut);
            }

            byte[] storage = Owned(sector.Number);
            int start = (int)(address - sector.Address);
            int applied = cut == CutMoment.Middle ? data.Length / 8 * 4 : data.Length;
            for (int i = 0; i < applied; i++)
            {
                storage[start + i] &= data[i];
            }

            if (cut == CutMoment.Middle)
            {
                for (int i = applied; i < applied + 4; i++)
                {
                    storage[start + i] &= (byte)(data[i] | 0xF0); // the word being written when power failed: some bits only
                }
            }

            _counters = _counters with { Programs = _counters.Programs + 1, BytesProgrammed = _counters.BytesProgrammed + applied };
            Clock.Advance(Timings.ProgramMicroseconds(applied));
            ThrowIfCut(cut);
        }
    }

    /// <summary>Erases the sector that starts at <paramref name="sectorAddress"/>.</summary>
    public void EraseSector(uint sectorAddress)
    {
        lock (_gate)
        {
            ThrowIfUnpowered();
            FlashSector sector = SectorAt(sectorAddress);
            if (sector.Address != sectorAddress)
            {
                throw new InvalidOperationException($"0x{sectorAddress:X8} is not the start of sector {sector.Number}");
            }

            CutMoment? cut = BeginOperation();
            if (cut == CutMoment.Before)
            {
                ThrowIfCut(cut);
            }

            _counters = _counters with { Erases = _counters.Erases + 1 };
            _eraseCounts[sector.Number]++;
            if (cut == CutMoment.Middle)
            {
                TearErase(sector);
                Clock.Advance(Timings.EraseMicroseconds(sector.Size) / 2);
                ThrowIfCut(cut);
            }

            _shared[sector.Number] = false;
            _sectors[sector.Number] = Filled(sector.Size);
            Clock.Advance(Timings.EraseMicroseconds(sector.Size));
        }
    }

    /// <summary>Reads without power or time (an inspection, not a device access).</summary>
    public byte[] Peek(uint address, int length)
    {
        var data = new byte[length];
        lock (_gate)
        {
            CopyOut(address, data);
        }

        return data;
    }

    /// <summary>True when the flash holds exactly <paramref name="expected"/> at <paramref name="address"/> (no time, no power needed).</summary>
    public bool Holds(uint address, ReadOnlySpan<byte> expected)
    {
        lock (_gate)
        {
            SectorPiece piece;
            for (int offset = 0; offset < expected.Length; offset += piece.Length)
            {
                piece = PieceAt(address, offset, expected.Length);
                if (!_sectors[piece.Sector].AsSpan(piece.At, piece.Length).SequenceEqual(expected.Slice(offset, piece.Length)))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>True when [address, address + length) is all 0xFF.</summary>
    public bool IsErased(uint address, int length)
    {
        lock (_gate)
        {
            SectorPiece piece;
            for (int offset = 0; offset < length; offset += piece.Length)
            {
                piece = PieceAt(address, offset, length);
                if (_sectors[piece.Sector].AsSpan(piece.At, piece.Length).ContainsAnyExcept(Erased))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// Writes bytes as a programmer over ST-LINK would after a mass erase (factory state): no NOR rules, no time, no
    /// counted operation.
    /// </summary>
    public void Load(uint address, ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            SectorPiece piece;
            for (int offset = 0; offset < data.Length; offset += piece.Length)
            {
                piece = PieceAt(address, offset, data.Length);
                data.Slice(offset, piece.Length).CopyTo(Owned(piece.Sector).AsSpan(piece.At));
            }
        }
    }

    public InternalFlashSnapshot Snapshot()
    {
        lock (_gate)
        {
            Array.Fill(_shared, true);
            return new InternalFlashSnapshot((byte[][])_sectors.Clone(), (int[])_eraseCounts.Clone(), _counters);
        }
    }

    /// <summary>Takes the snapshot's content and counters (the array stays shared until written).</summary>
    public void Restore(InternalFlashSnapshot snapshot)
    {
        lock (_gate)
        {
            _sectors = (byte[][])snapshot.Sectors.Clone();
            Array.Fill(_shared, true);
            _eraseCounts = (int[])snapshot.EraseCounts.Clone();
            _counters = snapshot.Counters;
        }
    }

    private static FlashSector[] BuildSectorMap()
    {
        var sectors = new List<FlashSector>();
        uint address = BaseAddress;
        int[] sizes = [32, 32, 32, 32, 128, 256, 256, 256, 256, 256, 256, 256];
        foreach (int kib in sizes)
        {
            sectors.Add(new FlashSector(sectors.Count, address, kib * 1024));
            address += (uint)(kib * 1024);
        }

        return [.. sectors];
    }

    private static byte[] Filled(int size)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, Erased);
        return bytes;
    }

    private void CopyOut(uint address, Span<byte> destination)
    {
        SectorPiece piece;
        for (int offset = 0; offset < destination.Length; offset += piece.Length)
        {
            piece = PieceAt(address, offset, destination.Length);
            _sectors[piece.Sector].AsSpan(piece.At, piece.Length).CopyTo(destination[offset..]);
        }
    }

    /// <summary>
    /// The piece of [address, address + length) that starts at <paramref name="offset"/> and ends at the range's end or
    /// its sector's, whichever comes first: the sector, the piece's offset in it, and its length.
    /// </summary>
    private static SectorPiece PieceAt(uint address, int offset, int length)
    {
        FlashSector sector = SectorAt(address + (uint)offset);
        int at = (int)(address + (uint)offset - sector.Address);
        return new SectorPiece(sector.Number, at, Math.Min(length - offset, sector.Size - at));
    }

    private readonly record struct SectorPiece(int Sector, int At, int Length);

    private byte[] Owned(int sectorNumber)
    {
        if (_shared[sectorNumber])
        {
            _sectors[sectorNumber] = (byte[])_sectors[sectorNumber].Clone();
            _shared[sectorNumber] = false;
        }

        return _sectors[sectorNumber];
    }

    // Counts the operation; returns when the planned cut strikes it, null when it runs whole.
    private CutMoment? BeginOperation()
    {
        _counters = _counters with { Operations = _counters.Operations + 1 };
        if (_armedCut is { } cut && cut.Operation == _counters.Operations)
        {
            _armedCut = null;
            return cut.Moment;
        }

        return null;
    }

    private void TearErase(FlashSector sector)
    {
        byte[] storage = Owned(sector.Number);
        int half = sector.Size / 2;
        Array.Fill(storage, Erased, 0, half);
        uint noise = sector.Address ^ 0x9E3779B9u;
        for (int i = half; i < half + TornEraseStretch; i++)
        {
            noise = noise * 1664525u + 1013904223u;
            storage[i] |= (byte)(noise >> 24); // cells on their way to 1: some bits set, none cleared
        }
    }

    private void ThrowIfCut(CutMoment? cut)
    {
        if (cut is null)
        {
            return;
        }

        _powered = false;
        PowerFailed?.Invoke();
        throw new PowerLossException($"power cut during internal flash operation {_counters.Operations}");
    }

    private void ThrowIfUnpowered()
    {
        if (!_powered)
        {
            throw new PowerLossException("the MCU has no power");
        }
    }
}
