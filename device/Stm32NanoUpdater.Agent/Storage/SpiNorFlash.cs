using System;
using Stm32NanoUpdater.Agent.Platform;

namespace Stm32NanoUpdater.Agent.Storage
{
    /// <summary>
    /// SPI NOR driver: wakes and resets the chip, reads its JEDEC ID and SFDP tables, then reads, programs (split at
    /// page boundaries) and erases (fastest mix of the chip's erase sizes) with write-enable checks and busy polling
    /// bounded by the chip's own maximum times. One buffer of page size + 5 bytes, allocated once.
    /// </summary>
    public sealed class SpiNorFlash : IFlash, ISfdpSource
    {
        // Page program polls back to back (typically 0.2-0.7 ms); erases sleep between polls (tens of ms and more).
        private const int ProgramPollSleepMilliseconds = 0;
        private const int ErasePollSleepMilliseconds = 1;
        private const int ResetRecoveryMilliseconds = 1;
        private const int UnknownBusyTimeoutMilliseconds = 3000;

        private readonly ISpiBus _bus;
        private readonly IClock _clock;
        private readonly byte[] _jedecId = new byte[3];
        private byte[] _frame;
        private NorParameters _parameters;

        /// <summary>Finds the chip on <paramref name="bus"/> and learns how to drive it; throws <see cref="FlashException"/>.</summary>
        public SpiNorFlash(ISpiBus bus, IClock clock)
        {
            _bus = bus;
            _clock = clock;
            _frame = new byte[5 + 256];
            SendCommand(NorOpcodes.ReleasePowerDown);
            _clock.Sleep(ResetRecoveryMilliseconds);
            if (!TryReadJedecId())
            {
                // A chip still busy with an erase started before the MCU reset answers nothing but its status.
                try
                {
                    WaitReady(UnknownBusyTimeoutMilliseconds, ErasePollSleepMilliseconds);
                }
                catch (FlashException)
                {
                    throw new FlashException("no SPI NOR chip answers on the bus (or it stays busy)");
                }

                if (!TryReadJedecId())
                {
                    throw new FlashException("no SPI NOR chip answers on the bus");
                }
            }

            WakeAndReset(UnknownBusyTimeoutMilliseconds, true);
            _parameters = SfdpParser.Parse(this);
            if (_parameters.PageSize + 5 > _frame.Length)
            {
                _frame = new byte[_parameters.PageSize + 5];
            }

            ApplyAddressMode();
        }

        /// <summary>Manufacturer, memory type and capacity bytes (e.g. EF 40 18 for a W25Q128JV).</summary>
        public byte[] JedecId
        {
            get { return _jedecId; }
        }

        public NorParameters Parameters
        {
            get { return _parameters; }
        }

        public int Size
        {
            get { return _parameters.Size; }
        }

        public int EraseUnit
        {
            get { return _parameters.EraseUnit; }
        }

        /// <summary>Brings the chip back to its power-on state (wake, wait for a running operation, soft reset).</summary>
        public void Reset()
        {
            WakeAndReset(_parameters.EraseTypes[_parameters.EraseTypes.Length - 1].MaximumMilliseconds, _parameters.SoftResetSupported);
            ApplyAddressMode();
        }

        public void Read(int address, byte[] buffer, int offset, int count)
        {
            CheckRange(address, count);
            ReadInFrames(_parameters.ReadOpcode, _parameters.AddressBytes, 0, address, buffer, offset, count);
        }

        public void Program(int address, byte[] buffer, int offset, int count)
        {
            CheckRange(address, count);
            int header = 1 + _parameters.AddressBytes;
            int pageSize = _parameters.PageSize;
            while (count > 0)
            {
                int roomInPage = pageSize - (address & (pageSize - 1));
                int piece = count < roomInPage ? count : roomInPage;
                EnableWrite();
                PutCommand(_parameters.ProgramOpcode, address);
                Array.Copy(buffer, offset, _frame, header, piece);
                _bus.Transfer(_frame, 0, header + piece);
                WaitReady(_parameters.PageProgramTimeoutMilliseconds, ProgramPollSleepMilliseconds);
                address += piece;
                offset += piece;
                count -= piece;
            }
        }

        public void Erase(int address, int length)
        {
            int unit = _parameters.EraseUnit;
            if (address % unit != 0 || length % unit != 0)
            {
                throw new ArgumentException("erase range not aligned to the erase unit");
            }

            CheckRange(address, length);
            int end = address + length;
            while (address < end)
            {
                EraseType type = FastestEraseAt(address, end);
                EnableWrite();
                PutCommand(type.Opcode, address);
                _bus.Transfer(_frame, 0, 1 + _parameters.AddressBytes);
                WaitReady(type.MaximumMilliseconds, ErasePollSleepMilliseconds);
                address += type.Size;
            }
        }

        void ISfdpSource.ReadSfdp(int address, byte[] buffer, int offset, int count)
        {
            // 5Ah, always 3 address bytes, 8 dummy clocks
            ReadInFrames(NorOpcodes.ReadSfdp, 3, 1, address, buffer, offset, count);
        }

