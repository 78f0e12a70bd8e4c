using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Stm32NanoUpdater.Simulation.Network;

/// <summary>
/// A static release server's behaviour: files at paths under strong ETags (from their content), GET with one byte range (206 with
/// Content-Range, 416 past the end, 200 without a range), 404 otherwise, and the <see cref="Faults"/> it plays; every
/// request is reported to <see cref="Answered"/> (a <see cref="RequestLog"/> keeps them). It only decides answers;
/// <see cref="ModeledHttpTransport"/> delivers them in process and <see cref="KestrelReleaseHost"/> over real HTTP.
/// </summary>
public sealed class ReleaseServer
{
    private readonly ConcurrentDictionary<string, (byte[] Content, string ETag)> _files = new();
    private long _requests;

    /// <summary>The think time of a request the server never answers (longer than any client waits).</summary>
    public const long NoAnswer = long.MaxValue / 4;

    public ServerFaults Faults { get; } = new();

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Raised with every request, on the thread that answered it.</summary>
    public event Action<ServedRequest>? Answered;

    /// <summary>Serves <paramref name="content"/> at <paramref name="path"/> (e.g. "/releases/latest/nanoclr.bin").</summary>
    public void Publish(string path, byte[] content) =>
        _files[path] = (content, $"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 8))}\"");

    /// <summary>The answer to GET <paramref name="path"/>, with "Range: bytes=from-to" when <paramref name="rangeFrom"/> ≥ 0.</summary>
    public ServerAnswer Answer(string path, long rangeFrom, long rangeTo)
    {
        Interlocked.Increment(ref _requests);
        if (Faults.TakeReplacement() is { } replacement)
        {
            Publish(replacement.Path, replacement.Content);
        }

        ServerAnswer answer = Decide(path, rangeFrom, rangeTo);
        Answered?.Invoke(new ServedRequest(path, rangeFrom, rangeTo, answer.Unanswered ? 0 : answer.Status));
        return answer;
    }

    private ServerAnswer Decide(string path, long rangeFrom, long rangeTo)
    {
        long think = Faults.TakeStall() ? NoAnswer : Faults.ThinkMicroseconds;
        if (rangeFrom >= 0 && Faults.Unavailable is { } unavailable && unavailable(rangeFrom))
        {
            return ServerAnswer.Bare(503, thinkMicroseconds: think);
        }

        if (Faults.TryTakeStatus(out int failure))
        {
            return ServerAnswer.Bare(failure, thinkMicroseconds: think);
        }

        if (!_files.TryGetValue(path, out var file))
        {
            return ServerAnswer.Bare(404, thinkMicroseconds: think);
        }

        byte[] content = file.Content;
        int first = 0;
        int last = content.Length - 1;
        int status = 200;
        string? contentRange = null;
        if (rangeFrom >= 0 && !Faults.IgnoreRange)
        {
            if (rangeFrom >= content.Length)
            {
                return ServerAnswer.Bare(416, $"bytes */{content.Length}", think);
            }

            first = (int)rangeFrom;
            last = (int)Math.Min(rangeTo < rangeFrom ? last : rangeTo, last);
            status = 206;
            contentRange = $"bytes {first}-{last}/{content.Length}";
        }

        int length = last - first + 1;
        int? truncate = Faults.TakeTruncation();
        int? drop = Faults.TakeDrop(path, first, first + Math.Min(length, truncate ?? length));
        return new ServerAnswer(status, contentRange, Faults.OmitETag ? null : file.ETag, content, first, length, drop, truncate, think);
    }
}
