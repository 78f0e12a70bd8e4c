using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Stm32NanoUpdater.Agent.Transport;

namespace Stm32NanoUpdater.Nano.Http
{
    /// <summary>
    /// The agent's HTTP over nanoFramework's HttpWebRequest: HttpClient refuses a Range header on nanoFramework, while
    /// HttpWebRequest.AddRange sends one. One connection per request (no keep-alive), bounded by timeouts.
    /// </summary>
    public sealed class HttpWebRequestTransport : IHttpTransport
    {
        public HttpWebRequestTransport()
        {
            TimeoutMilliseconds = 30000;
            ReadWriteTimeoutMilliseconds = 30000;
        }

        /// <summary>Time allowed for connecting and receiving the response headers.</summary>
        public int TimeoutMilliseconds { get; set; }

        /// <summary>Time allowed for each read of the body.</summary>
        public int ReadWriteTimeoutMilliseconds { get; set; }

        /// <summary>Root CA of the update server for https URLs; null when only http is used.</summary>
        public X509Certificate CaCertificate { get; set; }

        public IHttpResponse Get(string url, int rangeFrom, int rangeTo)
        {
            HttpWebRequest request = (HttpWebRequest)WebRequest.Create(url);
            request.Method = "GET";
            request.KeepAlive = false;
            request.Timeout = TimeoutMilliseconds;
            request.ReadWriteTimeout = ReadWriteTimeoutMilliseconds;
            if (rangeFrom >= 0)
            {
                request.AddRange(rangeFrom, rangeTo);
            }

            if (url.ToLower().IndexOf("https:") == 0)
            {
                request.SslProtocols = SslProtocols.Tls12;
                request.HttpsAuthentCert = CaCertificate;
            }

            HttpWebResponse response;
            try
            {
                response = (HttpWebResponse)request.GetResponse();
            }
            catch
            {
                request.Dispose();
                throw;
            }

            if (response == null)
            {
                request.Dispose();
                throw new WebException("no connection to " + url);
            }

            return new HttpWebResponseAdapter(request, response);
        }
    }
}
