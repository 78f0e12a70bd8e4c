using Stm32NanoUpdater.Agent.Tests.Infrastructure;
using Stm32NanoUpdater.Agent.Transport;
using Stm32NanoUpdater.Simulation.Time;

namespace Stm32NanoUpdater.Agent.Tests.Transport;

/// <summary>The downloader against a real loopback HTTP server with the faults a field device meets.</summary>
public sealed class RangeDownloaderTests : IAsyncLifetime
{
    private const int ChunkSize = 16 * 1024;
    private static readonly byte[] File = TestImages.Payload(200_000, 42);

    private readonly VirtualClock _clock = new();
    private readonly HttpClientTransport _transport = new(TimeSpan.FromSeconds(10));
    private LoopbackFileServer _server = null!;
    private string _url = "";

    public async Task InitializeAsync()
    {
        _server = await LoopbackFileServer.StartAsync();
        _url = _server.Publish("/images/app.bin", File);
    }

    public async Task DisposeAsync()
    {
        _transport.Dispose();
        await _server.DisposeAsync();
    }

    private RangeDownloader Downloader(int maxFailures = 4, IHttpTransport? transport = null) =>
        new(transport ?? _transport, _clock, new DownloadPolicy
        {
            ChunkSize = ChunkSize,
            MaxConsecutiveFailures = maxFailures,
            InitialBackoffMilliseconds = 100,
            MaxBackoffMilliseconds = 1000,
        }, new byte[1024]);

    private (DownloadStatus Status, byte[] Bytes) Fetch(RangeDownloader downloader, int from, int to, RemoteFile? file = null)
    {
        var target = new byte[to - from];
        DownloadStatus status = downloader.Download(file ?? new RemoteFile(_url, -1, null), from, to, new ArraySink(target));
        return (status, target);
    }

    [Fact]
    public void Downloads_in_bounded_ranged_requests()
    {
        var (status, bytes) = Fetch(Downloader(), 0, File.Length);

        Assert.Equal(DownloadStatus.Completed, status);
        Assert.Equal(File, bytes);
        Assert.Equal((File.Length + ChunkSize - 1) / ChunkSize, _server.Log.Count);
        Assert.All(_server.Log, entry => Assert.Equal(206, entry.Status));
        Assert.Equal("bytes=0-16383", _server.Log[0].Range);
        Assert.Equal($"bytes=196608-{File.Length - 1}", _server.Log[^1].Range);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(16383L)]
    [InlineData(16384L)]
    [InlineData(100_001L)]
    [InlineData(199_999L)]
    public void A_dropped_connection_resumes_from_the_next_byte(long dropAt)
    {
        _server.DropAt(dropAt);

        var (status, bytes) = Fetch(Downloader(), 0, File.Length);

        Assert.Equal(DownloadStatus.Completed, status);
        Assert.Equal(File, bytes);
        // One extra request, resuming at what had arrived (a reset may swallow bytes in flight), never past the drop.
        int chunks = (File.Length + ChunkSize - 1) / ChunkSize;
        Assert.Equal(chunks + 1, _server.Log.Count);
        long chunkStart = dropAt / ChunkSize * ChunkSize;
        long[] starts = _server.Log.Select(e => long.Parse(e.Range!["bytes=".Length..e.Range!.IndexOf('-')])).ToArray();
        int dropped = Array.IndexOf(starts, chunkStart);
        Assert.InRange(starts[dropped + 1], chunkStart, dropAt);
        Assert.All(_server.Log, e => Assert.True(RangeLength(e.Range!) <= ChunkSize));
    }

    private static long RangeLength(string range)
    {
        string[] bounds = range["bytes=".Length..].Split('-');
        return long.Parse(bounds[1]) - long.Parse(bounds[0]) + 1;
    }

    [Fact]
    public void Drops_at_many_offsets_in_one_download_still_deliver_every_byte_once()
    {
        long[] offsets = Enumerable.Range(1, 25).Select(i => (long)(i * 7919 % File.Length)).ToArray();
        _server.DropAt(offsets);
        var progress = new List<int>();
        RangeDownloader downloader = Downloader();
        downloader.Progress += (position, length) => progress.Add(position);

        var (status, bytes) = Fetch(downloader, 0, File.Length);

        Assert.Equal(DownloadStatus.Completed, status);
        Assert.Equal(File, bytes);
        Assert.Equal(progress.Order(), progress);
        Assert.Equal(File.Length, progress[^1]);
    }

    [Fact]
    public void A_server_ignoring_Range_is_read_from_the_start_skipping_what_is_already_there()
    {
        _server.IgnoreRange = true;

        var (status, bytes) = Fetch(Downloader(), 150_000, File.Length);

        Assert.Equal(DownloadStatus.Completed, status);
        Assert.Equal(File[150_000..], bytes);
        Assert.Single(_server.Log);
        Assert.Equal(200, _server.Log[0].Status);
    }

