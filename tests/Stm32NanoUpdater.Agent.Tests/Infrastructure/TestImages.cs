using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Host.Keys;
using Stm32NanoUpdater.Host.Signing;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Agent.Tests.Infrastructure;

/// <summary>Signed test images made with the host signer (the same code as `nanoupdate sign`), and their keys.</summary>
public static class TestImages
{
    public static readonly EcdsaP256SigningKey EcdsaKey = EcdsaP256SigningKey.Generate();
    public static readonly Ed25519SigningKey Ed25519Key = Ed25519SigningKey.Generate();
    public static readonly EcdsaP256SigningKey UntrustedKey = EcdsaP256SigningKey.Generate();

    public static TrustedKey[] TrustedKeys => [EcdsaKey.PublicKey.TrustedKey, Ed25519Key.PublicKey.TrustedKey];

    public static byte[] Payload(int size, int seed)
    {
        var payload = new byte[size];
        new Random(seed).NextBytes(payload);
        return payload;
    }

    public static SignedImage Deployment(int payloadSize = 100_000, int seed = 1, string version = "1.0.0", uint? securityCounter = null,
        SigningKey? key = null, bool padToSlot = false) =>
        Sign(Payload(payloadSize, seed), NorLayout.DeploymentRegionStart, version, securityCounter, key,
            padToSlot ? (uint)NorLayout.SlotSize(ImageKind.Deployment) : 0);

    public static SignedImage Sign(byte[] payload, uint loadAddress, string version = "1.0.0", uint? securityCounter = null,
        SigningKey? key = null, uint padToSlotSize = 0)
    {
        string directory = Path.Combine(Path.GetTempPath(), "agent-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string input = Path.Combine(directory, "payload.bin");
            string output = Path.Combine(directory, "image.bin");
            File.WriteAllBytes(input, payload);
            SignResult result = ImageSigner.Sign(input, output, key ?? EcdsaKey, new SignOptions
            {
                Version = ImageVersion.Parse(version),
                HeaderSize = 0x200,
                PadHeader = true,
                LoadAddress = loadAddress,
                SecurityCounter = securityCounter,
                SlotSize = padToSlotSize,
                Pad = padToSlotSize != 0,
            });
            return new SignedImage(File.ReadAllBytes(output), result.Header, result.Digest, (int)result.ImageSpan);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
