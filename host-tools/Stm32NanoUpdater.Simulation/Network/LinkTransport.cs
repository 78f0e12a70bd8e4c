using Stm32NanoUpdater.Agent.Transport;
using Stm32NanoUpdater.Simulation.Time;

namespace Stm32NanoUpdater.Simulation.Network;

/// <summary>
/// Puts a <see cref="LinkModel"/> between the device and any transport: every request and body byte costs its time on
/// the device's <see cref="VirtualClock"/> (less what arrived in the receive window while the device was busy), the
/// server's think time too (longer than the device's timeout: the request
/// fails with a timeout after it), and the <see cref="TrafficCounters"/> record what crossed the link. Segment losses
/// are decided by a hash of the request's time and position, so a replayed run loses the same segments.
/// </summary>
public sealed class LinkTransport(IHttpTransport inner, LinkModel link, VirtualClock clock, TrafficCounters counters) : IHttpTransport
{
    public LinkModel Link => link;

    public TrafficCounters Counters => counters;

    public IHttpResponse Get(string url, int rangeFrom, int rangeTo)
    {
        counters.Request();
        long started = clock.NowMicroseconds;
        clock.Advance(2L * link.RoundTripMilliseconds * 1000);
        IHttpResponse response = inner.Get(url, rangeFrom, rangeTo);
        long think = response is IServerTiming timing ? timing.ThinkMicroseconds : 0;
        if (think > link.TimeoutMilliseconds * 1000L)
        {
            response.Dispose();
            clock.Advance(link.TimeoutMilliseconds * 1000L);
            throw new IOException($"no answer within {link.TimeoutMilliseconds} ms (timed out)");
        }

        clock.Advance(think);
        return new Response(response, this, (ulong)started * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)rangeFrom);
    }

    private sealed class Response(IHttpResponse inner, LinkTransport owner, ulong seed) : IHttpResponse
    {
        private long _read;
        private bool _broken;
        private long _lastActivity = owner.Now;
        private long _buffered; // bytes already in the receive window when the device reads again

        public int StatusCode => inner.StatusCode;

        public long ContentLength => inner.ContentLength;

        public string? ContentRange => inner.ContentRange;

        public string? ETag => inner.ETag;

        public int Read(byte[] buffer, int offset, int count)
        {
            int n;
            try
            {
                n = inner.Read(buffer, offset, count);
            }
            catch
            {
                _broken = true;
                throw;
            }

            LinkModel link = owner.Link;
            long idle = owner.Now - _lastActivity;
            _buffered = Math.Min(LinkModel.ReceiveWindowBytes, _buffered + idle * link.BitsPerSecond / 8 / 1_000_000);
            long free = Math.Min(n, _buffered);
            _buffered -= free;
            long resent = LostSegments(_read, _read + n) * LinkModel.SegmentSize;
            owner.Advance(link.TransferMicroseconds(n - free + resent) + resent / LinkModel.SegmentSize * link.RetransmissionTimeoutMicroseconds);
            owner.Counters.Received(n, n + resent);
            _read += n;
            _lastActivity = owner.Now;
            return n;
        }

        public void Dispose()
        {
            long unread = inner.ContentLength - _read;
            if (!_broken && unread > 0 && inner.StatusCode is >= 200 and < 300)
            {
                owner.Counters.Received(0, Math.Min(unread, LinkModel.InFlightBytes));
            }

            inner.Dispose();
        }

        // Segments whose last byte falls in [from, to) and that the hash says were lost.
        private long LostSegments(long from, long to)
        {
            double rate = owner.Link.LossRate;
            if (rate <= 0)
            {
                return 0;
            }

            long lost = 0;
            for (long segment = from / LinkModel.SegmentSize; segment < to / LinkModel.SegmentSize; segment++)
            {
                if (Deterministic(seed, segment) < rate)
                {
                    lost++;
                }
            }

            return lost;
        }

        // A uniform value in [0, 1) from the seed and segment (splitmix64's finalizer): the same on every run.
        private static double Deterministic(ulong seed, long segment)
        {
            ulong x = seed ^ (ulong)segment * 0xBF58476D1CE4E5B9UL;
            x ^= x >> 33;
            x *= 0xFF51AFD7ED558CCDUL;
            x ^= x >> 33;
            x *= 0xC4CEB9FE1A85EC53UL;
            x ^= x >> 33;
            return (x >> 11) / (double)(1UL << 53);
        }
    }

    private long Now => clock.NowMicroseconds;

    private void Advance(long microseconds) => clock.Advance(microseconds);
}
