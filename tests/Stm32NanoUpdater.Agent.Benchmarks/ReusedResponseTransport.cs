using Stm32NanoUpdater.Agent.Transport;

namespace Stm32NanoUpdater.Agent.Benchmarks;

/// <summary>
/// Serves one file from memory without allocating per request (one reused response, Content-Range strings built
/// before the measurement), so the allocation figures are the agent's own, not a web stack's.
/// </summary>
internal sealed class ReusedResponseTransport : IHttpTransport
{
    private readonly byte[] _file;
    private readonly Dictionary<(int, int), string> _contentRanges = [];
    private readonly Response _response;

    public ReusedResponseTransport(byte[] file, int chunkSize)
    {
        _file = file;
        _response = new Response(this);
        for (int from = 0; from < file.Length; from += chunkSize)
        {
            Prepare(from, Math.Min(from + chunkSize, file.Length) - 1);
        }
    }

    public int Requests { get; private set; }

    /// <summary>Builds the Content-Range a request for [from, to] will carry (call before measuring).</summary>
    public void Prepare(int from, int to)
    {
        int last = Math.Min(to, _file.Length - 1);
        _contentRanges[(from, last)] = $"bytes {from}-{last}/{_file.Length}";
    }

    public IHttpResponse Get(string url, int rangeFrom, int rangeTo)
    {
        Requests++;
        int last = Math.Min(rangeTo, _file.Length - 1);
        _response.Reset(rangeFrom, last - rangeFrom + 1, _contentRanges[(rangeFrom, last)]);
        return _response;
    }

    private sealed class Response(ReusedResponseTransport owner) : IHttpResponse
    {
        private int _start;
        private int _length;
        private int _read;

        public int StatusCode => 206;

        public long ContentLength => _length;

        public string? ContentRange { get; private set; }

        public string ETag => "\"benchmark\"";

        public void Reset(int start, int length, string contentRange)
        {
            _start = start;
            _length = length;
            _read = 0;
            ContentRange = contentRange;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(count, _length - _read);
            Array.Copy(owner._file, _start + _read, buffer, offset, n);
            _read += n;
            return n;
        }

        public void Dispose()
        {
        }
    }
}
