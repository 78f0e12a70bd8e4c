using Stm32NanoUpdater.Host.Crypto;
using Stm32NanoUpdater.Host.Inspection;
using Stm32NanoUpdater.Host.Keys;
using Stm32NanoUpdater.Host.Signing;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Benchmarks.Suites;

/// <summary>
/// `nanoupdate sign` and `verify` on 1 and 16 MiB firmware, file to file, for both key types; allocation shows the
/// streaming (no array of the image size). Verify runs the device library's verifier over .NET SHA-256 (what the CLI
/// does) and over the device's own C# SHA-256 (what the board runs, here on a desktop CPU).
/// </summary>
public sealed class SignVerifySuite(bool sign, bool verify) : IBenchmarkSuite
{
    public string Name => sign && verify ? "sign-verify" : sign ? "sign" : "verify";

    public string Description => sign && verify ? "sign and verify 1 and 16 MiB images (MB/s, allocation)"
        : sign ? "sign 1 and 16 MiB firmware into images, file to file (MB/s, allocation)"
        : "verify 1 and 16 MiB images with .NET and with the device's C# SHA-256 (MB/s, allocation)";

    public void Run(Report report)
    {
        using var workspace = new Workspace();
        foreach ((string type, SigningKey key) in new[] { ("ecdsa-p256", workspace.Ecdsa), ("ed25519", workspace.Ed25519) })
        {
            foreach (int size in Workspace.Sizes)
            {
                var options = new SignOptions
                {
                    Version = new ImageVersion(1, 0, 0, 0), HeaderSize = 0x200, PadHeader = true, LoadAddress = 0x08010000,
                    SecurityCounter = 1,
                };
                string image = workspace.Image(size, type);
                void Sign() => ImageSigner.Sign(workspace.Firmware(size), image, key, options);
                if (sign)
                {
                    report.Throughput($"sign {Workspace.Label(size)} {type}", size, Sign);
                }
                else
                {
                    Sign();
                }

                if (verify)
                {
                    PublicKey publicKey = key.PublicKey;
                    report.Throughput($"verify {Workspace.Label(size)} {type} (.NET SHA-256)", size, () => Require(ImageInspector.Inspect(image, [publicKey])));
                    report.Throughput($"verify {Workspace.Label(size)} {type} (device C# SHA-256)", size, () => VerifyWithDeviceHash(image, publicKey));
                }
            }
        }
    }

    private static void Require(ImageReport report)
    {
        if (!report.Result.IsAccepted)
        {
            throw new InvalidOperationException("benchmark image did not verify: " + report.Result.Message);
        }
    }

    private static void VerifyWithDeviceHash(string image, PublicKey key)
    {
        using var source = new FileByteSource(image, image);
        var verifier = new ImageVerifier([key.TrustedKey], new DotNetSignatureVerifier());
        VerificationResult result = verifier.Verify(source, source.Length);
        if (!result.IsAccepted)
        {
            throw new InvalidOperationException("benchmark image did not verify: " + result.Message);
        }
    }
}
