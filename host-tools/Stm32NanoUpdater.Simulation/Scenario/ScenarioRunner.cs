using Stm32NanoUpdater.Simulation.Device;
using Stm32NanoUpdater.Simulation.Network;

namespace Stm32NanoUpdater.Simulation.Scenario;

/// <summary>
/// Plays the story on one device without faults: factory flashing, then each step (publish the target's images, boot or
/// poll, boot again while the application asks to) and checks each step ends where it must. With snapshots on, the
/// board's state before every segment is kept, so a campaign can replay any segment with a power cut in it.
/// </summary>
public static class ScenarioRunner
{
    public const int MaxSegmentsPerStep = 8;

    /// <summary>
    /// Runs the story on <paramref name="device"/>, whose server is <paramref name="server"/>. Throws
    /// <see cref="SimulationException"/> when a fault-free run does not end as it must.
    /// </summary>
    public static ScenarioTrace Run(SimulationEnvironment environment, SimulatedDevice device, ReleaseServer server, bool takeSnapshots,
        Action<ScenarioStep>? stepStarting = null)
    {
        var segments = new List<SegmentTrace>();
        device.FlashAtFactory(environment.Steps[0].Before);
        for (int stepIndex = 0; stepIndex < environment.Steps.Count; stepIndex++)
        {
            ScenarioStep step = environment.Steps[stepIndex];
            device.Log.Step = step.Name;
            foreach (var image in step.Target.Published)
            {
                server.Publish(ReleasePaths.For(image.Kind), image.SignedFile);
            }

            stepStarting?.Invoke(step);
            bool boot = step.StartsWithBoot;
            while (true)
            {
                if (segments.Count(s => s.StepIndex == stepIndex) == MaxSegmentsPerStep)
                {
                    throw new SimulationException($"step {step.Name} did not settle after {MaxSegmentsPerStep} boots");
                }

                HardwareSnapshot? snapshot = takeSnapshots ? device.Board.Snapshot() : null;
                DeviceCounters start = device.Counters;
                BootRecord record = boot ? device.Boot(AppMode.Normal) : device.Poll(AppMode.Normal);
                segments.Add(new SegmentTrace(segments.Count, stepIndex, step, boot, snapshot, start, device.Counters, record));
                if (record.PowerLost || record.Launch is { Runs: false })
                {
                    throw new SimulationException($"step {step.Name}: the device failed without a fault: {record.Launch?.Describe() ?? "power lost"}");
                }

                if (!record.RebootRequested)
                {
                    break;
                }

                boot = true;
            }

            string? problem = BoardInspector.EndStateProblem(device, step.ExpectedEnd);
            if (problem is not null)
            {
                throw new SimulationException($"step {step.Name}: {problem}");
            }
        }

        return new ScenarioTrace(environment.Steps, segments, device.Log.Records.ToArray());
    }
}
