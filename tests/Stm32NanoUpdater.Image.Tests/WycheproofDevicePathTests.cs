using Stm32NanoUpdater.Host.Crypto;
using Stm32NanoUpdater.Tests.Support;
using Xunit;

namespace Stm32NanoUpdater.Image.Tests;

/// <summary>
/// Every Wycheproof ECDSA P-256/SHA-256 and Ed25519 case through the device library's path: its SubjectPublicKeyInfo
/// parser, its SHA-256 and its strict DER parser, with the host's .NET <see cref="ISignatureVerifier"/> underneath
/// (on the board the same calls go to the native mbedTLS verifier).
/// </summary>
public class WycheproofDevicePathTests
{
    private static readonly ISignatureVerifier Primitives = new DotNetSignatureVerifier();

    public static TheoryData<int> EcdsaIds() => Ids(Wycheproof.EcdsaP256Sha256);

    public static TheoryData<int> Ed25519Ids() => Ids(Wycheproof.Ed25519);

    private static readonly Dictionary<string, Dictionary<int, WycheproofCase>> Cases = new()
    {
        [Wycheproof.EcdsaP256Sha256] = Wycheproof.Load(Wycheproof.EcdsaP256Sha256).ToDictionary(c => c.Id),
        [Wycheproof.Ed25519] = Wycheproof.Load(Wycheproof.Ed25519).ToDictionary(c => c.Id),
    };

    [Theory]
    [MemberData(nameof(EcdsaIds))]
    public void EcdsaP256(int id)
    {
        WycheproofCase test = Cases[Wycheproof.EcdsaP256Sha256][id];
        Assert.True(Wycheproof.MustVerify(test) == VerifyEcdsa(test), test.ToString());
    }

    [Theory]
    [MemberData(nameof(Ed25519Ids))]
    public void Ed25519(int id)
    {
        WycheproofCase test = Cases[Wycheproof.Ed25519][id];
        Assert.True(Wycheproof.MustVerify(test) == VerifyEd25519(test), test.ToString());
    }

    private static bool VerifyEcdsa(WycheproofCase test)
    {
        TrustedKey key = TrustedKey.FromSubjectPublicKeyInfo(test.PublicKeyDer);
        Assert.Equal(SignatureAlgorithm.EcdsaP256, key.Algorithm);
        byte[] digest = Sha256.Hash(test.Message, 0, test.Message.Length);
        byte[] rs = new byte[EcdsaSignature.RawSize];
        return EcdsaSignature.TryParseDer(test.Signature, 0, test.Signature.Length, rs) &&
            Primitives.VerifyEcdsaP256(key.PublicKey, digest, rs);
    }

    private static bool VerifyEd25519(WycheproofCase test)
    {
        TrustedKey key = TrustedKey.FromSubjectPublicKeyInfo(test.PublicKeyDer);
        Assert.Equal(SignatureAlgorithm.Ed25519, key.Algorithm);
        return Primitives.VerifyEd25519(key.PublicKey, test.Message, 0, test.Message.Length, test.Signature);
    }

    private static TheoryData<int> Ids(string file)
    {
        var data = new TheoryData<int>();
        foreach (WycheproofCase test in Wycheproof.Load(file))
        {
            data.Add(test.Id);
        }

        return data;
    }
}
