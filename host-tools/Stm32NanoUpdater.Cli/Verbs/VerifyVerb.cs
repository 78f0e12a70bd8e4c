using System.CommandLine;
using Stm32NanoUpdater.Host.Inspection;
using Stm32NanoUpdater.Host.Keys;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Cli.Verbs;

/// <summary>`nanoupdate verify -k key.pem image`: exit 0 when the image verifies, 1 when it does not.</summary>
public sealed class VerifyVerb : IVerb
{
    public Command Create(CliContext context)
    {
        Option<string> key = Options.Key("Key to check the signature with (private or public PEM); without it only the hash is checked", required: false);
        var image = new Argument<string>("image") { Description = "Signed image (binary or .hex, padded or not)" };

        var command = new Command("verify",
            "Check an image's layout, SHA-256 and signature with the device library's verifier.\n" +
            "Exit code 0 when it verifies, 1 when it does not. Example: nanoupdate verify -k signing-key.pem nanoCLR-signed.bin")
        {
            key, image,
        };
        command.SetAction(parse =>
        {
            string? keyPath = parse.GetValue(key);
            ImageReport report = ImageInspector.Inspect(parse.GetRequiredValue(image), Options.LoadPublicKeys(keyPath is null ? null : [keyPath]));
            VerificationResult result = report.Result;
            bool hashOnly = keyPath is null;
            if (result.IsAccepted || (hashOnly && result.HashMatches))
            {
                context.Out.WriteLine(hashOnly
                    ? $"image hash OK, version {result.Header!.Version} (no key given: signature not checked)"
                    : $"image verified: version {result.Header!.Version}, signed by {keyPath} ({report.NamedKey!.TypeName})");
                return ExitCodes.Ok;
            }

            string detail = result.Reason == RejectReason.KeyNotTrusted && result.KeyHash is not null && keyPath is not null
                ? $" (image key hash {Convert.ToHexStringLower(result.KeyHash)[..16]}..., {keyPath} has {Convert.ToHexStringLower(KeyFile.LoadPublic(keyPath).KeyHash)[..16]}...)"
                : string.Empty;
            context.Error.WriteLine($"verification failed: {result.Message}{detail} [reason {(int)result.Reason}: {RejectReasons.Describe(result.Reason)}]");
            return ExitCodes.VerificationFailed;
        });
        return command;
    }
}
