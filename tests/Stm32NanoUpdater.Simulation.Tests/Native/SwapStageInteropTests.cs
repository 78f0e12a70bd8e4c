using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Image;
using Stm32NanoUpdater.Simulation.Device;
using Stm32NanoUpdater.Simulation.Images;
using Stm32NanoUpdater.Simulation.Mcu;
using Stm32NanoUpdater.Simulation.Native;
using Stm32NanoUpdater.Simulation.Nor;
using Stm32NanoUpdater.Simulation.Power;
using Stm32NanoUpdater.Simulation.Tests.Infrastructure;

namespace Stm32NanoUpdater.Simulation.Tests.Native;

/// <summary>The P/Invoke binding of libnu_swap_stage: ABI, struct layouts, HAL callbacks and their failures.</summary>
public sealed unsafe class SwapStageInteropTests(SmallEnvironment fixture) : IClassFixture<SmallEnvironment>
{
    private readonly SimulationEnvironment _environment = fixture.Environment;

    [Fact]
    public void The_library_speaks_the_abi_this_binding_was_written_for()
    {
        Assert.Equal(SwapStage.ExpectedAbiVersion, SwapStage.AbiVersion);
    }

    [Fact]
    public void The_platform_check_the_run_relies_on_accepts_ours_and_refuses_a_bad_layout_or_a_missing_callback()
    {
        var board = FactoryBoard();
        using var binding = new StageFlashBinding(board.InternalFlash, new SpiNorFlash(board.NorBus, board.Clock));
        NuFlashHal hal = binding.Hal;
        NuPlatform platform;
        SwapStageInterop.PlatformInitStm32F769W25Q128(&platform);
        Assert.Equal(SwapStageInterop.Ok, SwapStageInterop.PlatformCheck(&hal, &platform));

        NuPlatform smallSlot = platform;
        smallSlot.Deployment.SlotSize = 0x100000; // the 1.25 MiB region no longer fits its slot
        Assert.Equal(SwapStageInterop.ErrorArgument, SwapStageInterop.PlatformCheck(&hal, &smallSlot));
        Assert.Equal(SwapStageInterop.ErrorArgument, SwapStageInterop.RegionCanRun(&hal, &smallSlot, 1)); // queries check

        NuFlashHal noErase = hal;
        noErase.NorErase = null;
        Assert.Equal(SwapStageInterop.ErrorArgument, SwapStageInterop.PlatformCheck(&noErase, &platform));
    }

    [Fact]
    public void The_native_platform_is_the_contract_layout_seen_through_our_struct()
    {
        foreach (ImageKind kind in new[] { ImageKind.NanoClr, ImageKind.Deployment })
        {
            var region = _environment.Stage.Region(kind);
            Assert.Equal(NorLayout.RegionStart(kind), region.Address);
            Assert.Equal((uint)NorLayout.RegionSize(kind), region.Size);
            Assert.Equal((uint)NorLayout.StagingSlot(kind), region.StagingOffset);
            Assert.Equal((uint)NorLayout.BackupSlot(kind), region.BackupOffset);
            Assert.Equal((uint)NorLayout.SlotSize(kind), region.SlotSize);
        }
    }

    [Fact]
    public void The_c_side_writes_exactly_our_platform_struct()
    {
        const int guard = 64;
        byte* buffer = stackalloc byte[sizeof(NuPlatform) + guard];
        new Span<byte>(buffer, sizeof(NuPlatform) + guard).Fill(0xAA);
        SwapStageInterop.PlatformInitStm32F769W25Q128((NuPlatform*)buffer);
        var platform = (NuPlatform*)buffer;
        Assert.Equal(0x20000000u, platform->SramStart);
        Assert.Equal(0x20080000u, platform->SramEnd); // a stack pointer may sit at the very top
        Assert.Equal(0u, platform->JournalOffsets[0]);
        Assert.Equal(0x1000u, platform->JournalOffsets[1]);
        Assert.Equal(10u, platform->SectorCount); // the sectors the stage may touch: S2-S11
        Assert.True(platform->TrustedKeyHashes == null);
        Assert.Equal(0u, platform->TrustedP256KeyCount);
        Assert.All(new ReadOnlySpan<byte>(buffer + sizeof(NuPlatform), guard).ToArray(), b => Assert.Equal(0xAA, b));
        var sectors = (uint*)platform->Sectors; // nu_internal_sector_t: address, size, number
        for (int i = 0; i < 10; i++)
        {
            FlashSector sector = Stm32F76xFlash.Sectors[i + 2];
            Assert.Equal(sector.Address, sectors[3 * i]);
            Assert.Equal((uint)sector.Size, sectors[3 * i + 1]);
            Assert.Equal((uint)sector.Number, sectors[3 * i + 2]);
        }
    }

