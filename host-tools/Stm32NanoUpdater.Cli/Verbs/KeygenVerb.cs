using System.CommandLine;
using Stm32NanoUpdater.Host.Keys;

namespace Stm32NanoUpdater.Cli.Verbs;

/// <summary>`nanoupdate keygen -t ecdsa-p256|ed25519 -k key.pem [--force]`</summary>
public sealed class KeygenVerb : IVerb
{
    public Command Create(CliContext context)
    {
        var type = new Option<string>("--type", "-t")
        {
            Description = "Key type: ecdsa-p256 (ECDSA P-256 with SHA-256) or ed25519",
            Required = true,
            HelpName = "type",
        };
        type.AcceptOnlyFromAmong(KeyType.All);
        Option<string> key = Options.Key("File to write the private key to (unencrypted PKCS#8 PEM, readable by imgtool)", required: true);
        var force = new Option<bool>("--force") { Description = "Replace the key file if it exists" };

        var command = new Command("keygen",
            "Generate a signing key pair. Keep the private key secret; embed its public half (getpub) in the firmware.\n" +
            "Example: nanoupdate keygen -t ecdsa-p256 -k signing-key.pem")
        {
            type, key, force,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetRequiredValue(key);
            using SigningKey signingKey = KeyFile.Generate(parse.GetRequiredValue(type));
            KeyFile.WritePrivate(signingKey, path, parse.GetValue(force));
            context.Out.WriteLine($"wrote {signingKey.PublicKey.TypeName} private key to {path}");
            context.Out.WriteLine($"key hash: {Convert.ToHexStringLower(signingKey.PublicKey.KeyHash)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
