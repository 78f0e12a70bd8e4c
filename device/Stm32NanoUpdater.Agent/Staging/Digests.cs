namespace Stm32NanoUpdater.Agent.Staging
{
    /// <summary>Comparison of digests and digest prefixes.</summary>
    public static class Digests
    {
        /// <summary>True when bytes[offset, offset + expected.Length) equal <paramref name="expected"/>.</summary>
        public static bool Equal(byte[] bytes, int offset, byte[] expected)
        {
            if (bytes == null || expected == null || offset < 0 || bytes.Length - offset < expected.Length)
            {
                return false;
            }

            for (int i = 0; i < expected.Length; i++)
            {
                if (bytes[offset + i] != expected[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when both arrays hold the same bytes.</summary>
        public static bool Equal(byte[] a, byte[] b)
        {
            return a != null && b != null && a.Length == b.Length && Equal(a, 0, b);
        }
    }
}
