namespace Stm32NanoUpdater.Simulation.Images;

/// <summary>
/// Reproducible filler standing in for compiled code: the same seed gives the same bytes on every run and machine
/// (xorshift64*), so a sample image is identical wherever it is built and two different seeds differ everywhere.
/// </summary>
public static class DeterministicBytes
{
    public static void Fill(Span<byte> target, string seed)
    {
        ulong state = 0xCBF29CE484222325UL;
        foreach (char c in seed)
        {
            state = (state ^ c) * 0x100000001B3UL;
        }

        state |= 1;
        for (int i = 0; i < target.Length; i++)
        {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            target[i] = (byte)((state * 0x2545F4914F6CDD1DUL) >> 56);
        }
    }
}
