namespace Stm32NanoUpdater.Simulation.Nor;

/// <summary>
/// What a NOR part is, as its datasheet says: identity, geometry, instruction set and operation times. The SFDP table
/// the model serves is generated from these facts (<see cref="SfdpImage"/>), so the driver discovers the same values.
/// </summary>
public sealed record NorChipProfile
{
    public required string Name { get; init; }

    public required byte[] JedecId { get; init; }

    public required long Size { get; init; }

    public int PageSize { get; init; } = 256;

    public required NorTiming PageProgram { get; init; }

    public required NorTiming Erase4K { get; init; }

    public required NorTiming Erase32K { get; init; }

    public required NorTiming Erase64K { get; init; }

    public required NorTiming ChipErase { get; init; }

    /// <summary>Supports B7h/E9h (enter/exit 4-byte address mode).</summary>
    public bool HasFourByteMode { get; init; }

    /// <summary>Supports the dedicated 4-byte opcodes (13h, 0Ch, 12h, 21h, 5Ch, DCh).</summary>
    public bool HasFourByteOpcodes { get; init; }

    /// <summary>Lists the 4-byte opcodes in an SFDP 4-Byte Address Instruction Table.</summary>
    public bool PublishesFourByteTable { get; init; }

    /// <summary>
    /// Winbond W25Q128JV-IQ/JQ (16 MiB, 3-byte addresses). Times: datasheet rev. F, "AC Electrical Characteristics"
    /// (tPP 0.4/3 ms, tSE 45/400 ms, tBE1 120/1600 ms, tBE2 150/2000 ms, tCE 40/200 s).
    /// </summary>
    public static NorChipProfile W25Q128JV { get; } = new()
    {
        Name = "W25Q128JV",
        JedecId = [0xEF, 0x40, 0x18],
        Size = 16L * 1024 * 1024,
        PageProgram = NorTiming.Milliseconds(0.4, 3),
        Erase4K = NorTiming.Milliseconds(45, 400),
        Erase32K = NorTiming.Milliseconds(120, 1600),
        Erase64K = NorTiming.Milliseconds(150, 2000),
        ChipErase = NorTiming.Milliseconds(40_000, 200_000),
    };

    /// <summary>
    /// Macronix MX25L51245G (64 MiB, 3-byte mode after power-up, B7h to enter 4-byte mode, and 4-byte opcodes listed in
    /// SFDP). Times as taken from the datasheet's erase and programming performance table (tPP 0.25/3 ms, tSE 30/400 ms,
    /// tBE32 150/1000 ms, tBE 280/2000 ms, tCE 150/300 s); check them against the datasheet revision you build for.
    /// </summary>
    public static NorChipProfile MX25L51245G { get; } = new()
    {
        Name = "MX25L51245G",
        JedecId = [0xC2, 0x20, 0x1A],
        Size = 64L * 1024 * 1024,
        PageProgram = NorTiming.Milliseconds(0.25, 3),
        Erase4K = NorTiming.Milliseconds(30, 400),
        Erase32K = NorTiming.Milliseconds(150, 1000),
        Erase64K = NorTiming.Milliseconds(280, 2000),
        ChipErase = NorTiming.Milliseconds(150_000, 300_000),
        HasFourByteMode = true,
        HasFourByteOpcodes = true,
        PublishesFourByteTable = true,
    };
}
