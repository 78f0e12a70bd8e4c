namespace Stm32NanoUpdater.Simulation.Images;

/// <summary>
/// nanoFramework's SUPPORT_ComputeCRC, the CRC its assembly headers carry: CRC-32 with the 0x04C11DB7 polynomial,
/// most significant bit first, the caller's seed (0 for assemblies), no reflection and no final XOR.
/// </summary>
public static class NanoFrameworkCrc
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data, uint seed = 0)
    {
        uint crc = seed;
        foreach (byte b in data)
        {
            crc = (crc << 8) ^ Table[(crc >> 24) ^ b];
        }

        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint c = i << 24;
            for (int bit = 0; bit < 8; bit++)
            {
                c = (c & 0x80000000u) != 0 ? (c << 1) ^ 0x04C11DB7u : c << 1;
            }

            table[i] = c;
        }

        return table;
    }
}
