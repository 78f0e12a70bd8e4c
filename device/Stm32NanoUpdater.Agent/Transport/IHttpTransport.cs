namespace Stm32NanoUpdater.Agent.Transport
{
    /// <summary>
    /// The little HTTP the agent needs: a GET, optionally for a byte range. Implemented over HttpWebRequest on the
    /// device (HttpClient refuses the Range header there) and over HttpClient in host tests. An implementation throws
    /// for network failures (timeouts included); any HTTP status is returned as a response.
    /// </summary>
    public interface IHttpTransport
    {
        /// <summary>
        /// GET <paramref name="url"/>; when <paramref name="rangeFrom"/> is 0 or more, with
        /// "Range: bytes=rangeFrom-rangeTo" (inclusive, as HTTP ranges are).
        /// </summary>
        IHttpResponse Get(string url, int rangeFrom, int rangeTo);
    }
}
