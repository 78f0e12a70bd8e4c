using Stm32NanoUpdater.Host.Keys;
using Stm32NanoUpdater.Host.Signing;

namespace Stm32NanoUpdater.Image.Tests;

/// <summary>Small real images signed by the host signer (what imgtool would produce), for fuzzing the device parser.</summary>
public static class SignedImages
{
    public static readonly Ed25519SigningKey Ed25519Key = Ed25519SigningKey.FromSeed(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    public static readonly EcdsaP256SigningKey EcdsaKey = EcdsaP256SigningKey.Generate();

    public static readonly byte[] Ed25519Image = Sign(Ed25519Key, withCounter: true);
    public static readonly byte[] EcdsaImage = Sign(EcdsaKey, withCounter: false);

    public static TrustedKey[] TrustedKeys => [Ed25519Key.PublicKey.TrustedKey, EcdsaKey.PublicKey.TrustedKey];

    public static byte[] Sign(SigningKey key, bool withCounter, int payloadLength = 64)
    {
        string directory = Directory.CreateTempSubdirectory("nanoupdate-image-tests").FullName;
        try
        {
            string input = Path.Combine(directory, "in.bin");
            string output = Path.Combine(directory, "out.bin");
            File.WriteAllBytes(input, Enumerable.Range(0, payloadLength).Select(i => (byte)(i * 13)).ToArray());
            ImageSigner.Sign(input, output, key, new SignOptions
            {
                Version = new ImageVersion(1, 2, 3, 4),
                HeaderSize = 0x40,
                PadHeader = true,
                LoadAddress = 0x08010000,
                SecurityCounter = withCounter ? 42u : null,
            });
            return File.ReadAllBytes(output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
