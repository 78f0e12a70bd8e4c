using Stm32NanoUpdater.Host.Keys;
using Stm32NanoUpdater.Tests.Support;
using Xunit;

namespace Stm32NanoUpdater.Host.Tests;

/// <summary>
/// Every Wycheproof ECDSA P-256/SHA-256 and Ed25519 case through the host verifier (.NET ECDsa with DER signatures,
/// BouncyCastle Ed25519). The device path runs the same cases in Stm32NanoUpdater.Image.Tests.
/// </summary>
public class WycheproofHostTests
{
    private static readonly Dictionary<(string, int), WycheproofCase> Cases =
        Wycheproof.Load(Wycheproof.EcdsaP256Sha256).Concat(Wycheproof.Load(Wycheproof.Ed25519)).ToDictionary(c => (c.File, c.Id));

    public static TheoryData<string, int> All()
    {
        var data = new TheoryData<string, int>();
        foreach (string file in new[] { Wycheproof.EcdsaP256Sha256, Wycheproof.Ed25519 })
        {
            foreach (WycheproofCase test in Wycheproof.Load(file))
            {
                data.Add(file, test.Id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(All))]
    public void HostVerifier(string file, int id)
    {
        WycheproofCase test = Cases[(file, id)];
        var key = new PublicKey(test.PublicKeyDer);
        Assert.True(Wycheproof.MustVerify(test) == key.VerifyMessage(test.Message, test.Signature), test.ToString());
    }

    [Fact]
    public void TheFilesHoldValidAndInvalidCasesAndNoAcceptableOnes()
    {
        // If a future vector file adds "acceptable" cases, MustVerify rejects them; this test makes the change visible.
        string[] results = Cases.Values.Select(c => c.Result).Distinct().Order().ToArray();
        Assert.Equal(["invalid", "valid"], results);
        Assert.Equal(484 + 151, Cases.Count);
    }
}