    [Fact]
    public void A_server_ignoring_Range_with_drops_restarts_each_time_from_the_start()
    {
        _server.IgnoreRange = true;
        _server.DropAt(60_000, 120_000);

        var (status, bytes) = Fetch(Downloader(), 0, File.Length);

        Assert.Equal(DownloadStatus.Completed, status);
        Assert.Equal(File, bytes);
        Assert.Equal(3, _server.Log.Count);
    }

    [Fact]
    public void Server_errors_are_retried_with_growing_backoff()
    {
        _server.FailNext(500, 503, 429);
        long before = _clock.NowMilliseconds;

        var (status, bytes) = Fetch(Downloader(), 0, File.Length);

        Assert.Equal(DownloadStatus.Completed, status);
        Assert.Equal(File, bytes);
        Assert.Equal(100 + 200 + 400, _clock.NowMilliseconds - before);
    }

    [Fact]
    public void Persistent_server_errors_give_up_after_the_bounded_number_of_failures()
    {
        _server.FailNext(500, 500, 500, 500, 500, 500);
        RangeDownloader downloader = Downloader(maxFailures: 4);

        var (status, _) = Fetch(downloader, 0, File.Length);

        Assert.Equal(DownloadStatus.Failed, status);
        Assert.Equal(4, _server.Log.Count);
        Assert.Equal(500, downloader.LastHttpStatus);
        Assert.Contains("4 failures in a row", downloader.LastError);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(403)]
    [InlineData(400)]
    public void Client_errors_fail_at_once(int statusCode)
    {
        _server.FailNext(statusCode);
        RangeDownloader downloader = Downloader();

        var (status, _) = Fetch(downloader, 0, File.Length);

        Assert.Equal(DownloadStatus.Failed, status);
        Assert.Single(_server.Log);
        Assert.Equal(statusCode, downloader.LastHttpStatus);
    }

    [Fact]
    public void Truncated_bodies_are_completed_by_further_requests()
    {
        _server.TruncateNext(3, 1000);

        var (status, bytes) = Fetch(Downloader(), 0, File.Length);

        Assert.Equal(DownloadStatus.Completed, status);
        Assert.Equal(File, bytes);
        Assert.Equal("bytes=1000-17383", _server.Log[1].Range); // each request stays within one chunk size
        Assert.Equal("bytes=2000-18383", _server.Log[2].Range);
    }

    [Fact]
    public void A_file_replaced_during_the_download_is_noticed_by_its_ETag()
    {
        byte[] replacement = (byte[])File.Clone();
        replacement[0] ^= 0xFF;
        _server.ChangeFileAfter(3, "/images/app.bin", replacement);
        RangeDownloader downloader = Downloader();

        var (status, _) = Fetch(downloader, 0, File.Length);

        Assert.Equal(DownloadStatus.FileChanged, status);
        Assert.Equal(4, _server.Log.Count);
        Assert.Contains("changed", downloader.LastError);
    }

    [Fact]
    public void A_file_that_changed_size_is_noticed_without_an_ETag()
    {
        _server.OmitETag = true;
        _server.ChangeFileAfter(2, "/images/app.bin", File[..150_000]);

        var (status, _) = Fetch(Downloader(), 0, File.Length);

        Assert.Equal(DownloadStatus.FileChanged, status);
    }

    [Fact]
    public void A_range_past_a_shrunken_file_means_the_file_changed()
    {
        _server.Publish("/images/app.bin", File[..10_000]);

        var (status, _) = Fetch(Downloader(), 20_000, 30_000, new RemoteFile(_url, File.Length, null));

        Assert.Equal(DownloadStatus.FileChanged, status);
        Assert.Equal(416, _server.Log[0].Status);
    }

    [Fact]
    public void Validators_known_from_an_earlier_response_must_match()
    {
        var first = new RemoteFile(_url, -1, null);
        Assert.Equal(DownloadStatus.Completed, Fetch(Downloader(), 0, 32, first).Status);
        _server.Publish("/images/app.bin", File); // same bytes, new ETag: a different representation

        Assert.Equal(DownloadStatus.FileChanged, Fetch(Downloader(), 32, 64, first).Status);
    }

    [Fact]
    public void A_stalled_request_times_out_and_is_retried()
    {
        using var impatient = new HttpClientTransport(TimeSpan.FromSeconds(1));
        _server.StallNext(1);

        var (status, bytes) = Fetch(Downloader(transport: impatient), 0, 40_000);

        Assert.Equal(DownloadStatus.Completed, status);
        Assert.Equal(File[..40_000], bytes);
        Assert.Equal(_server.Log[0].Range, _server.Log[1].Range);
    }

    [Fact]
    public void An_unreachable_server_fails_after_the_bounded_retries()
    {
        RangeDownloader downloader = Downloader(maxFailures: 3);

        var (status, _) = Fetch(downloader, 0, 100, new RemoteFile("http://127.0.0.1:1/nothing.bin", -1, null));

        Assert.Equal(DownloadStatus.Failed, status);
        Assert.Equal(0, downloader.LastHttpStatus);
        Assert.Contains("request failed", downloader.LastError);
    }
}
