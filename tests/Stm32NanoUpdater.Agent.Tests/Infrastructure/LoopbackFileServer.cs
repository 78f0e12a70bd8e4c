using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Stm32NanoUpdater.Agent.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, port chosen by the OS) serving files with byte ranges and strong ETags,
/// with the faults a field device meets: connections dropped at given file offsets, the Range header ignored, error
/// statuses, bodies that end early, stalls, and a file replaced while it is downloaded. Every request is logged.
/// </summary>
public sealed class LoopbackFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (byte[] Content, string ETag)> _files = new();
    private readonly ConcurrentQueue<RequestLogEntry> _log = new();
    private readonly ConcurrentDictionary<long, bool> _dropOffsets = new();
    private readonly ConcurrentQueue<int> _failStatuses = new();
    private int _truncateNext;
    private int _truncateBytes;
    private int _stallNext;
    private (int AfterRequests, string Path, byte[] Content)? _pendingChange;
    private int _requests;

    private LoopbackFileServer(WebApplication app)
    {
        _app = app;
    }

    public string BaseUrl { get; private set; } = "";

    /// <summary>Answer every request with the whole file and 200, as a server without range support does.</summary>
    public bool IgnoreRange { get; set; }

    /// <summary>When set, every request for a range whose first byte it accepts fails with 503.</summary>
    public Func<long, bool>? Unavailable { get; set; }

    /// <summary>Leave out the ETag header.</summary>
    public bool OmitETag { get; set; }

    public IReadOnlyList<RequestLogEntry> Log => _log.ToArray();

    public static async Task<LoopbackFileServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        var server = new LoopbackFileServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Urls.Single().TrimEnd('/');
        return server;
    }

    public string Publish(string path, byte[] content)
    {
        _files[path] = (content, NewETag());
        return BaseUrl + path;
    }

    /// <summary>The connection drops once when a response reaches each given file offset (before sending that byte).</summary>
    public void DropAt(params long[] fileOffsets)
    {
        foreach (long offset in fileOffsets)
        {
            _dropOffsets[offset] = true;
        }
    }

    /// <summary>The next requests are answered with these statuses, in order.</summary>
    public void FailNext(params int[] statuses)
    {
        foreach (int status in statuses)
        {
            _failStatuses.Enqueue(status);
        }
    }

    /// <summary>The next <paramref name="count"/> bodies end cleanly after <paramref name="bytes"/> bytes (no Content-Length).</summary>
    public void TruncateNext(int count, int bytes)
    {
        _truncateBytes = bytes;
        Volatile.Write(ref _truncateNext, count);
    }

    /// <summary>The next <paramref name="count"/> requests get no answer until the client gives up.</summary>
    public void StallNext(int count) => Volatile.Write(ref _stallNext, count);

    /// <summary>After <paramref name="afterRequests"/> more requests, the file at <paramref name="path"/> becomes <paramref name="content"/>.</summary>
    public void ChangeFileAfter(int afterRequests, string path, byte[] content) =>
        _pendingChange = (Volatile.Read(ref _requests) + afterRequests, path, content);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string NewETag() => $"\"{Guid.NewGuid():N}\"";

    private async Task HandleAsync(HttpContext context)
    {
        int number = Interlocked.Increment(ref _requests);
        if (_pendingChange is { } change && number > change.AfterRequests)
        {
            _files[change.Path] = (change.Content, NewETag());
            _pendingChange = null;
        }

        string? range = context.Request.Headers.Range;
        if (Interlocked.Decrement(ref _stallNext) >= 0)
        {
            _log.Enqueue(new RequestLogEntry(range, 0));
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
            return;
        }

        if (Unavailable is { } unavailable && range is not null && RangeHeaderValue.TryParse(range, out RangeHeaderValue? asked) &&
            unavailable(asked.Ranges.Single().From ?? 0))
        {
            _log.Enqueue(new RequestLogEntry(range, 503));
            context.Response.StatusCode = 503;
            return;
        }

        if (_failStatuses.TryDequeue(out int failure))
        {
            _log.Enqueue(new RequestLogEntry(range, failure));
            context.Response.StatusCode = failure;
            return;
        }

        if (!_files.TryGetValue(context.Request.Path.Value ?? "", out var file))
        {
            _log.Enqueue(new RequestLogEntry(range, 404));
            context.Response.StatusCode = 404;
            return;
        }

        byte[] content = file.Content;
        long first = 0;
        long last = content.Length - 1;
        int status = 200;
        if (!IgnoreRange && range is not null && RangeHeaderValue.TryParse(range, out RangeHeaderValue? parsed) &&
            parsed.Ranges.Count == 1 && parsed.Ranges.Single().From is long from)
        {
            if (from >= content.Length)
            {
                _log.Enqueue(new RequestLogEntry(range, 416));
                context.Response.StatusCode = 416;
                context.Response.Headers.ContentRange = $"bytes */{content.Length}";
                return;
            }

            first = from;
            last = Math.Min(parsed.Ranges.Single().To ?? last, last);
            status = 206;
            context.Response.Headers.ContentRange = $"bytes {first}-{last}/{content.Length}";
        }

        _log.Enqueue(new RequestLogEntry(range, status));
        context.Response.StatusCode = status;
        if (!OmitETag)
        {
            context.Response.Headers.ETag = file.ETag;
        }

        long length = last - first + 1;
        bool truncate = Interlocked.Decrement(ref _truncateNext) >= 0;
        if (truncate)
        {
            length = Math.Min(length, _truncateBytes);
        }
        else
        {
            context.Response.ContentLength = last - first + 1;
        }

        await SendAsync(context, content, first, length);
    }

    private async Task SendAsync(HttpContext context, byte[] content, long first, long length)
    {
        long end = first + length;
        long position = first;
        while (position < end)
        {
            long drop = _dropOffsets.Keys.Where(o => o >= position && o < end).DefaultIfEmpty(-1).Min();
            long stop = drop >= 0 ? drop : end;
            if (stop > position)
            {
                await context.Response.Body.WriteAsync(content.AsMemory((int)position, (int)(stop - position)));
                await context.Response.Body.FlushAsync();
                position = stop;
            }

            if (drop >= 0 && _dropOffsets.TryRemove(drop, out _))
            {
                context.Abort();
                return;
            }
        }
    }
}

public sealed record RequestLogEntry(string? Range, int Status);
