using Stm32NanoUpdater.Agent.Transport;
using Stm32NanoUpdater.Simulation.Network;
using Stm32NanoUpdater.Simulation.Time;

namespace Stm32NanoUpdater.Simulation.Tests.Network;

/// <summary>The release server's answers, the link model's time and bytes, and the same answers over real HTTP.</summary>
public sealed class LinkAndServerTests
{
    private static readonly byte[] File = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();

    [Fact]
    public void The_server_answers_ranges_like_a_static_server()
    {
        var server = new ReleaseServer();
        server.Publish("/f.bin", File);
        ServerAnswer range = server.Answer("/f.bin", 10, 19);
        Assert.Equal((206, "bytes 10-19/100000", 10, 10), (range.Status, range.ContentRange, range.BodyStart, range.BodyLength));
        Assert.Equal(416, server.Answer("/f.bin", 100_000, 100_010).Status);
        Assert.Equal((200, 100_000), (server.Answer("/f.bin", -1, -1).Status, server.Answer("/f.bin", -1, -1).BodyLength));
        Assert.Equal(404, server.Answer("/g.bin", 0, 9).Status);
        Assert.Equal(server.Answer("/f.bin", 0, 0).ETag, server.Answer("/f.bin", 5, 5).ETag);

        server.Faults.IgnoreRange = true;
        Assert.Equal(200, server.Answer("/f.bin", 10, 19).Status);
        server.Faults.IgnoreRange = false;
        server.Faults.FailNext(503);
        Assert.Equal(503, server.Answer("/f.bin", 0, 9).Status);
        server.Faults.DropAt("/f.bin", [50]);
        Assert.Null(server.Answer("/f.bin", 60, 99).DropAfter);
        Assert.Equal(10, server.Answer("/f.bin", 40, 99).DropAfter);
        Assert.Null(server.Answer("/f.bin", 40, 99).DropAfter); // once
    }

    [Fact]
    public void The_link_charges_round_trips_bytes_and_think_time()
    {
        var clock = new VirtualClock();
        var server = new ReleaseServer();
        server.Publish("/f.bin", File);
        server.Faults.ThinkMicroseconds = 5_000;
        var counters = new TrafficCounters();
        var link = new LinkTransport(new ModeledHttpTransport(server), new LinkModel(1_000_000, 40, 0), clock, counters);
        using (IHttpResponse response = link.Get("http://release.test/f.bin", 0, 9_999))
        {
            Assert.Equal(2 * 40_000 + 5_000, clock.NowMicroseconds);
            Assert.Equal(10_000, response.Read(new byte[20_000], 0, 20_000));
            Assert.Equal(2 * 40_000 + 5_000 + 80_000, clock.NowMicroseconds); // 10 000 bytes at 1 Mbit/s
        }

        Assert.Equal(new Traffic(1, 10_000, 10_000), counters.Now);

        // Closing a whole-file answer after a few bytes still costs a window's worth in flight.
        using (IHttpResponse response = link.Get("http://release.test/f.bin", -1, -1))
        {
            response.Read(new byte[32], 0, 32);
        }

        Assert.Equal(10_032 + LinkModel.InFlightBytes, counters.Now.WireBytes);
    }

    [Fact]
    public void Loss_resends_segments_deterministically_and_an_unanswered_request_times_out()
    {
        long Download(double loss)
        {
            var clock = new VirtualClock();
            var server = new ReleaseServer();
            server.Publish("/f.bin", File);
            var counters = new TrafficCounters();
            var link = new LinkTransport(new ModeledHttpTransport(server), new LinkModel(2_000_000, 20, loss), clock, counters);
            using IHttpResponse response = link.Get("http://release.test/f.bin", -1, -1);
            byte[] buffer = new byte[4096];
            while (response.Read(buffer, 0, buffer.Length) > 0)
            {
            }

            return counters.Now.WireBytes * 1_000_000_000L + clock.NowMicroseconds;
        }

        Assert.Equal(Download(0.05), Download(0.05));
        Assert.True(Download(0.05) > Download(0));

        var slowClock = new VirtualClock();
        var slow = new ReleaseServer();
        slow.Publish("/f.bin", File);
        slow.Faults.StallNext(1);
        var timeouts = new LinkTransport(new ModeledHttpTransport(slow), new LinkModel(1_000_000, 0, 0, TimeoutMilliseconds: 7_000),
            slowClock, new TrafficCounters());
        Assert.Throws<IOException>(() => timeouts.Get("http://release.test/f.bin", 0, 9));
        Assert.Equal(7_000_000, slowClock.NowMicroseconds);
        using IHttpResponse next = timeouts.Get("http://release.test/f.bin", 0, 9);
        Assert.Equal(206, next.StatusCode);
    }

    [Fact]
    public async Task Kestrel_serves_the_same_answers_over_real_http()
    {
        var server = new ReleaseServer();
        server.Publish("/f.bin", File);
        await using KestrelReleaseHost host = await KestrelReleaseHost.StartAsync(server);
        using var http = new HttpClientTransport();
        using (IHttpResponse range = http.Get(host.BaseUrl + "/f.bin", 1000, 1999))
        {
            Assert.Equal(206, range.StatusCode);
            Assert.Equal("bytes 1000-1999/100000", range.ContentRange);
            Assert.Equal(File[1000..2000], ReadAll(range));
        }

        server.Faults.ThinkMicroseconds = 1234;
        server.Faults.TruncateNext(1, 100);
        using (IHttpResponse truncated = http.Get(host.BaseUrl + "/f.bin", 0, 999))
        {
            Assert.Equal(1234, ((IServerTiming)truncated).ThinkMicroseconds);
            Assert.Equal(-1, truncated.ContentLength);
            Assert.Equal(File[..100], ReadAll(truncated));
        }

        // A drop aborts the connection: the client sees it on the request or while reading (the reset may overtake the data).
        server.Faults.DropAt("/f.bin", [5_000]);
        Assert.ThrowsAny<Exception>(() =>
        {
            using IHttpResponse dropped = http.Get(host.BaseUrl + "/f.bin", 0, 9_999);
            ReadAll(dropped);
        });
    }

    private static byte[] ReadAll(IHttpResponse response)
    {
        var received = new MemoryStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = response.Read(buffer, 0, buffer.Length)) > 0)
        {
            received.Write(buffer, 0, n);
        }

        return received.ToArray();
    }
}
