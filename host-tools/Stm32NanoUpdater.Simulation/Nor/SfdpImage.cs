using System.Buffers.Binary;

namespace Stm32NanoUpdater.Simulation.Nor;

/// <summary>
/// Builds a JESD216B SFDP space for a profile: the SFDP header, a 16-DWORD Basic Flash Parameter Table (density,
/// address bytes, the 4/32/64 KiB erase types with their times, page size and program time, 4-byte entry and soft
/// reset methods) and, when the part publishes one, the 4-Byte Address Instruction Table. Fields no driver here reads
/// (fast-read modes, suspend, quad enable) hold plausible constants.
/// </summary>
public static class SfdpImage
{
    private const int BasicTableAddress = 0x30;
    private const int BasicTableDwords = 16;
    private const int FourByteTableAddress = BasicTableAddress + 4 * BasicTableDwords;

    public static byte[] Build(NorChipProfile profile)
    {
        int headers = profile.PublishesFourByteTable ? 2 : 1;
        var sfdp = new byte[FourByteTableAddress + (profile.PublishesFourByteTable ? 8 : 0)];
        sfdp.AsSpan().Fill(0xFF);
        "SFDP"u8.CopyTo(sfdp);
        sfdp[4] = 6; // JESD216B: revision 1.6
        sfdp[5] = 1;
        sfdp[6] = (byte)(headers - 1);
        sfdp[7] = 0xFF;
        WriteParameterHeader(sfdp, 8, 0xFF00, BasicTableDwords, BasicTableAddress);
        if (profile.PublishesFourByteTable)
        {
            WriteParameterHeader(sfdp, 16, 0xFF84, 2, FourByteTableAddress);
        }

        uint[] basic = BasicTable(profile);
        for (int i = 0; i < basic.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(sfdp.AsSpan(BasicTableAddress + 4 * i), basic[i]);
        }

        if (profile.PublishesFourByteTable)
        {
            // DWORD 1: READ 13h, FAST_READ 0Ch, PP 12h, erase types 1-3; DWORD 2: their 4-byte erase opcodes.
            BinaryPrimitives.WriteUInt32LittleEndian(sfdp.AsSpan(FourByteTableAddress), 0x0000_0E43);
            BinaryPrimitives.WriteUInt32LittleEndian(sfdp.AsSpan(FourByteTableAddress + 4), 0xFFDC_5C21);
        }

        return sfdp;
    }

    private static void WriteParameterHeader(byte[] sfdp, int at, int id, int dwords, int pointer)
    {
        sfdp[at] = (byte)id;
        sfdp[at + 1] = 6;
        sfdp[at + 2] = 1;
        sfdp[at + 3] = (byte)dwords;
        sfdp[at + 4] = (byte)pointer;
        sfdp[at + 5] = (byte)(pointer >> 8);
        sfdp[at + 6] = (byte)(pointer >> 16);
        sfdp[at + 7] = (byte)(id >> 8);
    }

    private static uint[] BasicTable(NorChipProfile profile)
    {
        var dw = new uint[BasicTableDwords];
        uint addressMode = profile.Size > 16L * 1024 * 1024 ? 1u : 0u; // 0: 3-byte only, 1: 3- or 4-byte
        dw[0] = 0xFFF1_20E5 | (addressMode << 17);
        dw[1] = (uint)(profile.Size * 8 - 1);
        dw[2] = 0x6B08_EB44;
        dw[3] = 0xBB42_3B08;
        dw[4] = 0xFFFF_FFFE;
        dw[5] = 0xFF00_FFFF;
        dw[6] = 0xEB44_FFFF;
        dw[7] = 0x520F_200C; // erase type 1: 4 KiB 20h, type 2: 32 KiB 52h
        dw[8] = 0xFF00_D810; // erase type 3: 64 KiB D8h, type 4: none

        NorTiming[] erases = [profile.Erase4K, profile.Erase32K, profile.Erase64K];
        int eraseFactor = MaximumFactor(erases);
        uint dw10 = (uint)(eraseFactor / 2 - 1);
        for (int i = 0; i < erases.Length; i++)
        {
            dw10 |= EncodeEraseTime(erases[i].TypicalMicroseconds / 1000) << (4 + 7 * i);
        }

        dw[9] = dw10;
        dw[10] = PageTimingDword(profile);
        dw[11] = 0xE99D_FFFF; // suspend/resume: not described
        dw[12] = 0x307A_7A7A;
        dw[13] = 0xF7A2_D55C; // deep power down B9h / release ABh
        dw[14] = 0x00F6_5619;
        uint enterFourByte = profile.HasFourByteMode ? 0x01u : 0u;    // B7h, no write enable
        uint exitFourByte = profile.HasFourByteMode ? 0x001u : 0u;    // E9h
        const uint softReset = 0x10;                                  // 66h then 99h
        dw[15] = (enterFourByte << 24) | (exitFourByte << 14) | (softReset << 8) | 0x70;
        return dw;
    }

    // DWORD 11: page size, page program typical time and the program maximum factor, chip erase typical time.
    private static uint PageTimingDword(NorChipProfile profile)
    {
        int pageExponent = (int)Math.Log2(profile.PageSize);
        long typical = profile.PageProgram.TypicalMicroseconds;
        bool coarse = typical > 32 * 8;
        long unit = coarse ? 64 : 8;
        uint count = (uint)Math.Clamp((typical + unit - 1) / unit, 1, 32) - 1;
        int factor = MaximumFactor([profile.PageProgram]);
        long chipSeconds = profile.ChipErase.TypicalMicroseconds / 1_000_000;
        uint chipCount = (uint)Math.Clamp((chipSeconds + 3) / 4, 1, 32) - 1; // units of 4 s
        return (uint)(factor / 2 - 1)
            | ((uint)pageExponent << 4)
            | (count << 8)
            | (coarse ? 1u << 13 : 0u)
            | (0x2u << 14) | (0x1u << 19) // byte program times: not used
            | (chipCount << 24)
            | (0x2u << 29);
    }

    // The one typical-to-maximum factor 2 * (N + 1) that covers every listed maximum.
    private static int MaximumFactor(NorTiming[] timings)
    {
        double needed = timings.Max(t => (double)t.MaximumMicroseconds / t.TypicalMicroseconds);
        int n = Math.Clamp((int)Math.Ceiling(needed / 2) - 1, 0, 15);
        return 2 * (n + 1);
    }

    // A 7-bit erase time: 5-bit count (value + 1) in the smallest unit of 1 ms, 16 ms, 128 ms, 1 s that fits.
    private static uint EncodeEraseTime(long milliseconds)
    {
        long[] units = [1, 16, 128, 1000];
        for (uint u = 0; u < units.Length; u++)
        {
            long count = (milliseconds + units[u] - 1) / units[u];
            if (count <= 32)
            {
                return (uint)(Math.Max(count, 1) - 1) | (u << 5);
            }
        }

        throw new ArgumentOutOfRangeException(nameof(milliseconds), "erase time beyond what SFDP can express");
    }
}
