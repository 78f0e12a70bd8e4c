using System.Text.Json;

namespace Stm32NanoUpdater.Tests.Support;

/// <summary>One Wycheproof verification case: the group's public key (SubjectPublicKeyInfo DER), message, signature.</summary>
public sealed record WycheproofCase(string File, int Id, string Comment, string Result, byte[] PublicKeyDer, byte[] Message, byte[] Signature)
{
    public override string ToString() => $"{File} #{Id} {Result}: {Comment}";
}

/// <summary>Reads ../shared/testdata/wycheproof (ecdsa_secp256r1_sha256_test.json, ed25519_test.json).</summary>
public static class Wycheproof
{
    public const string EcdsaP256Sha256 = "ecdsa_secp256r1_sha256_test.json";
    public const string Ed25519 = "ed25519_test.json";

    public static IReadOnlyList<WycheproofCase> Load(string file)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(RepoPaths.Wycheproof(file)));
        var cases = new List<WycheproofCase>();
        foreach (JsonElement group in document.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            byte[] key = Convert.FromHexString(group.GetProperty("publicKeyDer").GetString()!);
            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                cases.Add(new WycheproofCase(file, test.GetProperty("tcId").GetInt32(), test.GetProperty("comment").GetString()!,
                    test.GetProperty("result").GetString()!, key,
                    Convert.FromHexString(test.GetProperty("msg").GetString()!),
                    Convert.FromHexString(test.GetProperty("sig").GetString()!)));
            }
        }

        int declared = document.RootElement.GetProperty("numberOfTests").GetInt32();
        if (declared != cases.Count)
        {
            throw new InvalidDataException($"{file} declares {declared} tests but holds {cases.Count}");
        }

        return cases;
    }

    /// <summary>
    /// The verdict a verifier must give. "valid" must verify and "invalid" must not. "acceptable" cases (legal but
    /// discouraged encodings) must be rejected too: images are signed by our own tools with strict DER and canonical
    /// Ed25519, so refusing the lenient forms costs nothing. The files in use hold no acceptable case today.
    /// </summary>
    public static bool MustVerify(WycheproofCase testCase) => testCase.Result switch
    {
        "valid" => true,
        "invalid" or "acceptable" => false,
        _ => throw new InvalidDataException($"unknown result '{testCase.Result}' in {testCase}"),
    };
}
