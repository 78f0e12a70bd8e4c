using System.Security.Cryptography;
using Stm32NanoUpdater.Host.Crypto;
using Stm32NanoUpdater.Host.Keys;
using Stm32NanoUpdater.Simulation.Native;

namespace Stm32NanoUpdater.Simulation.Tests.Native;

/// <summary>The device's native crypto (libnu_crypto) as the simulated device uses it: signature checks and SHA-256.</summary>
public sealed class NativeCryptoTests
{
    [Fact]
    public void Ecdsa_p256_accepts_a_host_signature_and_refuses_a_changed_one()
    {
        using var key = EcdsaP256SigningKey.Generate();
        byte[] digest = SHA256.HashData("image"u8);
        byte[] rs = new byte[64];
        Assert.True(EcdsaDer.TryToRaw(key.SignDigest(digest), rs));
        byte[] xy = key.PublicKey.TrustedKey.PublicKey;
        var verifier = new NativeCryptoVerifier();
        Assert.True(verifier.VerifyEcdsaP256(xy, digest, rs));
        rs[10] ^= 0x40;
        Assert.False(verifier.VerifyEcdsaP256(xy, digest, rs));
        Assert.False(verifier.VerifyEcdsaP256(xy[..63], digest, rs));
    }

    [Fact]
    public void Ed25519_accepts_a_host_signature_and_refuses_a_changed_message()
    {
        using var key = Ed25519SigningKey.Generate();
        byte[] message = new byte[40];
        RandomNumberGenerator.Fill(message);
        byte[] digest = message[4..36];
        byte[] signature = key.SignDigest(digest);
        byte[] publicKey = key.PublicKey.TrustedKey.PublicKey;
        var verifier = new NativeCryptoVerifier();
        Assert.True(verifier.VerifyEd25519(publicKey, message, 4, 32, signature));
        Assert.False(verifier.VerifyEd25519(publicKey, message, 5, 32, signature));
        Assert.False(verifier.VerifyEd25519(publicKey, message, 30, 32, signature)); // out of the array
    }

    [Fact]
    public void Streaming_sha256_matches_dotnet_for_any_split()
    {
        byte[] data = new byte[10_000];
        new Random(5).NextBytes(data);
        var sha = new NativeCryptoSha256();
        byte[] digest = new byte[40];
        foreach (int split in new[] { 0, 1, 63, 64, 65, 4096, 9999, 10_000 })
        {
            sha.Update(data, 0, split);
            sha.Update(data, split, 0);
            sha.Update(data, split, data.Length - split);
            sha.Finish(digest, 8);
            Assert.Equal(SHA256.HashData(data), digest[8..]);
        }
    }
}
