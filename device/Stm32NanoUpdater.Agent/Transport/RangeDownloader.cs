using System;
using Stm32NanoUpdater.Agent.Platform;

namespace Stm32NanoUpdater.Agent.Transport
{
    /// <summary>
    /// Downloads a byte range of a file in bounded ranged GETs through one fixed buffer. A dropped connection or a
    /// truncated body resumes from the next byte; a server that ignores Range (200) is read from the start, skipping
    /// what is already there; a changed file (size, ETag, 416) stops the download; 408/429/5xx and network errors are
    /// retried with exponential backoff up to a bounded number of failures in a row; other statuses fail at once.
    /// Nothing is allocated per chunk.
    /// </summary>
    public sealed class RangeDownloader
    {
        private readonly IHttpTransport _transport;
        private readonly IClock _clock;
        private readonly DownloadPolicy _policy;
        private readonly byte[] _buffer;
        private readonly ContentRange _range = new ContentRange();

        public RangeDownloader(IHttpTransport transport, IClock clock, DownloadPolicy policy, byte[] buffer)
        {
            _transport = transport;
            _clock = clock;
            _policy = policy;
            _buffer = buffer;
        }

        /// <summary>Raised after every block written to the sink.</summary>
        public event DownloadProgressHandler Progress;

        /// <summary>The HTTP status of the last response (0 when the last attempt got none).</summary>
        public int LastHttpStatus { get; private set; }

        /// <summary>Why the last download did not complete, for logs; null after a completed one.</summary>
        public string LastError { get; private set; }

        /// <summary>Downloads bytes [<paramref name="from"/>, <paramref name="to"/>) of <paramref name="file"/> into <paramref name="sink"/>.</summary>
        public DownloadStatus Download(RemoteFile file, int from, int to, IDownloadSink sink)
        {
            LastError = null;
            LastHttpStatus = 0;
            int position = from;
            int failures = 0;
            while (position < to)
            {
                int before = position;
                int outcome = Attempt(file, ref position, to, sink);
                if (outcome == AttemptChanged)
                {
                    return DownloadStatus.FileChanged;
                }

                if (outcome == AttemptPermanent)
                {
                    return DownloadStatus.Failed;
                }

                if (position > before)
                {
                    failures = 0;
                }
                else if (outcome == AttemptTransient)
                {
                    failures++;
                    if (failures >= _policy.MaxConsecutiveFailures)
                    {
                        LastError = "gave up after " + failures.ToString() + " failures in a row: " + LastError;
                        return DownloadStatus.Failed;
                    }

                    _clock.Sleep(_policy.BackoffAfter(failures));
                }
            }

            LastError = null;
            return DownloadStatus.Completed;
        }

        private const int AttemptDone = 0;
        private const int AttemptTransient = 1;
        private const int AttemptChanged = 2;
        private const int AttemptPermanent = 3;

        // One request: moves 'position' forward by what arrived and says how it ended.
        private int Attempt(RemoteFile file, ref int position, int to, IDownloadSink sink)
        {
            int chunkEnd = to - position > _policy.ChunkSize ? position + _policy.ChunkSize : to;
            IHttpResponse response;
            try
            {
                response = _transport.Get(file.Url, position, chunkEnd - 1);
            }
            catch (Exception e)
            {
                LastHttpStatus = 0;
                LastError = "request failed: " + e.Message;
                return AttemptTransient;
            }

            using (response)
            {
                LastHttpStatus = response.StatusCode;
                int skip;
                int end;
                int outcome = Validate(file, response, position, chunkEnd, to, out skip, out end);
                if (outcome != AttemptDone)
                {
                    return outcome;
                }

                return Receive(response, skip, ref position, end, to, sink);
            }
        }

        // Checks status and validators; says how many leading body bytes to drop and where this body ends.
        private int Validate(RemoteFile file, IHttpResponse response, int position, int chunkEnd, int to, out int skip, out int end)
        {
            skip = 0;
            end = chunkEnd;
            int status = response.StatusCode;
            if (status == 206)
            {
                ContentRange range = _range;
                if (!range.TryParse(response.ContentRange) || range.First != position)
                {
                    LastError = "206 with a Content-Range that does not start at " + position.ToString();
                    return AttemptTransient;
                }

                if (!file.Matches(range.Total, response.ETag))
                {
                    LastError = "the file changed on the server (size or ETag)";
                    return AttemptChanged;
                }

                end = range.Last + 1 < chunkEnd ? (int)(range.Last + 1) : chunkEnd;
                return AttemptDone;
            }

            if (status == 200)
            {
                // Range ignored: the body is the whole file; read on to the end of the wanted range.
                if (!file.Matches(response.ContentLength, response.ETag))
                {
                    LastError = "the file changed on the server (size or ETag)";
                    return AttemptChanged;
                }

                skip = position;
                end = to;
                return AttemptDone;
            }

            if (status == 416)
            {
                LastError = "416: the range no longer exists (file changed)";
                return AttemptChanged;
            }

            LastError = "HTTP " + status.ToString();
            return status == 408 || status == 425 || status == 429 || (status >= 500 && status <= 599)
                ? AttemptTransient
                : AttemptPermanent;
        }

        // Reads the body; only the response's own failures count as network failures, the sink's propagate.
        private int Receive(IHttpResponse response, int skip, ref int position, int end, int to, IDownloadSink sink)
        {
            while (skip > 0)
            {
                int n = ReadBody(response, skip < _buffer.Length ? skip : _buffer.Length, position);
                if (n <= 0)
                {
                    return AttemptTransient;
                }

                skip -= n;
            }

            while (position < end)
            {
                int n = ReadBody(response, end - position < _buffer.Length ? end - position : _buffer.Length, position);
                if (n <= 0)
                {
                    return AttemptTransient;
                }

                sink.Write(_buffer, 0, n);
                position += n;
                DownloadProgressHandler progress = Progress;
                if (progress != null)
                {
                    progress(position, to);
                }
            }

            return AttemptDone;
        }

        // Bytes read into the buffer, or 0 when the body ended early or the connection failed (LastError says which).
        private int ReadBody(IHttpResponse response, int count, int position)
        {
            try
            {
                int n = response.Read(_buffer, 0, count);
                if (n <= 0)
                {
                    LastError = "body ended early at byte " + position.ToString();
                    return 0;
                }

                return n;
            }
            catch (Exception e)
            {
                LastError = "connection lost at byte " + position.ToString() + ": " + e.Message;
                return 0;
            }
        }
    }
}
