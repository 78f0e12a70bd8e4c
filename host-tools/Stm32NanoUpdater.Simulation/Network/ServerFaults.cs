using System.Collections.Concurrent;

namespace Stm32NanoUpdater.Simulation.Network;

/// <summary>
/// The faults a field device meets on its way to a release server, as the server plays them: connections that drop at
/// given file offsets (once each), queued error statuses, a stretch of the file the server cannot serve for a while,
/// the Range header ignored, answers without an ETag, bodies that end early, a slow server (think time before every
/// answer), requests that get no answer at all, and a file replaced while it is downloaded. Thread-safe.
/// </summary>
public sealed class ServerFaults
{
    private readonly ConcurrentDictionary<(string Path, long Offset), bool> _dropOffsets = new();
    private readonly ConcurrentQueue<int> _statuses = new();
    private readonly Lock _replacementLock = new();
    private int _truncations;
    private int _truncateBytes;
    private int _stalls;
    private (string Path, byte[] Content, int RequestsLeft)? _replacement;

    /// <summary>Answer every GET with 200 and the whole file, as a server without range support does.</summary>
    public bool IgnoreRange { get; set; }

    /// <summary>When set, every ranged GET whose first byte it accepts is answered 503 (part of the file unavailable for a while).</summary>
    public Func<long, bool>? Unavailable { get; set; }

    /// <summary>Answer without an ETag, as a server without validators does.</summary>
    public bool OmitETag { get; set; }

    /// <summary>Time the server takes before each answer's first byte.</summary>
    public long ThinkMicroseconds { get; set; }

    public int PendingDrops => _dropOffsets.Count;

    /// <summary>The connection drops once when an answer for <paramref name="path"/> reaches each offset (before sending that byte).</summary>
    public void DropAt(string path, IEnumerable<long> fileOffsets)
    {
        foreach (long offset in fileOffsets)
        {
            _dropOffsets[(path, offset)] = true;
        }
    }

    /// <summary>The next <paramref name="count"/> requests get no answer at all (the client times out).</summary>
    public void StallNext(int count) => Volatile.Write(ref _stalls, count);

    /// <summary>The next requests are answered with these statuses, in order.</summary>
    public void FailNext(params int[] statuses)
    {
        foreach (int status in statuses)
        {
            _statuses.Enqueue(status);
        }
    }

    /// <summary>The next <paramref name="count"/> bodies end cleanly after <paramref name="bytes"/> bytes.</summary>
    public void TruncateNext(int count, int bytes)
    {
        _truncateBytes = bytes;
        Volatile.Write(ref _truncations, count);
    }

    /// <summary>After <paramref name="requests"/> more requests, the file at <paramref name="path"/> becomes <paramref name="content"/>.</summary>
    public void ReplaceFileAfter(int requests, string path, byte[] content)
    {
        lock (_replacementLock)
        {
            _replacement = (path, content, requests);
        }
    }

    internal bool TryTakeStatus(out int status) => _statuses.TryDequeue(out status);

    internal int? TakeTruncation() => TakeOne(ref _truncations) ? _truncateBytes : null;

    internal bool TakeStall() => TakeOne(ref _stalls);

    /// <summary>Body bytes before the first pending drop of <paramref name="path"/> in range [first, end), consuming it; null when none.</summary>
    internal int? TakeDrop(string path, long first, long end)
    {
        long drop = -1;
        foreach ((string at, long offset) in _dropOffsets.Keys)
        {
            if (at == path && offset >= first && offset < end && (drop < 0 || offset < drop))
            {
                drop = offset;
            }
        }

        return drop >= 0 && _dropOffsets.TryRemove((path, drop), out _) ? (int)(drop - first) : null;
    }

    /// <summary>The replacement due before this request, consuming it; null when none is due.</summary>
    internal (string Path, byte[] Content)? TakeReplacement()
    {
        lock (_replacementLock)
        {
            if (_replacement is not { } pending)
            {
                return null;
            }

            _replacement = pending.RequestsLeft > 0 ? pending with { RequestsLeft = pending.RequestsLeft - 1 } : null;
            return pending.RequestsLeft > 0 ? null : (pending.Path, pending.Content);
        }
    }

    // Takes one of a counted fault, if any is left.
    private static bool TakeOne(ref int left)
    {
        int now;
        do
        {
            now = Volatile.Read(ref left);
            if (now <= 0)
            {
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref left, now - 1, now) != now);

        return true;
    }
}
