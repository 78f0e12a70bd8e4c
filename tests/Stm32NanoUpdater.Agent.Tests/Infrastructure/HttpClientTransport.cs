using System.Net.Http.Headers;
using Stm32NanoUpdater.Agent.Transport;

namespace Stm32NanoUpdater.Agent.Tests.Infrastructure;

/// <summary>
/// The agent's transport over .NET's HttpClient, for host tests (the device uses HttpWebRequest). Synchronous like the
/// device: headers first, then the body as a stream.
/// </summary>
public sealed class HttpClientTransport : IHttpTransport, IDisposable
{
    private readonly HttpClient _client;

    public HttpClientTransport(TimeSpan? timeout = null)
    {
        _client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None })
        {
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };
    }

    public IHttpResponse Get(string url, int rangeFrom, int rangeTo)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (rangeFrom >= 0)
        {
            request.Headers.Range = new RangeHeaderValue(rangeFrom, rangeTo);
        }

        HttpResponseMessage response = _client.Send(request, HttpCompletionOption.ResponseHeadersRead);
        return new Response(response);
    }

    public void Dispose() => _client.Dispose();

    private sealed class Response(HttpResponseMessage message) : IHttpResponse
    {
        private Stream? _body;

        public int StatusCode => (int)message.StatusCode;

        public long ContentLength => message.Content.Headers.ContentLength ?? -1;

        public string? ContentRange => message.Content.Headers.ContentRange?.ToString();

        public string? ETag => message.Headers.ETag?.ToString();

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