        // One read instruction per frame: opcode, address, dummy bytes (sent as zeros), then the data clocked in.
        private void ReadInFrames(byte opcode, int addressBytes, int dummyBytes, int address, byte[] buffer, int offset, int count)
        {
            int header = 1 + addressBytes + dummyBytes;
            int capacity = _frame.Length - header;
            while (count > 0)
            {
                int piece = count < capacity ? count : capacity;
                PutCommand(opcode, address, addressBytes);
                Array.Clear(_frame, 1 + addressBytes, dummyBytes + piece);
                _bus.Transfer(_frame, 0, header + piece);
                Array.Copy(_frame, header, buffer, offset, piece);
                address += piece;
                offset += piece;
                count -= piece;
            }
        }

        // Among the erase instructions whose aligned block at 'address' lies inside the range, the one with the least
        // typical time per byte. The smallest unit always qualifies because the range is unit-aligned.
        private EraseType FastestEraseAt(int address, int end)
        {
            EraseType[] types = _parameters.EraseTypes;
            EraseType best = types[0];
            for (int i = 1; i < types.Length; i++)
            {
                EraseType candidate = types[i];
                bool fits = address % candidate.Size == 0 && end - address >= candidate.Size;
                if (fits && (long)candidate.TypicalMilliseconds * best.Size < (long)best.TypicalMilliseconds * candidate.Size)
                {
                    best = candidate;
                }
            }

            return best;
        }

        private void WakeAndReset(int busyTimeoutMilliseconds, bool softReset)
        {
            SendCommand(NorOpcodes.ReleasePowerDown);
            _clock.Sleep(ResetRecoveryMilliseconds);

            // An MCU reset does not stop an erase the chip already started; a soft reset during one could corrupt it.
            WaitReady(busyTimeoutMilliseconds, ErasePollSleepMilliseconds);
            if (softReset)
            {
                SendCommand(NorOpcodes.ResetEnable);
                SendCommand(NorOpcodes.Reset);
                _clock.Sleep(ResetRecoveryMilliseconds);
            }
        }

        // False when the bus reads all zeros or all ones: no chip, or one that does not answer yet.
        private bool TryReadJedecId()
        {
            _frame[0] = NorOpcodes.ReadJedecId;
            _frame[1] = 0;
            _frame[2] = 0;
            _frame[3] = 0;
            _bus.Transfer(_frame, 0, 4);
            Array.Copy(_frame, 1, _jedecId, 0, 3);
            bool allZero = _jedecId[0] == 0 && _jedecId[1] == 0 && _jedecId[2] == 0;
            bool allOne = _jedecId[0] == 0xFF && _jedecId[1] == 0xFF && _jedecId[2] == 0xFF;
            return !allZero && !allOne;
        }

        private void ApplyAddressMode()
        {
            if (_parameters.EnterFourByteMode)
            {
                if (_parameters.EnterFourByteNeedsWriteEnable)
                {
                    EnableWrite();
                }

                SendCommand(NorOpcodes.Enter4ByteMode);
            }
        }

        private void EnableWrite()
        {
            SendCommand(NorOpcodes.WriteEnable);
            if ((ReadStatus() & NorOpcodes.StatusWriteEnabled) == 0)
            {
                throw new FlashException("the chip did not latch write enable (write protected?)");
            }
        }

        private void WaitReady(int timeoutMilliseconds, int pollSleepMilliseconds)
        {
            long deadline = _clock.NowMilliseconds + timeoutMilliseconds;
            while ((ReadStatus() & NorOpcodes.StatusBusy) != 0)
            {
                if (_clock.NowMilliseconds > deadline)
                {
                    throw new FlashException("the chip stayed busy past its maximum operation time");
                }

                _clock.Sleep(pollSleepMilliseconds);
            }
        }

        private int ReadStatus()
        {
            _frame[0] = NorOpcodes.ReadStatus;
            _frame[1] = 0;
            _bus.Transfer(_frame, 0, 2);
            return _frame[1];
        }

        private void SendCommand(byte opcode)
        {
            _frame[0] = opcode;
            _bus.Transfer(_frame, 0, 1);
        }

        private void PutCommand(byte opcode, int address)
        {
            PutCommand(opcode, address, _parameters.AddressBytes);
        }

        private void PutCommand(byte opcode, int address, int addressBytes)
        {
            _frame[0] = opcode;
            int at = 1;
            if (addressBytes == 4)
            {
                _frame[at++] = (byte)(address >> 24);
            }

            _frame[at++] = (byte)(address >> 16);
            _frame[at++] = (byte)(address >> 8);
            _frame[at] = (byte)address;
        }

        private void CheckRange(int address, int count)
        {
            if (address < 0 || count < 0 || address > _parameters.Size - count)
            {
                throw new ArgumentOutOfRangeException("address");
            }
        }
    }
}
