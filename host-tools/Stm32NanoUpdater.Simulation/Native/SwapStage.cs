using System.Runtime.InteropServices;
using Stm32NanoUpdater.Agent.Staging;

namespace Stm32NanoUpdater.Simulation.Native;

/// <summary>
/// The native swap stage (libnu_swap_stage, the same C nanoBooter runs) with the contract's STM32F769 + W25Q128JV
/// platform and the trusted key hashes of one simulated product. The platform lives in native memory for the stage's
/// lifetime and is only read by C, so one instance serves many boards on many threads.
/// </summary>
public sealed unsafe class SwapStage : IDisposable
{
    /// <summary>The ABI this binding was written against (NU_SWAP_STAGE_ABI_VERSION).</summary>
    public const uint ExpectedAbiVersion = 2;

    private NuPlatform* _platform;
    private byte* _keyHashes;

    public SwapStage(IReadOnlyList<byte[]> trustedKeyHashes)
    {
        uint abi = AbiVersion;
        if (abi != ExpectedAbiVersion)
        {
            throw new InvalidOperationException($"libnu_swap_stage has ABI {abi}, this simulator was built for {ExpectedAbiVersion}");
        }

        _platform = (NuPlatform*)NativeMemory.AllocZeroed((nuint)sizeof(NuPlatform));
        SwapStageInterop.PlatformInitStm32F769W25Q128(_platform);
        if (trustedKeyHashes.Count > 0)
        {
            _keyHashes = (byte*)NativeMemory.Alloc((nuint)(32 * trustedKeyHashes.Count));
            for (int i = 0; i < trustedKeyHashes.Count; i++)
            {
                if (trustedKeyHashes[i].Length != 32)
                {
                    throw new ArgumentException("a key hash is 32 bytes", nameof(trustedKeyHashes));
                }

                trustedKeyHashes[i].CopyTo(new Span<byte>(_keyHashes + 32 * i, 32));
            }
        }

        _platform->TrustedKeyHashes = _keyHashes;
        _platform->TrustedKeyHashCount = (uint)trustedKeyHashes.Count;
    }

    /// <summary>nu_swap_stage_abi_version() of the loaded library.</summary>
    public static uint AbiVersion => SwapStageInterop.AbiVersion();

    /// <summary>The region layout the native platform description holds for a kind (checked against the C# layout).</summary>
    public (uint Address, uint Size, uint StagingOffset, uint BackupOffset, uint SlotSize) Region(ImageKind kind)
    {
        NuRegionLayout region = kind == ImageKind.NanoClr ? Platform->NanoClr : Platform->Deployment;
        return (region.RegionAddress, region.RegionSize, region.StagingOffset, region.BackupOffset, region.SlotSize);
    }

    /// <summary>
    /// One boot's run of the stage. A simulated power loss (or any other exception) inside a HAL callback stops the stage
    /// and is rethrown here, after the native call returned.
    /// </summary>
    public StageRunReport Run(StageFlashBinding flash)
    {
        NuFlashHal hal = flash.Hal;
        NuReport report;
        if (SwapStageInterop.PlatformCheck(&hal, Platform) != SwapStageInterop.Ok)
        {
            // nu_swap_stage_run relies on this check instead of repeating it (a booter's HAL and platform are fixed)
            throw new InvalidOperationException("the native stage refused this HAL and platform (nu_platform_check)");
        }

        SwapStageInterop.Run(&hal, Platform, &report);
        flash.ThrowIfFaulted();
        return StageRunReport.From(report);
    }

    /// <summary>The contract's "can run" rule for a kind's region (vector table, assembly chain).</summary>
    public bool RegionCanRun(StageFlashBinding flash, ImageKind kind)
    {
        NuFlashHal hal = flash.Hal;
        int result = SwapStageInterop.RegionCanRun(&hal, Platform, (uint)kind);
        flash.ThrowIfFaulted();
        return Checked(result, "nu_region_can_run") == 1;
    }

    /// <summary>The installed record of a kind: 0 absent, 1 TEST pending, 2 confirmed (NU_RECORD_*).</summary>
    public int ReadRecord(StageFlashBinding flash, ImageKind kind, out StagedImageInfo? info)
    {
        NuFlashHal hal = flash.Hal;
        NuImageInfo native;
        int result = SwapStageInterop.RecordRead(&hal, Platform, (uint)kind, &native);
        flash.ThrowIfFaulted();
        Checked(result, "nu_record_read");
        info = result != 0 ? StagedImageInfo.From(native) : null;
        return result;
    }

    /// <summary>
    /// The request a staging trailer (its last 48 bytes) carries as the stage sees it, given the other kind's staging
    /// trailer (a tagged request needs its companion): 0 none, 1 TEST, 2 PERMANENT.
    /// </summary>
    public static int DecodeRequest(ReadOnlySpan<byte> trailer, ReadOnlySpan<byte> companion)
    {
        if (trailer.Length != 48 || companion.Length != 48)
        {
            throw new ArgumentException("a trailer is 48 bytes");
        }

        fixed (byte* bytes = trailer)
        fixed (byte* other = companion)
        {
            return SwapStageInterop.RequestSetDecode(bytes, other);
        }
    }

    /// <summary>The newest terminal journal record of a kind (type, arg0: "the result of the last attempt"), or null.</summary>
    public (int Type, uint Argument)? LastResult(StageFlashBinding flash, ImageKind kind)
    {
        NuFlashHal hal = flash.Hal;
        NuJournalRecord record;
        int result = SwapStageInterop.JournalLastResult(&hal, Platform, (uint)kind, &record);
        flash.ThrowIfFaulted();
        return Checked(result, "nu_journal_last_result") == 1 ? (record.Type, record.Arg0) : null;
    }

    public void Dispose()
    {
        NativeMemory.Free(_keyHashes);
        NativeMemory.Free(_platform);
        _keyHashes = null;
        _platform = null;
    }

    private NuPlatform* Platform
    {
        get
        {
            ObjectDisposedException.ThrowIf(_platform == null, this);
            return _platform;
        }
    }

    private static int Checked(int result, string function) =>
        result >= 0 ? result : throw new InvalidOperationException($"{function} failed with {result}");
}
