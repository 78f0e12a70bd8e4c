using System.CommandLine;
using Stm32NanoUpdater.Host.Keys;
using Stm32NanoUpdater.Host.Signing;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Cli.Verbs;

/// <summary>`nanoupdate sign` with imgtool's options and semantics.</summary>
public sealed class SignVerb : IVerb
{
    public Command Create(CliContext context)
    {
        Option<string> key = Options.Key("Private key (PKCS#8 PEM from keygen or imgtool keygen)", required: true);
        var version = new Option<string>("--version", "-v")
        {
            Description = "Image version maj.min.rev+build (later parts optional), e.g. 1.2.3+4",
            Required = true,
            HelpName = "version",
        };
        Option<string> headerSize = Options.Integer("--header-size", "-H",
            "Bytes before the payload: the 32-byte header plus padding, e.g. 0x200");
        headerSize.Required = true;
        var padHeader = new Option<bool>("--pad-header")
        {
            Description = "Prepend --header-size erased (0xFF) bytes for the header; without it the input must start with that many zero bytes",
        };
        Option<string> loadAddress = Options.Integer("--load-addr", "-L",
            "Load address written to the header (the installed region, e.g. 0x08010000 for nanoCLR); sets the RAM_LOAD flag as imgtool does");
        Option<string> slotSize = Options.Integer("--slot-size", "-S",
            "Size of the slot the image goes to (0x100000 nanoCLR, 0x180000 deployment); checked against the image and trailer");
        var align = new Option<string>("--align")
        {
            Description = "Flash write alignment used for the trailer size: 1, 2, 4 or 8",
            DefaultValueFactory = _ => "1",
            HelpName = "1|2|4|8",
        };
        align.AcceptOnlyFromAmong("1", "2", "4", "8");
        var maxAlign = new Option<string>("--max-align")
        {
            Description = "Maximum flash alignment of the trailer fields (default max(8, --align)); the update contract uses 8",
            HelpName = "8|16|32",
        };
        maxAlign.AcceptOnlyFromAmong("8", "16", "32");
        var pad = new Option<bool>("--pad") { Description = "Pad the output to --slot-size and add the trailer magic (a TEST request)" };
        var confirm = new Option<bool>("--confirm") { Description = "Set image_ok in the trailer (a PERMANENT request); implies --pad" };
        var securityCounter = new Option<string>("--security-counter", "-s")
        {
            Description = "Add a protected security counter TLV: a number, or 'auto' for major<<24 | minor<<16 | revision",
            HelpName = "N|auto",
        };
        Option<string> hexAddress = Options.Integer("--hex-addr", "-x",
            "Base address of Intel HEX output (default: the address of an Intel HEX input)");
        var input = new Argument<string>("infile") { Description = "Firmware to sign: raw binary, or Intel HEX if it ends in .hex" };
        var output = new Argument<string>("outfile") { Description = "Signed image: binary, or Intel HEX if it ends in .hex" };

        var command = new Command("sign",
            "Sign a firmware binary into an MCUboot image (byte-compatible with imgtool sign).\n" +
            "Example: nanoupdate sign -k signing-key.pem --version 1.2.3 --header-size 0x200 --pad-header \\\n" +
            "           --load-addr 0x08010000 --slot-size 0x100000 nanoCLR.bin nanoCLR-signed.bin")
        {
            key, version, headerSize, padHeader, loadAddress, slotSize, align, maxAlign, pad, confirm, securityCounter,
            hexAddress, input, output,
        };
        command.SetAction(parse =>
        {
            ImageVersion imageVersion = ParseVersion(parse.GetRequiredValue(version));
            string? counter = parse.GetValue(securityCounter);
            string? hexBase = parse.GetValue(hexAddress);
            var options = new SignOptions
            {
                Version = imageVersion,
                HeaderSize = (int)Options.ParseUInt32(parse, headerSize),
                PadHeader = parse.GetValue(padHeader),
                LoadAddress = Options.ParseUInt32(parse, loadAddress),
                SlotSize = Options.ParseUInt32(parse, slotSize),
                Align = int.Parse(parse.GetValue(align) ?? "1", System.Globalization.CultureInfo.InvariantCulture),
                MaxAlign = parse.GetValue(maxAlign) is string m ? int.Parse(m, System.Globalization.CultureInfo.InvariantCulture) : 0,
                Pad = parse.GetValue(pad),
                Confirm = parse.GetValue(confirm),
                SecurityCounter = counter is null ? null : SecurityCounter.Resolve(counter, imageVersion),
                HexAddress = hexBase is null ? null : Options.ParseUInt32(parse, hexAddress),
            };

            string inputPath = parse.GetRequiredValue(input);
            string outputPath = parse.GetRequiredValue(output);
            using SigningKey signingKey = KeyFile.LoadPrivate(parse.GetRequiredValue(key));
            SignResult result = ImageSigner.Sign(inputPath, outputPath, signingKey, options);
            if (result.Warning is not null)
            {
                context.Warn(result.Warning);
            }

            context.Out.WriteLine($"signed {inputPath} -> {outputPath}: version {imageVersion}, " +
                $"payload {result.Header.ImageSize} bytes, image {result.ImageSpan} bytes, {result.OutputLength} bytes written" +
                (options.EffectivePad ? $", padded to 0x{options.SlotSize:x} with a {(options.Confirm ? "PERMANENT" : "TEST")} trailer" : string.Empty) +
                (result.HexBaseAddress is uint b ? $", Intel HEX at 0x{b:x8}" : string.Empty));
            context.Out.WriteLine($"sha256 {Convert.ToHexStringLower(result.Digest)}");
            context.Out.WriteLine($"key hash {Convert.ToHexStringLower(signingKey.PublicKey.KeyHash)} ({signingKey.PublicKey.TypeName})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static ImageVersion ParseVersion(string text)
    {
        try
        {
            return ImageVersion.Parse(text);
        }
        catch (ArgumentException e)
        {
            throw new Host.InputException("--version: " + e.Message);
        }
    }
}
