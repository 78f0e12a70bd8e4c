using System.Buffers.Binary;
using System.Text;

namespace Stm32NanoUpdater.Simulation.Images;

/// <summary>
/// A stand-in nanoCLR firmware binary for the F769 region at 0x08010000: a plausible Cortex-M7 vector table (initial
/// stack pointer in SRAM, reset and exception handlers inside the region with the Thumb bit, the F76x's 110 interrupt
/// vectors), a build banner, and filler for the code. Two builds with different versions differ in every sector, as
/// two real compilations do.
/// </summary>
public static class SyntheticNanoClr
{
    public const uint RegionStart = 0x08010000;
    public const uint InitialStackPointer = 0x2007C000;
    private const int VectorCount = 16 + 110;

    public static byte[] Build(string version, int size)
    {
        if (size % 4 != 0 || size < 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(size), "a nanoCLR image here is a multiple of 4 bytes, at least 4 KiB");
        }

        var binary = new byte[size];
        DeterministicBytes.Fill(binary, "nanoCLR " + version);
        Span<byte> vectors = binary.AsSpan(0, VectorCount * 4);
        BinaryPrimitives.WriteUInt32LittleEndian(vectors, InitialStackPointer);
        uint code = RegionStart + (uint)vectors.Length + 0x100;
        for (int i = 1; i < VectorCount; i++)
        {
            uint handler = code + (uint)(i == 1 ? 0 : 0x40 + 8 * i);
            BinaryPrimitives.WriteUInt32LittleEndian(vectors[(4 * i)..], handler | 1);
        }

        byte[] banner = Encoding.ASCII.GetBytes($"nanoCLR {version} ST_STM32F769I_DISCOVERY_UPDATER (simulated build)\0");
        banner.CopyTo(binary, vectors.Length);
        return binary;
    }
}
