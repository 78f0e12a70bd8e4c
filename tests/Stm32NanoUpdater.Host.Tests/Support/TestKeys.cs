using System.Security.Cryptography;
using Stm32NanoUpdater.Host.Keys;

namespace Stm32NanoUpdater.Tests.Support;

/// <summary>Fixed keys, so images are reproducible: published test keys, never used for anything real.</summary>
public static class TestKeys
{
    /// <summary>RFC 8032 §7.1 TEST 1 secret key.</summary>
    public static readonly byte[] Ed25519Seed = Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

    /// <summary>RFC 6979 §A.2.5 P-256 private key x.</summary>
    public static readonly byte[] EcdsaP256D = Convert.FromHexString("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721");

    public static Ed25519SigningKey Ed25519() => Ed25519SigningKey.FromSeed(Ed25519Seed);

    public static EcdsaP256SigningKey EcdsaP256()
    {
        ECDsa ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = EcdsaP256D });
        return EcdsaP256SigningKey.FromEcdsa(ecdsa, "RFC 6979 test key");
    }

    /// <summary>Writes the key as PKCS#8 PEM into the directory and returns the path.</summary>
    public static string WritePem(TempDirectory directory, SigningKey key, string name)
    {
        string path = directory.File(name);
        File.WriteAllText(path, key.ToPkcs8Pem());
        return path;
    }
}
