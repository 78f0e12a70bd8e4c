using System.Buffers.Binary;
using System.Text;

namespace Stm32NanoUpdater.Simulation.Images;

/// <summary>
/// A synthetic nanoFramework assembly (.pe) that passes the checks nanoCLR's deployment scan and the swap stage's
/// can-run rule make: the 1.x CLR_RECORD_ASSEMBLY header (marker "NFMRK1", 124 bytes: header CRC over the header with
/// its CRC field zeroed, assembly CRC over everything after the header, string table version 1, the table offsets ending
/// at TBL_EndOfAssembly = the assembly's size), then a string table with the assembly's name and filler for the other
/// tables. Layout from nf-interpreter's nanoCLR_Types.h.
/// </summary>
public static class NanoFrameworkAssembly
{
    public const int HeaderSize = 124;
    private const int TableCount = 16; // TBL_AssemblyRef ... TBL_EndOfAssembly (1.x)
    private const int StringsTable = 11;
    private const int HeaderCrcAt = 8;
    private const int AssemblyCrcAt = 12;

    /// <summary>
    /// Builds an assembly of <paramref name="size"/> bytes (a multiple of 4, at least 256) named <paramref name="name"/>
    /// whose contents are fixed by <paramref name="contentSeed"/>.
    /// </summary>
    public static byte[] Build(string name, Version version, int size, string contentSeed)
    {
        if (size % 4 != 0 || size < 256)
        {
            throw new ArgumentOutOfRangeException(nameof(size), "an assembly here is a multiple of 4 bytes, at least 256");
        }

        var pe = new byte[size];
        DeterministicBytes.Fill(pe.AsSpan(HeaderSize), contentSeed);
        Span<byte> header = pe.AsSpan(0, HeaderSize);
        header.Clear();
        Encoding.ASCII.GetBytes("NFMRK1").CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], 0); // nativeMethodsChecksum
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], 0xFFFFFFFF); // patchEntryOffset: none
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], (ushort)version.Major);
        BinaryPrimitives.WriteUInt16LittleEndian(header[30..], (ushort)version.Minor);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], (ushort)Math.Max(0, version.Build));
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], (ushort)Math.Max(0, version.Revision));
        BinaryPrimitives.WriteUInt16LittleEndian(header[36..], 0); // assemblyName: string 0
        BinaryPrimitives.WriteUInt16LittleEndian(header[38..], 1); // stringTableVersion

        // Tables in order, each starting on a 4-byte boundary: the string table (the name) early, the rest filler.
        byte[] nameBytes = Encoding.UTF8.GetBytes(name + "\0");
        int body = size - HeaderSize;
        int offset = HeaderSize;
        for (int table = 0; table < TableCount - 1; table++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(40 + 4 * table)..], (uint)offset);
            if (table == StringsTable)
            {
                nameBytes.CopyTo(pe, offset);
                offset += (nameBytes.Length + 3) & ~3;
            }
            else
            {
                offset += body / TableCount & ~3;
            }
        }

        BinaryPrimitives.WriteUInt32LittleEndian(header[(40 + 4 * (TableCount - 1))..], (uint)size); // TBL_EndOfAssembly
        BinaryPrimitives.WriteUInt32LittleEndian(header[AssemblyCrcAt..], NanoFrameworkCrc.Compute(pe.AsSpan(HeaderSize)));
        BinaryPrimitives.WriteUInt32LittleEndian(header[HeaderCrcAt..], NanoFrameworkCrc.Compute(header));
        return pe;
    }
}
