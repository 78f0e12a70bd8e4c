using System.Collections;

namespace Stm32NanoUpdater.Simulation.Network;

/// <summary>Every request a <see cref="ReleaseServer"/> answers from now on, in order: how a client asked and what it got.</summary>
public sealed class RequestLog : IReadOnlyList<ServedRequest>
{
    private readonly List<ServedRequest> _entries = [];
    private readonly Lock _lock = new();

    public RequestLog(ReleaseServer server) => server.Answered += Add;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public ServedRequest this[int index]
    {
        get
        {
            lock (_lock)
            {
                return _entries[index];
            }
        }
    }

    public IEnumerator<ServedRequest> GetEnumerator()
    {
        ServedRequest[] snapshot;
        lock (_lock)
        {
            snapshot = [.. _entries];
        }

        return ((IEnumerable<ServedRequest>)snapshot).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void Add(ServedRequest request)
    {
        lock (_lock)
        {
            _entries.Add(request);
        }
    }
}
