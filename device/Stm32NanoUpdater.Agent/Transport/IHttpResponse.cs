using System;

namespace Stm32NanoUpdater.Agent.Transport
{
    /// <summary>A response whose body is read as it arrives. Dispose closes the connection.</summary>
    public interface IHttpResponse : IDisposable
    {
        int StatusCode { get; }

        /// <summary>Content-Length, or -1 when absent.</summary>
        long ContentLength { get; }

        /// <summary>The Content-Range header as sent, or null.</summary>
        string ContentRange { get; }

        /// <summary>The ETag header as sent (quotes and W/ included), or null.</summary>
        string ETag { get; }

        /// <summary>Reads up to <paramref name="count"/> body bytes; 0 at the end of the body. Throws on network failure.</summary>
        int Read(byte[] buffer, int offset, int count);
    }
}
