using Stm32NanoUpdater.Agent.Transport;

namespace Stm32NanoUpdater.Simulation.Network;

/// <summary>
/// The device's <see cref="IHttpTransport"/> straight into a <see cref="ReleaseServer"/>, in process: no sockets, no
/// threads, the same chunking on every run, so a simulation is exactly reproducible (power-cut campaigns replay runs
/// operation by operation). A dropped connection surfaces as an <see cref="IOException"/> on read, a truncated body as
/// an early end. Time is the <see cref="LinkTransport"/>'s business.
/// </summary>
public sealed class ModeledHttpTransport(ReleaseServer server, string baseUrl = "http://release.test") : IHttpTransport
{
    public string BaseUrl { get; } = baseUrl.TrimEnd('/');

    public IHttpResponse Get(string url, int rangeFrom, int rangeTo) =>
        new Response(server.Answer(new Uri(url).AbsolutePath, rangeFrom, rangeTo));

    private sealed class Response(ServerAnswer answer) : IHttpResponse, IServerTiming
    {
        private int _read;

        public int StatusCode => answer.Status;

        public long ContentLength => answer.ContentLength;

        public string? ContentRange => answer.ContentRange;

        public string? ETag => answer.ETag;

        public long ThinkMicroseconds => answer.ThinkMicroseconds;

        public int Read(byte[] buffer, int offset, int count)
        {
            int deliverable = answer.Deliverable - _read;
            if (deliverable <= 0 && answer.DropAfter is { } drop && _read >= drop)
            {
                throw new IOException("connection reset by peer");
            }

            int n = Math.Min(count, deliverable);
            if (n <= 0)
            {
                return 0;
            }

            Array.Copy(answer.Content, answer.BodyStart + _read, buffer, offset, n);
            _read += n;
            return n;
        }

        public void Dispose()
        {
        }
    }
}
