using Stm32NanoUpdater.Agent.Tests.Infrastructure;
using Stm32NanoUpdater.Agent.Transport;
using Stm32NanoUpdater.Simulation.Network;
using Stm32NanoUpdater.Simulation.Time;

namespace Stm32NanoUpdater.Agent.Tests.Transport;

/// <summary>The downloader against a real loopback HTTP server with the faults a field device meets.</summary>
public sealed class RangeDownloaderTests : IAsyncLifetime
{
    private const int ChunkSize = 16 * 1024;
    private const string ImagePath = "/images/app.bin";
    private static readonly byte[] File = TestImages.Payload(200_000, 42);

    private readonly VirtualClock _clock = new();
    private readonly HttpClientTransport _transport = new(TimeSpan.FromSeconds(10));
    private readonly ReleaseServer _server = new();
    private readonly RequestLog _log;
    private KestrelReleaseHost _host = null!;
    private string _url = "";

    public RangeDownloaderTests() => _log = new RequestLog(_server);

    public async Task InitializeAsync()
    {
        _host = await KestrelReleaseHost.StartAsync(_server);
        _url = _host.Publish(ImagePath, File);
    }

    public async Task DisposeAsync()
    {
        _transport.Dispose();
        await _host.DisposeAsync();
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
        Assert.Equal((File.Length + ChunkSize - 1) / ChunkSize, _log.Count);
        Assert.All(_log, entry => Assert.Equal(206, entry.Status));
        Assert.Equal((0L, 16383L), (_log[0].RangeFrom, _log[0].RangeTo));
        Assert.Equal((196608L, File.Length - 1L), (_log[^1].RangeFrom, _log[^1].RangeTo));
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
        _server.Faults.DropAt(ImagePath, [dropAt]);

        var (status, bytes) = Fetch(Downloader(), 0, File.Length);

        Assert.Equal(DownloadStatus.Completed, status);
        Assert.Equal(File, bytes);
        // One extra request, resuming at what had arrived (a reset may swallow bytes in flight), never past the drop.
        int chunks = (File.Length + ChunkSize - 1) / ChunkSize;
        Assert.Equal(chunks + 1, _log.Count);
        long chunkStart = dropAt / ChunkSize * ChunkSize;
        long[] starts = _log.Select(e => e.RangeFrom).ToArray();
        int dropped = Array.IndexOf(starts, chunkStart);
        Assert.InRange(starts[dropped + 1], chunkStart, dropAt);
        Assert.All(_log, e => Assert.True(e.RangeLength <= ChunkSize));
    }

    [Fact]
    public void Drops_at_many_offsets_in_one_download_still_deliver_every_byte_once()
    {
        long[] offsets = Enumerable.Range(1, 25).Select(i => (long)(i * 7919 % File.Length)).ToArray();
        _server.Faults.DropAt(ImagePath, offsets);
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
        _server.Faults.IgnoreRange = true;

        var (status, bytes) = Fetch(Downloader(), 150_000, File.Length);

        Assert.Equal(DownloadStatus.Completed, status);
        Assert.Equal(File[150_000..], bytes);
        Assert.Single(_log);
        Assert.Equal(200, _log[0].Status);
    }

    [Fact]
    public void A_server_ignoring_Range_with_drops_restarts_each_time_from_the_start()
    {
        _server.Faults.IgnoreRange = true;
        _server.Faults.DropAt(ImagePath, [60_000, 120_000]);

        var (status, bytes) = Fetch(Downloader(), 0, File.Length);

        Assert.Equal(DownloadStatus.Completed, status);
        Assert.Equal(File, bytes);
        Assert.Equal(3, _log.Count);
    }

    [Fact]
    public void Server_errors_are_retried_with_growing_backoff()
    {
        _server.Faults.FailNext(500, 503, 429);
        long before = _clock.NowMilliseconds;

        var (status, bytes) = Fetch(Downloader(), 0, File.Length);

        Assert.Equal(DownloadStatus.Completed, status);
        Assert.Equal(File, bytes);
        Assert.Equal(100 + 200 + 400, _clock.NowMilliseconds - before);
    }

