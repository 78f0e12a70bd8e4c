namespace Stm32NanoUpdater.Agent.Transport
{
    /// <summary>
    /// The validators of a file on the server, as the first response gave them. Every later response is checked against
    /// them: a different size or ETag means the file changed under the download.
    /// </summary>
    public sealed class RemoteFile
    {
        public RemoteFile(string url, long size, string etag)
        {
            Url = url;
            Size = size;
            ETag = etag;
        }

        public string Url { get; }

        /// <summary>The whole file's length in bytes, or -1 while unknown.</summary>
        public long Size { get; private set; }

        /// <summary>The ETag, or null when the server sends none.</summary>
        public string ETag { get; private set; }

        /// <summary>
        /// Checks a response's validators against the known ones and learns those not known yet. False when the file
        /// changed. A validator the response lacks is not a change (some proxies drop ETags).
        /// </summary>
        public bool Matches(long size, string etag)
        {
            if (size >= 0 && Size >= 0 && size != Size)
            {
                return false;
            }

            if (etag != null && ETag != null && etag != ETag)
            {
                return false;
            }

            if (Size < 0)
            {
                Size = size;
            }

            if (ETag == null)
            {
                ETag = etag;
            }

            return true;
        }
    }
}
