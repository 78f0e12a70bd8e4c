using System.CommandLine;
using Stm32NanoUpdater.Host.Keys;

namespace Stm32NanoUpdater.Cli.Verbs;

/// <summary>`nanoupdate getpub -k key.pem [--encoding pem|c|csharp]`</summary>
public sealed class GetpubVerb : IVerb
{
    public Command Create(CliContext context)
    {
        Option<string> key = Options.Key("Private or public key file", required: true);
        var encoding = new Option<string>("--encoding", "-e")
        {
            Description = "pem: SubjectPublicKeyInfo PEM; c: C array as imgtool getpub prints it; " +
                "csharp: a Stm32NanoUpdater.Image.TrustedKey declaration for the device firmware",
            DefaultValueFactory = _ => PublicKeyExport.Pem,
            HelpName = "encoding",
        };
        encoding.AcceptOnlyFromAmong(PublicKeyExport.Encodings);

        var command = new Command("getpub",
            "Print the public key, to embed in firmware, and its key hash (SHA-256 of the DER public key, the value an\n" +
            "image's KEYHASH TLV carries). Example: nanoupdate getpub -k signing-key.pem --encoding csharp")
        {
            key, encoding,
        };
        command.SetAction(parse =>
        {
            PublicKey publicKey = KeyFile.LoadPublic(parse.GetRequiredValue(key));
            string format = parse.GetValue(encoding) ?? PublicKeyExport.Pem;
            string hash = Convert.ToHexStringLower(publicKey.KeyHash);
            context.Out.Write(PublicKeyExport.Format(publicKey, format));
            if (format == PublicKeyExport.Pem)
            {
                context.Out.WriteLine($"key hash: {hash}");
            }
            else if (format == PublicKeyExport.C)
            {
                context.Out.WriteLine($"/* key hash (SHA-256 of the bytes above): {hash} */");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