    [Fact]
    public void The_c_side_writes_exactly_our_report_struct()
    {
        var board = FactoryBoard();
        using var binding = new StageFlashBinding(board.InternalFlash, new SpiNorFlash(board.NorBus, board.Clock));
        const int guard = 64;
        byte* report = stackalloc byte[sizeof(NuReport) + guard];
        new Span<byte>(report, sizeof(NuReport) + guard).Fill(0xAA);
        NuFlashHal hal = binding.Hal;
        NuPlatform* platform = stackalloc NuPlatform[1];
        SwapStageInterop.PlatformInitStm32F769W25Q128(platform);
        int status = SwapStageInterop.Run(&hal, platform, (NuReport*)report);
        Assert.Equal(0, status);
        Assert.Equal(0, ((NuReport*)report)->Status);
        Assert.Equal(0u, ((NuReport*)report)->NanoClr.Actions); // a factory board: nothing to do
        Assert.Equal(0u, ((NuReport*)report)->Deployment.SectorsErased);
        Assert.All(new ReadOnlySpan<byte>(report + sizeof(NuReport), guard).ToArray(), b => Assert.Equal(0xAA, b));
    }

    [Fact]
    public void A_power_loss_in_a_callback_stops_the_stage_with_a_hal_error_and_no_further_flash_access()
    {
        BoardHardware board = StagedBoard();
        board.ArmCut(new PowerCut(FlashDomain.Internal, 1, CutMoment.Before)); // the install's first internal erase
        long norAtCut = -1;
        Action? powerOff = board.InternalFlash.PowerFailed;
        board.InternalFlash.PowerFailed = () =>
        {
            norAtCut = board.NorBus.Counters.Operations;
            powerOff!();
        };
        using var binding = new StageFlashBinding(board.InternalFlash, new SpiNorFlash(board.NorBus, board.Clock));
        NuFlashHal hal = binding.Hal;
        NuPlatform* platform = stackalloc NuPlatform[1];
        SwapStageInterop.PlatformInitStm32F769W25Q128(platform);
        fixed (byte* hashes = _environment.Images.KeyHash)
        {
            platform->TrustedKeyHashes = hashes;
            platform->TrustedKeyHashCount = 1;
            NuReport report;
            int status = SwapStageInterop.Run(&hal, platform, &report);
            Assert.Equal(SwapStageInterop.ErrorHal, status);
            Assert.Equal(StageFlashBinding.PowerLossCode, report.HalError);
        }

        Assert.True(binding.PowerLost);
        Assert.IsType<PowerLossException>(binding.Fault);
        Assert.True(norAtCut > 0); // the backup was written before the cut...
        Assert.Equal(norAtCut, board.NorBus.Counters.Operations); // ...and nothing after it
        Assert.Equal(1, board.InternalFlash.Counters.Operations);
        Assert.False(board.IsPowered);
        Assert.Throws<PowerLossException>(binding.ThrowIfFaulted);
    }

    [Fact]
    public void Any_other_exception_in_a_callback_becomes_a_flash_fault_rethrown_in_managed_code()
    {
        BoardHardware board = StagedBoard();
        using var binding = new StageFlashBinding(board.InternalFlash, new FailingFlash(new SpiNorFlash(board.NorBus, board.Clock)));
        FlashException thrown = Assert.Throws<FlashException>(() => _environment.Stage.Run(binding));
        Assert.Equal("simulated flash failure", thrown.Message);
        Assert.False(binding.PowerLost);

        using var again = new StageFlashBinding(board.InternalFlash, new FailingFlash(new SpiNorFlash(board.NorBus, board.Clock)));
        NuFlashHal hal = again.Hal;
        NuPlatform* platform = stackalloc NuPlatform[1];
        SwapStageInterop.PlatformInitStm32F769W25Q128(platform);
        NuReport report;
        Assert.Equal(SwapStageInterop.ErrorHal, SwapStageInterop.Run(&hal, platform, &report));
        Assert.Equal(StageFlashBinding.FlashFaultCode, report.HalError);
    }

