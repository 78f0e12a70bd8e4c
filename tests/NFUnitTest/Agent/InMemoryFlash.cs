using System;
using Stm32NanoUpdater.Agent.Storage;

namespace NFUnitTest.Agent
{
    /// <summary>
    /// NOR flash in RAM with NOR rules (program clears bits, erase sets 4 KiB sectors to 0xFF), allocated sector by
    /// sector on first write so a 16 MiB layout fits a device's heap. Counts programs and erases.
    /// </summary>
    public sealed class InMemoryFlash : IFlash
    {
        private const int SectorSize = 4096;
        private readonly byte[][] _sectors;

        public InMemoryFlash(int size)
        {
            Size = size;
            _sectors = new byte[size / SectorSize][];
        }

        public int Size { get; }

        public int EraseUnit
        {
            get { return SectorSize; }
        }

        public int Programs { get; private set; }

        public int Erases { get; private set; }

        public void Read(int address, byte[] buffer, int offset, int count)
        {
            CheckRange(address, count);
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = Get(address + i);
            }
        }

        public void Program(int address, byte[] buffer, int offset, int count)
        {
            CheckRange(address, count);
            Programs++;
            for (int i = 0; i < count; i++)
            {
                Set(address + i, (byte)(Get(address + i) & buffer[offset + i]));
            }
        }

        public void Erase(int address, int length)
        {
            if (address % SectorSize != 0 || length % SectorSize != 0)
            {
                throw new ArgumentException("erase range not aligned to the erase unit");
            }

            CheckRange(address, length);
            Erases++;
            for (int sector = address / SectorSize; sector < (address + length) / SectorSize; sector++)
            {
                _sectors[sector] = null;
            }
        }

        /// <summary>Writes bytes as given, ignoring NOR rules: sets up a state a test starts from.</summary>
        public void Poke(int address, byte[] bytes)
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                Set(address + i, bytes[i]);
            }
        }

        public byte[] Peek(int address, int count)
        {
            byte[] bytes = new byte[count];
            Read(address, bytes, 0, count);
            return bytes;
        }

        private byte Get(int address)
        {
            byte[] sector = _sectors[address / SectorSize];
            return sector == null ? (byte)0xFF : sector[address % SectorSize];
        }

        private void Set(int address, byte value)
        {
            byte[] sector = _sectors[address / SectorSize];
            if (sector == null)
            {
                if (value == 0xFF)
                {
                    return;
                }

                sector = new byte[SectorSize];
                for (int i = 0; i < SectorSize; i++)
                {
                    sector[i] = 0xFF;
                }

                _sectors[address / SectorSize] = sector;
            }

            sector[address % SectorSize] = value;
        }

        private void CheckRange(int address, int count)
        {
            if (address < 0 || count < 0 || address > Size - count)
            {
                throw new ArgumentOutOfRangeException("address");
            }
        }
    }
}
