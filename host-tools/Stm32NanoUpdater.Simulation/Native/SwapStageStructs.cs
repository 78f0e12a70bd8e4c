using System.Runtime.InteropServices;

namespace Stm32NanoUpdater.Simulation.Native;

// The structs of nf-targets/swap-stage/include/nu_swap_stage.h (ABI 1), field for field. Natural alignment on both
// sides gives the same layout; the interop tests check the C side writes exactly these bytes and no more.

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NuFlashHal
{
    public nint Context;
    public delegate* unmanaged<nint, uint, byte*, uint, int> InternalRead;
    public delegate* unmanaged<nint, uint, byte*, uint, int> InternalProgram;
    public delegate* unmanaged<nint, uint, int> InternalEraseSector;
    public delegate* unmanaged<nint, uint, byte*, uint, int> NorRead;
    public delegate* unmanaged<nint, uint, byte*, uint, int> NorProgram;
    public delegate* unmanaged<nint, uint, uint, int> NorErase;
}

[StructLayout(LayoutKind.Sequential)]
internal struct NuRegionLayout
{
    public uint RegionAddress;
    public uint RegionSize;
    public uint RecordOffset;
    public uint StagingOffset;
    public uint BackupOffset;
    public uint SlotSize;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NuPlatform
{
    public nint Sectors;
    public uint SectorCount;
    public NuRegionLayout NanoClr;
    public NuRegionLayout Deployment;
    public fixed uint JournalOffsets[2];
    public uint SramStart;
    public uint SramEnd;
    public byte* TrustedKeyHashes;
    public uint TrustedKeyHashCount;
    public byte* TrustedP256Keys;
    public uint TrustedP256KeyCount;
}

[StructLayout(LayoutKind.Sequential)]
internal struct NuKindReport
{
    public uint Actions;
    public byte InstallMode;
    public byte InstallSource;
    public byte RejectReason;
    public byte CanRun;
    public uint SectorsErased;
    public uint SectorsSkipped;
}

[StructLayout(LayoutKind.Sequential)]
internal struct NuReport
{
    public int Status;
    public int HalError;
    public NuKindReport NanoClr;
    public NuKindReport Deployment;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NuImageInfo
{
    public uint LoadAddress;
    public uint HeaderSize;
    public uint ProtectedTlvSize;
    public uint ImageSize;
    public uint TlvSize;
    public uint Flags;
    public byte VersionMajor;
    public byte VersionMinor;
    public ushort VersionRevision;
    public uint VersionBuild;
    public uint SecurityCounter;
    public byte HasSecurityCounter;
    public byte HasKeyHash;
    public byte HasSignature;
    public byte Reserved;
    public fixed byte Sha256[32];
    public fixed byte KeyHash[32];
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NuJournalRecord
{
    public byte Type;
    public byte Kind;
    public ushort Reserved;
    public uint Arg0;
    public uint Arg1;
    public fixed byte Digest[16];
}
