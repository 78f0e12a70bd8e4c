using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Stm32NanoUpdater.Simulation.Network;

/// <summary>
/// A <see cref="ReleaseServer"/> on a real loopback HTTP port (Kestrel, port chosen by the OS): what the demo's
/// simulated device downloads from through .NET's HTTP stack. Faults are played as on the wire: a drop aborts the
/// connection, a truncated body ends without Content-Length, a request the server never answers is held open until the
/// client gives up. The server's modeled think time travels in a header for the device's link model
/// (<see cref="ThinkTimeHeader"/>); apart from unanswered requests, nothing here waits for real.
/// </summary>
public sealed class KestrelReleaseHost : IAsyncDisposable
{
    public const string ThinkTimeHeader = "X-Simulated-Think-Microseconds";

    private readonly WebApplication _app;
    private readonly ReleaseServer _server;

    private KestrelReleaseHost(WebApplication app, ReleaseServer server)
    {
        _app = app;
        _server = server;
    }

    /// <summary>http://127.0.0.1:port</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Publishes <paramref name="content"/> at <paramref name="path"/> on the release server; returns its URL here.</summary>
    public string Publish(string path, byte[] content)
    {
        _server.Publish(path, content);
        return BaseUrl + path;
    }

    public static async Task<KestrelReleaseHost> StartAsync(ReleaseServer server)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        var host = new KestrelReleaseHost(app, server);
        app.Run(host.HandleAsync);
        await app.StartAsync();
        host.BaseUrl = app.Urls.Single().TrimEnd('/');
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        long from = -1;
        long to = -1;
        if (RangeHeaderValue.TryParse(context.Request.Headers.Range.ToString(), out RangeHeaderValue? range) &&
            range.Ranges.Count == 1 && range.Ranges.Single().From is long first)
        {
            from = first;
            to = range.Ranges.Single().To ?? long.MaxValue;
        }

        ServerAnswer answer = _server.Answer(context.Request.Path.Value ?? "/", from, to);
        if (answer.Unanswered)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return;
        }

        HttpResponse response = context.Response;
        response.StatusCode = answer.Status;
        response.Headers[ThinkTimeHeader] = answer.ThinkMicroseconds.ToString(CultureInfo.InvariantCulture);
        if (answer.ContentRange is not null)
        {
            response.Headers.ContentRange = answer.ContentRange;
        }

        if (answer.ETag is not null)
        {
            response.Headers.ETag = answer.ETag;
        }

        if (answer.ContentLength >= 0)
        {
            response.ContentLength = answer.ContentLength;
        }

        int deliverable = answer.Deliverable;
        if (deliverable > 0)
        {
            await response.Body.WriteAsync(answer.Content.AsMemory(answer.BodyStart, deliverable));
            await response.Body.FlushAsync();
        }

        if (answer.DropAfter is { } drop && drop <= deliverable)
        {
            context.Abort();
        }
    }
}
