using System.Runtime.InteropServices;

namespace Stm32NanoUpdater.Simulation.Native;

/// <summary>The exported functions of libnu_swap_stage (nu_swap_stage.h), built by Native/CMakeLists.txt.</summary>
internal static unsafe partial class SwapStageInterop
{
    private const string Library = "nu_swap_stage";

    public const int Ok = 0;
    public const int ErrorHal = -1;
    public const int ErrorArgument = -2;
    public const int ErrorVerify = -3;
    public const int ErrorSource = -4;
    public const int ErrorJournal = -5;
    public const int ErrorInvalid = -6;

    [LibraryImport(Library, EntryPoint = "nu_swap_stage_abi_version")]
    public static partial uint AbiVersion();

    [LibraryImport(Library, EntryPoint = "nu_platform_init_stm32f769_w25q128")]
    public static partial void PlatformInitStm32F769W25Q128(NuPlatform* platform);

    [LibraryImport(Library, EntryPoint = "nu_platform_check")]
    public static partial int PlatformCheck(NuFlashHal* hal, NuPlatform* platform);

    [LibraryImport(Library, EntryPoint = "nu_swap_stage_run")]
    public static partial int Run(NuFlashHal* hal, NuPlatform* platform, NuReport* report);

    [LibraryImport(Library, EntryPoint = "nu_region_can_run")]
    public static partial int RegionCanRun(NuFlashHal* hal, NuPlatform* platform, uint kind);

    [LibraryImport(Library, EntryPoint = "nu_request_set_decode")]
    public static partial int RequestSetDecode(byte* trailer, byte* companion);

    [LibraryImport(Library, EntryPoint = "nu_record_read")]
    public static partial int RecordRead(NuFlashHal* hal, NuPlatform* platform, uint kind, NuImageInfo* info);

    [LibraryImport(Library, EntryPoint = "nu_journal_last_result")]
    public static partial int JournalLastResult(NuFlashHal* hal, NuPlatform* platform, uint kind, NuJournalRecord* record);
}
