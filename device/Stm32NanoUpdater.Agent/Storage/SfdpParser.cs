using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Agent.Storage
{
    /// <summary>
    /// Decodes JESD216 SFDP: the SFDP header, the Basic Flash Parameter Table (density, address bytes, erase types and
    /// times, page size and program time, 4-byte entry and soft reset methods) and, when present, the 4-Byte Address
    /// Instruction Table. Fields added by later JESD216 revisions are used when the table is long enough.
    /// </summary>
    public static class SfdpParser
    {
        private const uint SfdpSignature = 0x50444653; // "SFDP"
        private const int BasicTableId = 0xFF00;
        private const int FourByteInstructionTableId = 0xFF84;
        private const int MaxParameterHeaders = 16;
        private const int MaxBasicDwords = 20;
        private const int SixteenMiB = 16 * 1024 * 1024;

        public static NorParameters Parse(ISfdpSource source)
        {
            byte[] header = new byte[8];
            source.ReadSfdp(0, header, 0, 8);
            if (LittleEndian.ReadUInt32(header, 0) != SfdpSignature)
            {
                throw new FlashException("the chip has no SFDP table");
            }

            int headerCount = header[6] + 1;
            if (headerCount > MaxParameterHeaders)
            {
                headerCount = MaxParameterHeaders;
            }

            byte[] parameterHeaders = new byte[8 * headerCount];
            source.ReadSfdp(8, parameterHeaders, 0, parameterHeaders.Length);

            byte[] basic = null;
            byte[] fourByte = null;
            for (int i = 0; i < headerCount; i++)
            {
                int at = 8 * i;
                int id = (parameterHeaders[at + 7] << 8) | parameterHeaders[at];
                int dwords = parameterHeaders[at + 3];
                int pointer = parameterHeaders[at + 4] | (parameterHeaders[at + 5] << 8) | (parameterHeaders[at + 6] << 16);
                if (id == BasicTableId && basic == null)
                {
                    basic = ReadTable(source, pointer, dwords < MaxBasicDwords ? dwords : MaxBasicDwords);
                }
                else if (id == FourByteInstructionTableId && fourByte == null && dwords >= 2)
                {
                    fourByte = ReadTable(source, pointer, 2);
                }
            }

            if (basic == null || basic.Length < 9 * 4)
            {
                throw new FlashException("the SFDP basic flash parameter table is missing or too short");
            }

            return Decode(basic, fourByte);
        }

        private static byte[] ReadTable(ISfdpSource source, int pointer, int dwords)
        {
            byte[] table = new byte[dwords * 4];
            source.ReadSfdp(pointer, table, 0, table.Length);
            return table;
        }

        private static uint Dword(byte[] table, int number)
        {
            return LittleEndian.ReadUInt32(table, (number - 1) * 4);
        }

        private static bool Has(byte[] table, int number)
        {
            return table.Length >= number * 4;
        }

        private static NorParameters Decode(byte[] basic, byte[] fourByte)
        {
            uint dw1 = Dword(basic, 1);
            int size = DecodeDensity(Dword(basic, 2));
            int addressMode = (int)((dw1 >> 17) & 0x3);
            bool needsFourBytes = size > SixteenMiB || addressMode == 2;

            int pageSize = 256;
            int pageProgramTimeout = 5;
            if (Has(basic, 11))
            {
                uint dw11 = Dword(basic, 11);
                pageSize = 1 << (int)((dw11 >> 4) & 0xF);
                int typicalMicroseconds = (int)(((dw11 >> 8) & 0x1F) + 1) * ((dw11 & (1u << 13)) != 0 ? 64 : 8);
                int factor = 2 * (int)((dw11 & 0xF) + 1);
                pageProgramTimeout = (typicalMicroseconds * factor + 999) / 1000;
            }

            EraseType[] byIndex = DecodeEraseTypes(basic, dw1);

            bool enterNeedsWriteEnable = false;
            bool softReset = false;
            bool canEnterFourByte = false;
            if (Has(basic, 16))
            {
                uint dw16 = Dword(basic, 16);
                uint enter = (dw16 >> 24) & 0xFF;
                canEnterFourByte = (enter & 0x3) != 0;
                enterNeedsWriteEnable = (enter & 0x1) == 0;
                softReset = ((dw16 >> 8) & 0x10) != 0;
            }

            if (!needsFourBytes)
            {
                return new NorParameters(size, pageSize, 3, false, false, NorOpcodes.Read, NorOpcodes.PageProgram,
                    pageProgramTimeout, SortBySize(byIndex), softReset);
            }

            EraseType[] fourByteErases = fourByte == null ? null : FourByteEraseTypes(fourByte, byIndex);
            if (fourByteErases != null)
            {
                return new NorParameters(size, pageSize, 4, false, false, NorOpcodes.Read4Byte, NorOpcodes.PageProgram4Byte,
                    pageProgramTimeout, SortBySize(fourByteErases), softReset);
            }

            if (addressMode == 2 || (addressMode == 1 && canEnterFourByte))
            {
                return new NorParameters(size, pageSize, 4, addressMode == 1, enterNeedsWriteEnable, NorOpcodes.Read,
                    NorOpcodes.PageProgram, pageProgramTimeout, SortBySize(byIndex), softReset);
            }

            throw new FlashException("the chip needs 4-byte addresses but describes no way to use them");
        }

        private static int DecodeDensity(uint dw2)
        {
            long bits = (dw2 & 0x80000000) != 0 ? 1L << (int)(dw2 & 0x7FFFFFFF) : (long)dw2 + 1;
            long bytes = bits / 8;
            if (bytes <= 0 || bytes > 0x40000000)
            {
                throw new FlashException("the SFDP density is out of range");
            }

            return (int)bytes;
        }

        // The four BFPT erase types by their index (null where a type is not defined).
        private static EraseType[] DecodeEraseTypes(byte[] basic, uint dw1)
        {
            EraseType[] byIndex = new EraseType[4];
            bool any = false;
            uint dw10 = Has(basic, 10) ? Dword(basic, 10) : 0;
            for (int index = 0; index < 4; index++)
            {
                uint word = Dword(basic, 8 + index / 2) >> (16 * (index % 2));
                int exponent = (int)(word & 0xFF);
                if (exponent == 0 || exponent > 30)
                {
                    continue;
                }

                int size = 1 << exponent;
                int typical;
                int maximum;
                if (dw10 != 0)
                {
                    typical = DecodeEraseTime(dw10, index);
                    maximum = typical * 2 * (int)((dw10 & 0xF) + 1);
                }
                else
                {
                    maximum = DefaultEraseMaximum(size);
                    typical = maximum / 8;
                }

                byIndex[index] = new EraseType(size, (byte)((word >> 8) & 0xFF), typical, maximum);
                any = true;
            }

            // JESD216 before any erase type was filled in: the 4 KiB erase of DWORD 1.
            if (!any && (dw1 & 0x3) == 0x1)
            {
                int maximum = DefaultEraseMaximum(4096);
                byIndex[0] = new EraseType(4096, (byte)((dw1 >> 8) & 0xFF), maximum / 8, maximum);
                any = true;
            }

            if (!any)
            {
                throw new FlashException("the SFDP table lists no erase instruction");
            }

            return byIndex;
        }

        private static int DecodeEraseTime(uint dw10, int index)
        {
            int shift = 4 + 7 * index;
            int count = (int)((dw10 >> shift) & 0x1F) + 1;
            switch ((dw10 >> (shift + 5)) & 0x3)
            {
                case 0:
                    return count;
                case 1:
                    return count * 16;
                case 2:
                    return count * 128;
                default:
                    return count * 1000;
            }
        }

        // Without erase times in the table (JESD216 before revision A), assume the slow end of common parts.
        private static int DefaultEraseMaximum(int size)
        {
            if (size <= 4096)
            {
                return 400;
            }

            return size <= 32768 ? 1600 : 3000;
        }

        // The erase types with their 4-byte opcodes (same index as in the BFPT), or null when the 4-Byte Address
        // Instruction Table lacks the 4-byte read (13h) or page program (12h).
        private static EraseType[] FourByteEraseTypes(byte[] table, EraseType[] byIndex)
        {
            uint support = Dword(table, 1);
            uint opcodes = Dword(table, 2);
            if ((support & 0x1) == 0 || (support & 0x40) == 0)
            {
                return null;
            }

            EraseType[] result = new EraseType[4];
            bool any = false;
            for (int index = 0; index < 4; index++)
            {
                EraseType standard = byIndex[index];
                if (standard != null && (support & (1u << (9 + index))) != 0)
                {
                    byte opcode = (byte)(opcodes >> (8 * index));
                    result[index] = new EraseType(standard.Size, opcode, standard.TypicalMilliseconds, standard.MaximumMilliseconds);
                    any = true;
                }
            }

            return any ? result : null;
        }

        private static EraseType[] SortBySize(EraseType[] byIndex)
        {
            int count = 0;
            for (int i = 0; i < byIndex.Length; i++)
            {
                if (byIndex[i] != null)
                {
                    count++;
                }
            }

            EraseType[] sorted = new EraseType[count];
            int filled = 0;
            for (int i = 0; i < byIndex.Length; i++)
            {
                EraseType next = byIndex[i];
                if (next == null)
                {
                    continue;
                }

                int at = filled++;
                while (at > 0 && sorted[at - 1].Size > next.Size)
                {
                    sorted[at] = sorted[at - 1];
                    at--;
                }

                sorted[at] = next;
            }

            return sorted;
        }
    }
}
