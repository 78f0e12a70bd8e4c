using System.Globalization;
using System.Net.Http.Headers;
using Stm32NanoUpdater.Agent.Transport;

namespace Stm32NanoUpdater.Simulation.Network;

/// <summary>
/// The device agent's <see cref="IHttpTransport"/> over .NET's HttpClient, standing in for the nanoFramework
/// HttpWebRequest adapter: synchronous, headers first, then the body as it arrives, one connection per request.
/// </summary>
/// <param name="timeout">How long a request may go without an answer before it fails; 30 s when not given.</param>
public sealed class HttpClientTransport(TimeSpan? timeout = null) : IHttpTransport, IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.Zero,
    })
    {
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
    };

    public IHttpResponse Get(string url, int rangeFrom, int rangeTo)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.ConnectionClose = true;
        if (rangeFrom >= 0)
        {
            request.Headers.Range = new RangeHeaderValue(rangeFrom, rangeTo);
        }

        return new Response(_client.Send(request, HttpCompletionOption.ResponseHeadersRead));
    }

    public void Dispose() => _client.Dispose();

    private sealed class Response(HttpResponseMessage message) : IHttpResponse, IServerTiming
    {
        private Stream? _body;

        public int StatusCode => (int)message.StatusCode;

        public long ContentLength => message.Content.Headers.ContentLength ?? -1;

        public string? ContentRange => message.Content.Headers.ContentRange?.ToString();

        public string? ETag => message.Headers.ETag?.ToString();

        public long ThinkMicroseconds =>
            message.Headers.TryGetValues(KestrelReleaseHost.ThinkTimeHeader, out var values) &&
            long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out long think) ? think : 0;

        public int Read(byte[] buffer, int offset, int count)
        {
            _body ??= message.Content.ReadAsStream();
            return _body.Read(buffer, offset, count);
        }

        public void Dispose()
        {
            _body?.Dispose();
            message.Dispose();
        }
    }
}