    [Fact]
    public void Persistent_server_errors_give_up_after_the_bounded_number_of_failures()
    {
        _server.Faults.FailNext(500, 500, 500, 500, 500, 500);
        RangeDownloader downloader = Downloader(maxFailures: 4);

        var (status, _) = Fetch(downloader, 0, File.Length);

        Assert.Equal(DownloadStatus.Failed, status);
        Assert.Equal(4, _log.Count);
        Assert.Equal(500, downloader.LastHttpStatus);
        Assert.Contains("4 failures in a row", downloader.LastError);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(403)]
    [InlineData(400)]
    public void Client_errors_fail_at_once(int statusCode)
    {
        _server.Faults.FailNext(statusCode);
        RangeDownloader downloader = Downloader();

        var (status, _) = Fetch(downloader, 0, File.Length);

        Assert.Equal(DownloadStatus.Failed, status);
        Assert.Single(_log);
        Assert.Equal(statusCode, downloader.LastHttpStatus);
    }

    [Fact]
    public void Truncated_bodies_are_completed_by_further_requests()
    {
        _server.Faults.TruncateNext(3, 1000);

        var (status, bytes) = Fetch(Downloader(), 0, File.Length);

        Assert.Equal(DownloadStatus.Completed, status);
        Assert.Equal(File, bytes);
        Assert.Equal((1000L, 17383L), (_log[1].RangeFrom, _log[1].RangeTo)); // each request stays within one chunk size
        Assert.Equal((2000L, 18383L), (_log[2].RangeFrom, _log[2].RangeTo));
    }

    [Fact]
    public void A_file_replaced_during_the_download_is_noticed_by_its_ETag()
    {
        byte[] replacement = (byte[])File.Clone();
        replacement[0] ^= 0xFF;
        _server.Faults.ReplaceFileAfter(3, ImagePath, replacement);
        RangeDownloader downloader = Downloader();

        var (status, _) = Fetch(downloader, 0, File.Length);

        Assert.Equal(DownloadStatus.FileChanged, status);
        Assert.Equal(4, _log.Count);
        Assert.Contains("changed", downloader.LastError);
    }

    [Fact]
    public void A_file_that_changed_size_is_noticed_without_an_ETag()
    {
        _server.Faults.OmitETag = true;
        _server.Faults.ReplaceFileAfter(2, ImagePath, File[..150_000]);

        var (status, _) = Fetch(Downloader(), 0, File.Length);

        Assert.Equal(DownloadStatus.FileChanged, status);
    }

    [Fact]
    public void A_range_past_a_shrunken_file_means_the_file_changed()
    {
        _server.Publish(ImagePath, File[..10_000]);

        var (status, _) = Fetch(Downloader(), 20_000, 30_000, new RemoteFile(_url, File.Length, null));

        Assert.Equal(DownloadStatus.FileChanged, status);
        Assert.Equal(416, _log[0].Status);
    }

    [Fact]
    public void Validators_known_from_an_earlier_response_must_match()
    {
        var first = new RemoteFile(_url, -1, null);
        Assert.Equal(DownloadStatus.Completed, Fetch(Downloader(), 0, 32, first).Status);
        byte[] other = (byte[])File.Clone();
        other[150_000] ^= 0xFF;
        _server.Publish(ImagePath, other); // same length, the bytes asked for unchanged: only the ETag tells

        Assert.Equal(DownloadStatus.FileChanged, Fetch(Downloader(), 32, 64, first).Status);
    }

    [Fact]
    public void A_stalled_request_times_out_and_is_retried()
    {
        using var impatient = new HttpClientTransport(TimeSpan.FromSeconds(1));
        _server.Faults.StallNext(1);

        var (status, bytes) = Fetch(Downloader(transport: impatient), 0, 40_000);

        Assert.Equal(DownloadStatus.Completed, status);
        Assert.Equal(File[..40_000], bytes);
        Assert.Equal((_log[0].RangeFrom, _log[0].RangeTo), (_log[1].RangeFrom, _log[1].RangeTo));
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
