using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Simulation.Mcu;
using Stm32NanoUpdater.Simulation.Nor;

namespace Stm32NanoUpdater.Simulation.Native;

/// <summary>
/// The swap stage's flash HAL (nu_flash_hal_t) bound to the board's models: internal flash calls go to the
/// <see cref="Stm32F76xFlash"/> model, NOR calls to an <see cref="IFlash"/> (the device's C# SPI NOR driver over the
/// chip model, or a plain view for inspection). No exception ever crosses into native frames: a callback catches it,
/// remembers it and returns an error code, which makes the stage stop at once (NU_ERR_HAL); <see cref="ThrowIfFaulted"/>
/// rethrows it once the native call has returned. A simulated power loss also marks the binding powered off, so any
/// later callback fails without touching the models.
/// </summary>
public sealed unsafe class StageFlashBinding : IDisposable
{
    /// <summary>The callback value for a simulated power loss (in nu_report_t.hal_error).</summary>
    public const int PowerLossCode = -100;

    /// <summary>The callback value for any other failure (a flash error, a violated HAL promise).</summary>
    public const int FlashFaultCode = -101;

    private readonly Stm32F76xFlash _internal;
    private readonly IFlash _nor;
    private GCHandle _handle;
    private byte[] _scratch = new byte[256];
    private ExceptionDispatchInfo? _fault;

    public StageFlashBinding(Stm32F76xFlash internalFlash, IFlash nor)
    {
        _internal = internalFlash;
        _nor = nor;
        _handle = GCHandle.Alloc(this);
    }

    /// <summary>A simulated power loss happened inside a callback: the device is off.</summary>
    public bool PowerLost { get; private set; }

    /// <summary>The first exception a callback caught, or null.</summary>
    public Exception? Fault => _fault?.SourceException;

    internal NuFlashHal Hal
    {
        get
        {
            ObjectDisposedException.ThrowIf(!_handle.IsAllocated, this);
            return new NuFlashHal
            {
                Context = GCHandle.ToIntPtr(_handle),
                InternalRead = &InternalRead,
                InternalProgram = &InternalProgram,
                InternalEraseSector = &InternalEraseSector,
                NorRead = &NorRead,
                NorProgram = &NorProgram,
                NorErase = &NorErase,
            };
        }
    }

    /// <summary>Rethrows, in managed frames only, what a callback caught.</summary>
    public void ThrowIfFaulted() => _fault?.Throw();

    public void Dispose()
    {
        if (_handle.IsAllocated)
        {
            _handle.Free();
        }
    }

    [UnmanagedCallersOnly]
    private static int InternalRead(nint context, uint address, byte* buffer, uint length)
    {
        StageFlashBinding binding = From(context);
        try
        {
            binding.ThrowIfDead();
            binding._internal.Read(address, new Span<byte>(buffer, checked((int)length)));
            return 0;
        }
        catch (Exception e)
        {
            return binding.Remember(e);
        }
    }

    [UnmanagedCallersOnly]
    private static int InternalProgram(nint context, uint address, byte* data, uint length)
    {
        StageFlashBinding binding = From(context);
        try
        {
            binding.ThrowIfDead();
            binding._internal.Program(address, new ReadOnlySpan<byte>(data, checked((int)length)));
            return 0;
        }
        catch (Exception e)
        {
            return binding.Remember(e);
        }
    }

    [UnmanagedCallersOnly]
    private static int InternalEraseSector(nint context, uint sectorAddress)
    {
        StageFlashBinding binding = From(context);
        try
        {
            binding.ThrowIfDead();
            binding._internal.EraseSector(sectorAddress);
            return 0;
        }
        catch (Exception e)
        {
            return binding.Remember(e);
        }
    }

    [UnmanagedCallersOnly]
    private static int NorRead(nint context, uint offset, byte* buffer, uint length)
    {
        StageFlashBinding binding = From(context);
        try
        {
            binding.ThrowIfDead();
            byte[] scratch = binding.Scratch(length);
            binding._nor.Read(checked((int)offset), scratch, 0, (int)length);
            scratch.AsSpan(0, (int)length).CopyTo(new Span<byte>(buffer, (int)length));
            return 0;
        }
        catch (Exception e)
        {
            return binding.Remember(e);
        }
    }

    [UnmanagedCallersOnly]
    private static int NorProgram(nint context, uint offset, byte* data, uint length)
    {
        StageFlashBinding binding = From(context);
        try
        {
            binding.ThrowIfDead();
            byte[] scratch = binding.Scratch(length);
            new ReadOnlySpan<byte>(data, (int)length).CopyTo(scratch);
            binding._nor.Program(checked((int)offset), scratch, 0, (int)length);
            return 0;
        }
        catch (Exception e)
        {
            return binding.Remember(e);
        }
    }

    [UnmanagedCallersOnly]
    private static int NorErase(nint context, uint offset, uint length)
    {
        StageFlashBinding binding = From(context);
        try
        {
            binding.ThrowIfDead();
            binding._nor.Erase(checked((int)offset), checked((int)length));
            return 0;
        }
        catch (Exception e)
        {
            return binding.Remember(e);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static StageFlashBinding From(nint context) => (StageFlashBinding)GCHandle.FromIntPtr(context).Target!;

    private byte[] Scratch(uint length)
    {
        if (_scratch.Length < length)
        {
            _scratch = new byte[checked((int)length)];
        }

        return _scratch;
    }

    private void ThrowIfDead()
    {
        if (PowerLost)
        {
            throw new PowerLossException("the device has no power");
        }
    }

    private int Remember(Exception e)
    {
        _fault ??= ExceptionDispatchInfo.Capture(e);
        if (e is PowerLossException)
        {
            PowerLost = true;
            return PowerLossCode;
        }

        return FlashFaultCode;
    }
}
