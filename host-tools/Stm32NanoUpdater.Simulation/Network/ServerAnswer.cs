namespace Stm32NanoUpdater.Simulation.Network;

/// <summary>
/// How the release server answers one GET: status and headers, which bytes of which file form the body, and the faults
/// of this answer: the connection drops after <see cref="DropAfter"/> body bytes, or the body ends cleanly (without a
/// Content-Length) after <see cref="TruncateAfter"/> bytes; the server thinks <see cref="ThinkMicroseconds"/> before
/// the first byte (modeled time, never real waiting).
/// </summary>
public sealed record ServerAnswer(
    int Status,
    string? ContentRange,
    string? ETag,
    byte[] Content,
    int BodyStart,
    int BodyLength,
    int? DropAfter,
    int? TruncateAfter,
    long ThinkMicroseconds)
{
    /// <summary>The Content-Length header: none for a truncated body.</summary>
    public long ContentLength => TruncateAfter is null ? BodyLength : -1;

    /// <summary>The server never answers this request: the client waits until it gives up.</summary>
    public bool Unanswered => ThinkMicroseconds >= ReleaseServer.NoAnswer;

    /// <summary>Body bytes the client can read before the body ends or the connection drops.</summary>
    public int Deliverable => Math.Min(BodyLength, Math.Min(DropAfter ?? int.MaxValue, TruncateAfter ?? int.MaxValue));

    public static ServerAnswer Bare(int status, string? contentRange = null, long thinkMicroseconds = 0) =>
        new(status, contentRange, null, [], 0, 0, null, null, thinkMicroseconds);
}
