using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Simulation.Device;
using Stm32NanoUpdater.Simulation.Images;
using Stm32NanoUpdater.Simulation.Native;

namespace Stm32NanoUpdater.Simulation.Scenario;

/// <summary>
/// Judges a board from its flash alone, the way the brick rule of the campaigns reads: after power comes back and the
/// board has booted (at most a few times), each region must hold a known, validly signed image that can run, the two
/// must form a release the step started from or went to, and no request may be left behind. At the end of a step the
/// board must be exactly where a fault-free device ends: the expected release, both installed records confirmed and
/// describing it, nothing in progress.
/// </summary>
public static class BoardInspector
{
    /// <summary>Where a board landed after a fault: the step's old release, its new one, a mix of both, or a brick (with why).</summary>
    public static (CutLanding Landing, string? Problem) Landing(SimulatedDevice device, ScenarioStep step, BootRecord last)
    {
        if (last.Stage is { Status: not StageStatus.Ok } report)
        {
            return (CutLanding.Brick, $"the swap stage stopped with {report.Status}");
        }

        LaunchResult launch = device.Inspect();
        if (!launch.Runs)
        {
            return (CutLanding.Brick, "the board " + launch.Describe());
        }

        string? pending = PendingRequest(device);
        if (pending is not null)
        {
            return (CutLanding.Brick, pending);
        }

        if (Is(launch, step.Before))
        {
            return (CutLanding.OldImage, null);
        }

        if (Is(launch, step.Target))
        {
            return (CutLanding.NewImage, null);
        }

        bool eachFromTheStep = launch.NanoClr == step.Before.NanoClr || launch.NanoClr == step.Target.NanoClr;
        eachFromTheStep &= launch.Deployment == step.Before.Deployment || launch.Deployment == step.Target.Deployment;
        return eachFromTheStep
            ? (CutLanding.Mixed, $"runs {launch.Describe()}: one image of {step.Target.Name} without the other")
            : (CutLanding.Brick, $"runs images that belong to neither release: {launch.Describe()}");
    }

    /// <summary>Null when the board is where a healthy device ends the step, else what differs.</summary>
    public static string? EndStateProblem(SimulatedDevice device, SampleRelease expected)
    {
        LaunchResult launch = device.Inspect();
        if (!Is(launch, expected))
        {
            return $"ends on {launch.Describe()} instead of {expected}";
        }

        using var binding = new StageFlashBinding(device.Board.InternalFlash, new NorArrayView(device.Board.NorChip));
        foreach (SampleImage image in new[] { expected.NanoClr, expected.Deployment })
        {
            int state = device.Stage.ReadRecord(binding, image.Kind, out StagedImageInfo? record);
            if (state != 2 || record is null || !record.Sha256.AsSpan().SequenceEqual(image.Digest))
            {
                return $"the {NorLayout.Describe(image.Kind)} record does not describe a confirmed {image.Name} (state {state})";
            }
        }

        Journal journal = Journal.Read(new NorArrayView(device.Board.NorChip));
        if (journal.IsInProgress(ImageKind.NanoClr) || journal.IsInProgress(ImageKind.Deployment))
        {
            return "an install or revert is still in progress";
        }

        return PendingRequest(device);
    }

    // A request the stage would still act on, read by the stage's own decoder.
    private static string? PendingRequest(SimulatedDevice device)
    {
        foreach (ImageKind kind in new[] { ImageKind.NanoClr, ImageKind.Deployment })
        {
            byte[] trailer = device.Board.NorChip.Peek(NorLayout.RequestTrailer(kind), 48);
            byte[] companion = device.Board.NorChip.Peek(NorLayout.RequestTrailer(NorLayout.CompanionOf(kind)), 48);
            if (SwapStage.DecodeRequest(trailer, companion) != 0)
            {
                return $"a {NorLayout.Describe(kind)} request is still pending after the boots";
            }
        }

        return null;
    }

    private static bool Is(LaunchResult launch, SampleRelease release) =>
        launch.Runs && launch.NanoClr == release.NanoClr && launch.Deployment == release.Deployment;
}