    [Fact]
    public void The_can_run_rule_accepts_the_sample_images_and_refuses_damage()
    {
        var board = new BoardHardware();
        using var binding = new StageFlashBinding(board.InternalFlash, new NorArrayView(board.NorChip));
        SwapStage stage = _environment.Stage;
        Assert.False(stage.RegionCanRun(binding, ImageKind.NanoClr)); // erased: no vector table
        Assert.True(stage.RegionCanRun(binding, ImageKind.Deployment)); // erased: no application, can run

        board.InternalFlash.Load(NorLayout.NanoClrRegionStart, _environment.Images.V1.NanoClr.Payload);
        board.InternalFlash.Load(NorLayout.DeploymentRegionStart, _environment.Images.V1.Deployment.Payload);
        Assert.True(stage.RegionCanRun(binding, ImageKind.NanoClr));
        Assert.True(stage.RegionCanRun(binding, ImageKind.Deployment));

        // One bit of one assembly's data changed: its data CRC fails.
        uint inside = NorLayout.DeploymentRegionStart + 0x1000;
        board.InternalFlash.Load(inside, [(byte)(board.InternalFlash.Peek(inside, 1)[0] ^ 0x01)]);
        Assert.False(stage.RegionCanRun(binding, ImageKind.Deployment));

        // A reset vector outside the region.
        board.InternalFlash.Load(NorLayout.NanoClrRegionStart + 4, [0x01, 0x00, 0x00, 0x08]);
        Assert.False(stage.RegionCanRun(binding, ImageKind.NanoClr));
    }

    [Fact]
    public void Erased_trailers_carry_no_request_and_a_tagged_request_needs_its_companion()
    {
        byte[] erased = Enumerable.Repeat((byte)0xFF, 48).ToArray();
        Assert.Equal(0, SwapStage.DecodeRequest(erased, erased));
        Assert.Throws<ArgumentException>(() => SwapStage.DecodeRequest(new byte[47], erased));

        byte[] tagged = new byte[48];
        SwapTrailer.WriteRequest(tagged, 0, permanent: false);
        LittleEndian.WriteUInt32(tagged, SwapTrailer.ReleaseTagOffset, 0x0BADCAFE);
        Assert.Equal(0, SwapStage.DecodeRequest(tagged, erased));
        Assert.Equal(1, SwapStage.DecodeRequest(tagged, tagged));
    }

    private BoardHardware FactoryBoard()
    {
        var board = new BoardHardware();
        board.InternalFlash.Load(NorLayout.NanoClrRegionStart, _environment.Images.V1.NanoClr.Payload);
        board.InternalFlash.Load(NorLayout.DeploymentRegionStart, _environment.Images.V1.Deployment.Payload);
        return board;
    }

    // A factory board whose NOR holds a verified TEST request for v2's nanoCLR, as the agent leaves it.
    private BoardHardware StagedBoard()
    {
        BoardHardware board = FactoryBoard();
        var nor = new SpiNorFlash(board.NorBus, board.Clock);
        SampleImage image = _environment.Images.V2.NanoClr;
        nor.Erase(NorLayout.StagingSlot(ImageKind.NanoClr), 64 * 1024);
        nor.Program(NorLayout.StagingSlot(ImageKind.NanoClr), image.SignedFile, 0, image.Span);
        nor.Erase(NorLayout.TrailerSector(ImageKind.NanoClr), NorLayout.SectorSize);
        StagingRequest.Write(nor, ImageKind.NanoClr, false);
        return board;
    }

    private sealed class FailingFlash(IFlash inner) : IFlash
    {
        public int Size => inner.Size;

        public int EraseUnit => inner.EraseUnit;

        public void Read(int address, byte[] buffer, int offset, int count) => inner.Read(address, buffer, offset, count);

        public void Program(int address, byte[] buffer, int offset, int count) => throw new FlashException("simulated flash failure");

        public void Erase(int address, int length) => throw new FlashException("simulated flash failure");
    }
}
