using Stm32NanoUpdater.Simulation.Device;

namespace Stm32NanoUpdater.Simulation.Scenario;

/// <summary>Drives a device through boots until its application runs without asking for another reboot.</summary>
public static class DeviceLifecycle
{
    /// <summary>
    /// Boots (or, with <paramref name="startWithBoot"/> false, first lets the running application poll) and keeps booting
    /// while the application asks for a reboot. Stops at a power loss, at a board that does not start, or after
    /// <paramref name="maxSegments"/> segments (a device that keeps rebooting).
    /// </summary>
    public static IReadOnlyList<BootRecord> RunUntilRunning(SimulatedDevice device, bool startWithBoot, AppMode mode, int maxSegments)
    {
        var records = new List<BootRecord>();
        bool boot = startWithBoot;
        while (records.Count < maxSegments)
        {
            BootRecord record = boot ? device.Boot(mode) : device.Poll(mode);
            records.Add(record);
            if (!record.RebootRequested)
            {
                break;
            }

            boot = true;
        }

        return records;
    }
}
