using System.IO;
using System.Net;
using Stm32NanoUpdater.Agent.Transport;

namespace Stm32NanoUpdater.Nano.Http
{
    /// <summary>An HttpWebResponse as the agent reads it: status, validators, then the body as it arrives.</summary>
    internal sealed class HttpWebResponseAdapter : IHttpResponse
    {
        private readonly HttpWebRequest _request;
        private readonly HttpWebResponse _response;
        private Stream _body;

        public HttpWebResponseAdapter(HttpWebRequest request, HttpWebResponse response)
        {
            _request = request;
            _response = response;
        }

        public int StatusCode
        {
            get { return (int)_response.StatusCode; }
        }

        public long ContentLength
        {
            get { return _response.ContentLength; }
        }

        public string ContentRange
        {
            get { return _response.Headers["Content-Range"]; }
        }

        public string ETag
        {
            get { return _response.Headers["ETag"]; }
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            if (_body == null)
            {
                _body = _response.GetResponseStream();
            }

            return _body.Read(buffer, offset, count);
        }

        public void Dispose()
        {
            if (_body != null)
            {
                _body.Dispose();
            }

            _response.Dispose();
            _request.Dispose();
        }
    }
}
