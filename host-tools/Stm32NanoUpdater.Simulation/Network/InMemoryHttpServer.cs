using System.Collections.Concurrent;
using Stm32NanoUpdater.Agent.Transport;

namespace Stm32NanoUpdater.Simulation.Network;

/// <summary>
/// A web server in memory, reached through the device's <see cref="IHttpTransport"/>: files published at paths, GET
/// with byte ranges (206 + Content-Range, 416 past the end), strong ETags, 404 for anything else. Counts requests and
/// body bytes so tests and benchmarks can see what a download cost. No sockets, no threads.
/// </summary>
public sealed class InMemoryHttpServer : IHttpTransport
{
    private readonly ConcurrentDictionary<string, (byte[] Content, string ETag)> _files = new();
    private long _requests;
    private long _bodyBytes;

    public long Requests => Interlocked.Read(ref _requests);

    public long BodyBytes => Interlocked.Read(ref _bodyBytes);

    /// <summary>Serves <paramref name="content"/> at <paramref name="path"/> (e.g. "/fw/app.bin") under a fresh ETag.</summary>
    public string Publish(string path, byte[] content)
    {
        string etag = $"\"{Guid.NewGuid():N}\"";
        _files[path] = (content, etag);
        return "http://device.test" + path;
    }

    public IHttpResponse Get(string url, int rangeFrom, int rangeTo)
    {
        Interlocked.Increment(ref _requests);
        string path = new Uri(url).AbsolutePath;
        if (!_files.TryGetValue(path, out var file))
        {
            return new Response(this, 404, [], 0, 0, null, null);
        }

        byte[] content = file.Content;
        if (rangeFrom < 0)
        {
            return new Response(this, 200, content, 0, content.Length, null, file.ETag);
        }

        if (rangeFrom >= content.Length)
        {
            return new Response(this, 416, [], 0, 0, $"bytes */{content.Length}", file.ETag);
        }

        int last = Math.Min(rangeTo, content.Length - 1);
        return new Response(this, 206, content, rangeFrom, last - rangeFrom + 1, $"bytes {rangeFrom}-{last}/{content.Length}", file.ETag);
    }

    private sealed class Response(InMemoryHttpServer server, int status, byte[] content, int start, int length, string? contentRange, string? etag)
        : IHttpResponse
    {
        private int _read;

        public int StatusCode => status;

        public long ContentLength => length;

        public string? ContentRange => contentRange;

        public string? ETag => etag;

        public int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(count, length - _read);
            Array.Copy(content, start + _read, buffer, offset, n);
            _read += n;
            Interlocked.Add(ref server._bodyBytes, n);
            return n;
        }

        public void Dispose()
        {
        }
    }
}
