using System.Collections.Concurrent;
using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;
using Stm32NanoUpdater.Host;
using Stm32NanoUpdater.Simulation.Demo;
using Stm32NanoUpdater.Simulation.Device;
using Stm32NanoUpdater.Simulation.Images;
using Stm32NanoUpdater.Simulation.Network;
using Stm32NanoUpdater.Simulation.Reporting;
using Stm32NanoUpdater.Simulation.Scenario;

namespace Stm32NanoUpdater.Cli.Verbs;

/// <summary>
/// `nanoupdate demo`: the whole update on a simulated board, real code end to end (host signing, Kestrel, the device
/// agent, the native swap stage), with a narration, progress bars and a summary table; `--quiet` and `--json` for scripts.
/// </summary>
public sealed class DemoVerb : IVerb
{
    // Downloads are replayed on screen this many times faster than the device's modeled time.
    private const int ReplaySpeedUp = 25;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Command Create(CliContext context)
    {
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the summary table and the outcome (no narration, no progress bars)" };
        var json = new Option<bool>("--json") { Description = "Print the outcome and the summary as one JSON object, nothing else" };
        var command = new Command("demo",
            "Run the whole update on a simulated STM32F769 board, with no hardware and no arguments.\n" +
            "A throw-away ECDSA P-256 key signs three sample releases (nanoCLR 600 KiB and a 296 KiB application, as on the real\n" +
            "board); a Kestrel server on a loopback port serves them. The board, flashed with v1, boots; its application (the real\n" +
            "device agent) finds v2, downloads it over HTTP into the modeled SPI NOR (progress bar), verifies it and hands off; the\n" +
            "real native swap stage (the nanoBooter C, loaded as a shared library) installs it; v2 boots and is confirmed. Then v3\n" +
            "fails its self-test, is never confirmed, and the swap stage reverts to v2. Time is modeled (2 Mbit/s link, datasheet\n" +
            "flash timings) on a virtual clock, so the demo takes seconds. The summary shows bytes over the wire, flash operations,\n" +
            "device time and the result of every phase.\n" +
            "Exit code 0 when every step did what it must, 1 when not. Fault campaigns: nanoupdate simulate --help.")
        {
            quiet, json,
        };
        command.SetAction(parse => Run(context, parse.GetValue(quiet), parse.GetValue(json)));
        return command;
    }

