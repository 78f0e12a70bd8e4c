namespace Stm32NanoUpdater.Simulation.Mcu;

/// <summary>
/// How long the STM32F76x flash takes to program and erase (x32 parallelism, 2.7–3.6 V), typical values. The word
/// program time is the datasheet's 16 µs; the sector erase times are DESIGN §5's figures (32 KB ≈ 0.5 s,
/// 128 KB ≈ 1 s, 256 KB ≈ 2 s), which could not be re-checked against DS11532 from here.
/// </summary>
public sealed record InternalFlashTimings
{
    public long WordProgramMicroseconds { get; init; } = 16;

    public long Erase32KMicroseconds { get; init; } = 500_000;

    public long Erase128KMicroseconds { get; init; } = 1_000_000;

    public long Erase256KMicroseconds { get; init; } = 2_000_000;

    public static InternalFlashTimings Typical { get; } = new();

    public long EraseMicroseconds(int sectorSize) => sectorSize switch
    {
        <= 32 * 1024 => Erase32KMicroseconds,
        <= 128 * 1024 => Erase128KMicroseconds,
        _ => Erase256KMicroseconds,
    };

    public long ProgramMicroseconds(int bytes) => (bytes + 3) / 4 * WordProgramMicroseconds;
}
