using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Stm32NanoUpdater.Host;
using Stm32NanoUpdater.Simulation;
using Stm32NanoUpdater.Simulation.Campaigns;
using Stm32NanoUpdater.Simulation.Images;
using Stm32NanoUpdater.Simulation.Mcu;
using Stm32NanoUpdater.Simulation.Network;
using Stm32NanoUpdater.Simulation.Nor;
using Stm32NanoUpdater.Simulation.Reporting;
using Stm32NanoUpdater.Simulation.TimeModel;

namespace Stm32NanoUpdater.Cli.Verbs;

/// <summary>
/// `nanoupdate simulate`: the demo's device with chosen image sizes and link, the time-model report, and the fault
/// campaigns (power cuts, network faults) with their report as tables or one JSON object.
/// </summary>
public sealed class SimulateVerb : IVerb
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public Command Create(CliContext context)
    {
        var clrSize = new Option<int>("--clr-size") { Description = "nanoCLR image payload in KiB (4–704)", DefaultValueFactory = _ => 600, HelpName = "KiB" };
        var deploymentSize = new Option<int>("--deployment-size") { Description = "Deployment (application) payload in KiB (8–1280)", DefaultValueFactory = _ => 296, HelpName = "KiB" };
        var link = new Option<int>("--link") { Description = "Link rate in kbit/s", DefaultValueFactory = _ => 2000, HelpName = "kbit/s" };
        var rtt = new Option<int>("--rtt") { Description = "Link round-trip time in ms", DefaultValueFactory = _ => 40, HelpName = "ms" };
        var loss = new Option<double>("--loss") { Description = "Segment loss in percent (each lost 1460-byte segment is resent after a timeout)", DefaultValueFactory = _ => 0, HelpName = "%" };
        var powerCuts = new Option<string?>("--power-cuts")
        {
            Description = "Cut the power before and in the middle of flash operations of the whole story: 'all' of them, or N spread evenly",
            HelpName = "all|N",
        };
        var networkFaults = new Option<bool>("--network-faults") { Description = "Run the network-fault campaign (drops, 5xx, Range ignored, truncated bodies, slow server, timeouts)" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Campaign runs in parallel", DefaultValueFactory = _ => Environment.ProcessorCount, HelpName = "N" };
        var json = new Option<bool>("--json") { Description = "Print the whole report as one JSON object (cutsTried, bricks, ... at the top level)" };
        var command = new Command("simulate",
            "Simulate the device of `nanoupdate demo` with your image sizes and link, and break it on purpose.\n" +
            "Always: one fault-free run of the story (v1 at the factory, update to v2, then v3 fails its self-test and is reverted),\n" +
            "its per-phase summary, and the time model (modeled device time per phase against the physical floor: link or NOR\n" +
            "programming, plus internal erase/program of changed sectors and one read pass).\n" +
            "--power-cuts all|N cuts the supply before and in the middle of every flash operation (or N of them) in download,\n" +
            "install, confirm and revert; after each cut the board boots and must land on a valid signed release and then finish\n" +
            "the update exactly as a fault-free board does. A brick is a board that does not. --network-faults breaks the link.\n" +
            "Examples: nanoupdate simulate --power-cuts 2000 | nanoupdate simulate --power-cuts all --json\n" +
            "          nanoupdate simulate --network-faults --link 500 --loss 1\n" +
            "Exit code 0 when there is no brick and every network-fault run completed, 1 when not, 2 for bad options.")
        {
            clrSize, deploymentSize, link, rtt, loss, powerCuts, networkFaults, jobs, json,
        };
        command.SetAction(parse =>
        {
            var sizes = new SampleImageSizes(
                Kib(parse.GetValue(clrSize), "--clr-size", 4, 704),
                Kib(parse.GetValue(deploymentSize), "--deployment-size", 8, 1280));
            var model = new LinkModel(
                (long)Range(parse.GetValue(link), "--link", 8, 10_000_000) * 1000,
                (int)Range(parse.GetValue(rtt), "--rtt", 0, 10_000),
                Range(parse.GetValue(loss), "--loss", 0, 50) / 100);
            int? cuts = parse.GetValue(powerCuts) is { } text ? ParseCuts(text) : null;
            return Run(context, sizes, model, parse.GetValue(powerCuts) is not null, cuts, parse.GetValue(networkFaults),
                (int)Range(parse.GetValue(jobs), "--jobs", 1, 256), parse.GetValue(json));
        });
        return command;
    }

    private static int Run(CliContext context, SampleImageSizes sizes, LinkModel link, bool powerCuts, int? cutCount, bool networkFaults,
        int jobs, bool json)
    {
        IAnsiConsole console = ReportConsole.Create(context.Out);
        try
        {
            using SimulationEnvironment environment = SimulationEnvironment.Create(sizes, link);
            var campaign = new PowerCutCampaign(environment);
            var rows = PhaseSummary.Rows(campaign.Reference.Phases);
            var total = PhaseSummary.Total(campaign.Reference.Phases, "ok");
            TimeModelReport timeModel = TimeModelReport.From(campaign.Reference, link, NorChipProfile.W25Q128JV, InternalFlashTimings.Typical);
            if (!json)
            {
                console.MarkupLine($"[bold]nanoupdate simulate[/]: nanoCLR {Units.Bytes(sizes.NanoClrBytes)}, application " +
                                   $"{Units.Bytes(sizes.DeploymentBytes)}, link {Markup.Escape(link.Describe())}");
                console.Write(PhaseTable.Build(rows, total, "fault-free run (device time is modeled)"));
                console.Write(CampaignTables.TimeModel(timeModel));
            }

            PowerCutReport? cutReport = powerCuts ? RunPowerCuts(console, campaign, cutCount, jobs, json) : null;
            NetworkFaultReport? networkReport = networkFaults ? new NetworkFaultCampaign(environment).Run(jobs) : null;
            if (json)
            {
                context.Out.WriteLine(JsonReport(rows, total, timeModel, cutReport, networkReport).ToJsonString(Json));
            }
            else
            {
                if (cutReport is not null)
                {
                    console.Write(CampaignTables.PowerCuts(cutReport));
                    foreach (BrickSample brick in cutReport.BrickSamples)
                    {
                        console.MarkupLine($"[red]brick[/] {Markup.Escape($"{brick.Step} {brick.Phase}, {brick.Cut}: {brick.Problem}")}");
                    }
                }

                if (networkReport is not null)
                {
                    console.Write(CampaignTables.NetworkFaults(networkReport));
                }
            }

            bool ok = (cutReport is null || (cutReport.Bricks == 0 && cutReport.NotReached == 0)) && (networkReport?.AllCompleted ?? true);
            return ok ? ExitCodes.Ok : ExitCodes.VerificationFailed;
        }
        catch (DllNotFoundException e)
        {
            throw new InputException($"the simulator's native libraries are missing ({e.Message}); rebuild host-tools/Stm32NanoUpdater.Simulation, which needs cmake, gcc and libmbedtls-dev");
        }
        catch (SimulationException e)
        {
            context.Error.WriteLine($"verification failed: the fault-free run did not end as it must: {e.Message}");
            return ExitCodes.VerificationFailed;
        }
    }

    private static PowerCutReport RunPowerCuts(IAnsiConsole console, PowerCutCampaign campaign, int? count, int jobs, bool json)
    {
        int total = Math.Min(count ?? int.MaxValue, campaign.CutPoints.Count);
        if (json || !console.Profile.Capabilities.Interactive)
        {
            return campaign.Run(count, jobs).Report;
        }

        return console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask($"power cuts ({total:N0})", maxValue: total);
                return campaign.Run(count, jobs, (done, _) => task.Value = done).Report;
            });
    }

    private static JsonObject JsonReport(IReadOnlyList<PhaseSummaryRow> rows, PhaseSummaryRow total, TimeModelReport timeModel,
        PowerCutReport? cuts, NetworkFaultReport? network)
    {
        JsonObject root = cuts is null ? new JsonObject() : JsonSerializer.SerializeToNode(cuts, Json)!.AsObject();
        root["result"] = (cuts is null || cuts.Bricks == 0) && (network?.AllCompleted ?? true) ? "ok" : "failed";
        root["phases"] = JsonSerializer.SerializeToNode(rows, Json);
        root["total"] = JsonSerializer.SerializeToNode(total, Json);
        root["timeModel"] = JsonSerializer.SerializeToNode(timeModel.Rows.Select(r => new
        {
            phase = r.Phase,
            modeledSeconds = r.ModeledSeconds,
            floorSeconds = r.FloorSeconds,
            ratio = r.Ratio,
            floorBasis = r.FloorBasis,
        }), Json);
        if (network is not null)
        {
            JsonObject faults = JsonSerializer.SerializeToNode(network, Json)!.AsObject();
            faults["allCompleted"] = network.AllCompleted;
            root["networkFaults"] = faults;
        }

        return root;
    }

    private static int? ParseCuts(string text)
    {
        if (string.Equals(text, "all", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int count) && count > 0
            ? count
            : throw new InputException($"--power-cuts takes 'all' or a positive number of cuts, not '{text}'");
    }

    private static int Kib(int kib, string option, int min, int max) => (int)Range(kib, option, min, max) * 1024;

    private static double Range(double value, string option, double min, double max) =>
        value >= min && value <= max
            ? value
            : throw new InputException($"{option} must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, not {value.ToString(CultureInfo.InvariantCulture)}");
}
