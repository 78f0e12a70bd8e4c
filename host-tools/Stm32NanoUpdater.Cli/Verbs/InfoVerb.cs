using System.CommandLine;
using Stm32NanoUpdater.Cli.Formatting;
using Stm32NanoUpdater.Host.Inspection;

namespace Stm32NanoUpdater.Cli.Verbs;

/// <summary>`nanoupdate info image [--json] [-k key.pem]...`</summary>
public sealed class InfoVerb : IVerb
{
    public Command Create(CliContext context)
    {
        var image = new Argument<string>("image") { Description = "Image file (binary or .hex)" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text" };
        Option<string[]> keys = Options.Keys("Known key(s): names the signer and checks its signature (repeatable)");

        var command = new Command("info",
            "Describe an image: header, version, every TLV, hash check, the signing key and the slot trailer.\n" +
            "Exit code 0 when the image is well-formed and its hash (and, with -k, signature) checks out, else 1.\n" +
            "Example: nanoupdate info nanoCLR-signed.bin --json")
        {
            image, json, keys,
        };
        command.SetAction(parse =>
        {
            ImageReport report = ImageInspector.Inspect(parse.GetRequiredValue(image), Options.LoadPublicKeys(parse.GetValue(keys)));
            var model = ImageInfoModel.From(report);
            context.Out.Write(parse.GetValue(json) ? ImageInfoJson.Format(model) : ImageInfoText.Format(model));
            if (!model.Ok)
            {
                context.Error.WriteLine($"error: {model.Problem}");
                return ExitCodes.VerificationFailed;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
