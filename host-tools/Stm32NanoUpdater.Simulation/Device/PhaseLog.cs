namespace Stm32NanoUpdater.Simulation.Device;

/// <summary>
/// The phases a device went through, in order. <see cref="Begin"/> opens one; <see cref="Phase.End"/> closes it with
/// its name (which may only be known at the end: a stage run turns out to be an install or a revert), detail and summary.
/// </summary>
public sealed class PhaseLog(Func<DeviceCounters> counters)
{
    private readonly List<PhaseRecord> _records = [];

    /// <summary>The update step phases are booked to (set by the scenario).</summary>
    public string Step { get; set; } = "";

    public IReadOnlyList<PhaseRecord> Records => _records;

    /// <summary>Raised as each phase ends.</summary>
    public event Action<PhaseRecord>? PhaseEnded;

    public Phase Begin(string name) => new(this, name, counters());

    /// <summary>An open phase; ending it twice records it once.</summary>
    public sealed class Phase(PhaseLog log, string name, DeviceCounters start)
    {
        private bool _ended;

        public string Name { get; set; } = name;

        public PhaseRecord End(string detail, string summary, bool powerLost = false)
        {
            var record = new PhaseRecord(log.Step, Name, start, log.Counters(), detail, summary, powerLost);
            if (!_ended)
            {
                _ended = true;
                log._records.Add(record);
                log.PhaseEnded?.Invoke(record);
            }

            return record;
        }
    }

    private DeviceCounters Counters() => counters();
}
