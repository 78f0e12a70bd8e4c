using System.Globalization;
using Stm32NanoUpdater.Simulation.Images;
using Stm32NanoUpdater.Simulation.Mcu;
using Stm32NanoUpdater.Simulation.Network;
using Stm32NanoUpdater.Simulation.Nor;
using Stm32NanoUpdater.Simulation.Scenario;

namespace Stm32NanoUpdater.Simulation.TimeModel;

/// <summary>
/// Modeled update time per phase against the physical floor for the same images (<see cref="PhysicalFloor"/>), as a
/// ratio: how much the safety (header probe, verification read-back, backup, journal, record) costs over moving the
/// bytes. Built from a fault-free run of the story.
/// </summary>
public sealed record TimeModelReport(IReadOnlyList<TimeModelRow> Rows)
{
    public static TimeModelReport From(ScenarioTrace trace, LinkModel link, NorChipProfile nor, InternalFlashTimings internalTimings)
    {
        ScenarioStep update = trace.Steps[0];
        ScenarioStep failing = trace.Steps[1];
        SampleImage[] staged = [.. update.Target.Published];
        long linkFloor = PhysicalFloor.LinkMicroseconds(staged, link);
        long norFloor = PhysicalFloor.NorProgrammingMicroseconds(staged, nor);
        long internalFloor = staged.Sum(i => PhysicalFloor.InternalMicroseconds(Installed(update.Before, i), i, internalTimings));
        long readPass = PhysicalFloor.ReadPassMicroseconds(staged);
        SampleImage restored = failing.ExpectedEnd.Deployment;
        long revertFloor = PhysicalFloor.InternalMicroseconds(failing.Target.Deployment, restored, internalTimings) +
                           PhysicalFloor.ReadPassMicroseconds([restored]);

        long Modeled(ScenarioStep step, params string[] phases) =>
            trace.PhasesOf(step.Name).Where(p => phases.Contains(p.Name)).Sum(p => p.Cost.Microseconds);

        long download = Modeled(update, "check", "download", "hand-off");
        long install = Modeled(update, "install");
        long revert = Modeled(failing, "revert");
        var rows = new List<TimeModelRow>
        {
            new($"{update.Name}: check + download + verify + request", download, Math.Max(linkFloor, norFloor),
                linkFloor >= norFloor
                    ? string.Create(CultureInfo.InvariantCulture, $"link: {staged.Sum(i => (long)i.Span):N0} bytes at {link.BitsPerSecond / 1e6:0.###} Mbit/s")
                    : "NOR programming of the images"),
            new($"{update.Name}: install (swap stage)", install, internalFloor + readPass,
                "internal erase + program of changed sectors + one SPI read pass"),
            new($"{update.Name}: whole update", download + install, Math.Max(linkFloor, norFloor) + internalFloor + readPass,
                "sum of the above"),
            new($"{failing.Name}: revert (swap stage)", revert, revertFloor,
                "internal erase + program of changed sectors + one SPI read pass"),
        };
        return new TimeModelReport(rows);
    }

    private static SampleImage Installed(SampleRelease release, SampleImage image) =>
        image.Kind == release.NanoClr.Kind ? release.NanoClr : release.Deployment;
}

/// <summary>One phase: modeled device time, its physical floor, the ratio, and what bounds the floor.</summary>
public sealed record TimeModelRow(string Phase, long ModeledMicroseconds, long FloorMicroseconds, string FloorBasis)
{
    public double Ratio => FloorMicroseconds == 0 ? 0 : Math.Round((double)ModeledMicroseconds / FloorMicroseconds, 2);

    public double ModeledSeconds => Math.Round(ModeledMicroseconds / 1e6, 3);

    public double FloorSeconds => Math.Round(FloorMicroseconds / 1e6, 3);
}
