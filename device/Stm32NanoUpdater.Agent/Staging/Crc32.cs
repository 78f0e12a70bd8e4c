namespace Stm32NanoUpdater.Agent.Staging
{
    /// <summary>
    /// CRC-32 as the update contract defines it (IEEE 802.3 / zlib: reflected polynomial 0xEDB88320, initial value and
    /// final XOR 0xFFFFFFFF). Table-driven; the table is built once, 1 KiB.
    /// </summary>
    public static class Crc32
    {
        private static uint[] s_table;

        public static uint Compute(byte[] buffer, int offset, int count)
        {
            return Finish(Update(Start, buffer, offset, count));
        }

        /// <summary>The running value to start an incremental computation with.</summary>
        public const uint Start = 0xFFFFFFFF;

        public static uint Update(uint running, byte[] buffer, int offset, int count)
        {
            uint[] table = Table();
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                running = table[(running ^ buffer[i]) & 0xFF] ^ (running >> 8);
            }

            return running;
        }

        public static uint Finish(uint running)
        {
            return running ^ 0xFFFFFFFF;
        }

        private static uint[] Table()
        {
            if (s_table == null)
            {
                uint[] table = new uint[256];
                for (uint n = 0; n < 256; n++)
                {
                    uint c = n;
                    for (int k = 0; k < 8; k++)
                    {
                        c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                    }

                    table[n] = c;
                }

                s_table = table;
            }

            return s_table;
        }
    }
}