    private static int Run(CliContext context, bool quiet, bool json)
    {
        IAnsiConsole console = ReportConsole.Create(context.Out);
        DemoResult result;
        try
        {
            result = quiet || json
                ? DemoRun.Run(SampleImageSizes.Default, LinkModel.Default)
                : Narrate(console, context.Out);
        }
        catch (DllNotFoundException e)
        {
            throw new InputException($"the simulator's native libraries are missing ({e.Message}); rebuild host-tools/Stm32NanoUpdater.Simulation, which needs cmake, gcc and libmbedtls-dev");
        }

        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(JsonModel(result), Json));
        }
        else
        {
            console.Write(PhaseTable.Build(result.Phases, result.Total, "summary (device time is modeled)"));
            console.MarkupLine(result.Succeeded
                ? $"[green]ok[/]: {Markup.Escape(result.Outcome)}"
                : $"[red]FAILED[/]: {Markup.Escape(result.Outcome)}");
            console.MarkupLine($"[grey]{Units.Seconds(result.Total.DeviceSeconds)} of device time in {Units.Seconds(result.WallSeconds)} of real time[/]");
        }

        return result.Succeeded ? ExitCodes.Ok : ExitCodes.VerificationFailed;
    }

    // The simulation runs on a worker thread; this thread renders its events as they come.
    private static DemoResult Narrate(IAnsiConsole console, TextWriter output)
    {
        var events = new BlockingCollection<object>();
        Task<DemoResult> worker = Task.Run(() =>
        {
            try
            {
                return DemoRun.Run(SampleImageSizes.Default, LinkModel.Default, new QueueObserver(events));
            }
            finally
            {
                events.CompleteAdding();
            }
        });
        bool live = console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi;
        object? pending = null;
        while (pending is not null || events.TryTake(out pending, Timeout.Infinite))
        {
            object next = pending!;
            pending = null;
            switch (next)
            {
                case DemoSetup setup:
                    Introduce(console, setup);
                    break;
                case ScenarioStep step:
                    console.WriteLine();
                    console.Write(new Rule($"[bold]{Markup.Escape(step.Name)}[/]: {Markup.Escape(Describe(step))}").LeftJustified());
                    break;
                case PhaseRecord phase:
                    Print(console, phase);
                    break;
                case DownloadTick tick when live:
                    pending = ShowDownload(console, tick, events);
                    break;
            }
        }

        output.Flush();
        return worker.GetAwaiter().GetResult();
    }

    private static void Introduce(IAnsiConsole console, DemoSetup setup)
    {
        SampleImages images = setup.Images;
        console.Write(new Rule("[bold]nanoupdate demo[/]: the whole update on a simulated STM32F769 board").LeftJustified());
        console.MarkupLine($"  key     throw-away ECDSA P-256 signing key, key hash {setup.KeyHash[..16]}…");
        console.MarkupLine($"  images  signed with the host library: nanoCLR {Units.Bytes(images.V1.NanoClr.Payload.Length)}, " +
                           $"application {Units.Bytes(images.V1.Deployment.Payload.Length)} (v1 at the factory, v2 both, v3 the application only; " +
                           "v3 fails its self-test)");
        console.MarkupLine($"  server  {Markup.Escape(setup.ServerUrl)} (Kestrel on loopback); device link {Markup.Escape(setup.Link.Describe())}, modeled");
        console.MarkupLine($"  device  STM32F769 internal flash + W25Q128JV on SPI2 (models); native swap stage ABI {setup.StageAbiVersion} " +
                           "and native crypto loaded from the nf-targets C sources");
    }

    private static string Describe(ScenarioStep step) => step.Target.Published.Count == 2
        ? $"the server offers {step.Target.NanoClr.Name} and {step.Target.Deployment.Name}"
        : $"the server offers {step.Target.Published[0].Name}" + (step.Target.Deployment.PassesSelfTest ? "" : " (its self-test will fail)");

    private static void Print(IAnsiConsole console, PhaseRecord phase)
    {
        string colour = phase.Name is "self-test failed" or "revert" ? "yellow" : phase.Name is "install" or "confirm" ? "green" : "white";
        console.MarkupLine($"  [grey]{Clock(phase.End.Microseconds)}[/] [{colour}]{Markup.Escape(phase.Name),-16}[/] " +
                           $"{Markup.Escape(phase.Detail)}{Markup.Escape(CostText(phase))}");
    }

    // What a narration line adds after the phase's own account: bytes and device time where they matter.
    private static string CostText(PhaseRecord phase) => phase.Name switch
    {
        "download" => $" ({Units.Bytes(phase.Cost.Traffic.WireBytes)} in {Units.Seconds(phase.Cost.Microseconds / 1e6)})",
        "install" or "revert" => $" ({Units.Seconds(phase.Cost.Microseconds / 1e6)})",
        _ => "",
    };

    // Shows one image's download as a progress bar; returns the first event that is not part of it.
    private static object? ShowDownload(IAnsiConsole console, DownloadTick first, BlockingCollection<object> events)
    {
        object? after = null;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask("  downloading " + Markup.Escape(first.Image), maxValue: first.Length);
                DownloadTick last = first;
                task.Value = first.Position;
                while (events.TryTake(out object? next, Timeout.Infinite))
                {
                    if (next is not DownloadTick progress || progress.Image != first.Image)
                    {
                        after = next;
                        break;
                    }

                    long wait = (progress.DeviceMicroseconds - last.DeviceMicroseconds) / ReplaySpeedUp / 1000;
                    Thread.Sleep((int)Math.Clamp(wait, 0, 100));
                    task.Value = progress.Position;
                    last = progress;
                }

                task.Value = task.MaxValue;
            });
        return after;
    }

    private static string Clock(long microseconds) => TimeSpan.FromTicks(microseconds * 10).ToString(@"mm\:ss\.fff");

    private static object JsonModel(DemoResult result) => new
    {
        result = result.Succeeded ? "ok" : "failed",
        outcome = result.Outcome,
        keyHash = result.Setup.KeyHash,
        server = result.Setup.ServerUrl,
        link = new
        {
            bitsPerSecond = result.Setup.Link.BitsPerSecond,
            roundTripMilliseconds = result.Setup.Link.RoundTripMilliseconds,
            lossRate = result.Setup.Link.LossRate,
        },
        images = result.Setup.Images.All.Select(i => new
        {
            release = i.Release,
            kind = i.Kind == Stm32NanoUpdater.Agent.Staging.ImageKind.NanoClr ? "nanoCLR" : "deployment",
            version = i.Version,
            payloadBytes = i.Payload.Length,
            signedBytes = i.SignedFile.Length,
            passesSelfTest = i.PassesSelfTest,
        }),
        phases = result.Phases,
        total = result.Total,
        deviceSeconds = result.Total.DeviceSeconds,
        wallSeconds = Math.Round(result.WallSeconds, 2),
    };

    private sealed record DownloadTick(string Image, int Position, int Length, long DeviceMicroseconds);

    private sealed class QueueObserver(BlockingCollection<object> events) : IDemoObserver
    {
        public void Prepared(DemoSetup setup) => events.Add(setup);

        public void StepStarting(ScenarioStep step) => events.Add(step);

        public void PhaseEnded(PhaseRecord phase) => events.Add(phase);

        public void DownloadProgress(string image, int position, int length, long deviceMicroseconds) =>
            events.Add(new DownloadTick(image, position, length, deviceMicroseconds));
    }
}
