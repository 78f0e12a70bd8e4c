using Stm32NanoUpdater.Agent.Platform;
using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Agent.Transport;
using Stm32NanoUpdater.Agent.Update;
using Stm32NanoUpdater.Host.Crypto;
using Stm32NanoUpdater.Image;
using Stm32NanoUpdater.Simulation.Nor;
using Stm32NanoUpdater.Simulation.Rtc;
using Stm32NanoUpdater.Simulation.Time;

namespace Stm32NanoUpdater.Agent.Tests.Infrastructure;

/// <summary>
/// What the agent runs on in these tests: the NOR chip model on the virtual clock, backup registers, a rebooter that
/// only counts. <see cref="Boot"/> builds fresh device objects over the same flash, as a real reboot would.
/// </summary>
public sealed class SimulatedBoard
{
    public SimulatedBoard(NorChipProfile? profile = null)
    {
        Chip = new SpiNorChipModel(profile ?? NorChipProfile.W25Q128JV, Clock);
    }

    public VirtualClock Clock { get; } = new();

    public SpiNorChipModel Chip { get; }

    public RtcBackupRegisters Registers { get; } = new();

    public CountingRebooter Rebooter { get; } = new();

    public SpiNorFlash Flash() => new(Chip, Clock);

    /// <summary>Power comes back after a cut: the chip's volatile state and the backup registers are gone.</summary>
    public void PowerOn()
    {
        Chip.PowerOn();
        Registers.OnPowerLoss();
    }

    public UpdateAgent Boot(IHttpTransport transport, TrustedKey[]? keys = null, AgentOptions? options = null) =>
        new(Flash(), transport, new DotNetSignatureVerifier(), keys ?? TestImages.TrustedKeys, Clock, Registers, Rebooter,
            options ?? FastOptions());

    /// <summary>Small chunks (more requests, more resume points) and instant backoff on the virtual clock.</summary>
    public static AgentOptions FastOptions() => new()
    {
        Download = new DownloadPolicy { ChunkSize = 16 * 1024, MaxConsecutiveFailures = 4, InitialBackoffMilliseconds = 100 },
    };
}

public sealed class CountingRebooter : IRebooter
{
    public int Reboots { get; private set; }

    public void Reboot() => Reboots++;
}
