using Stm32NanoUpdater.Image;
using Stm32NanoUpdater.Tests.Support;
using Xunit;

namespace Stm32NanoUpdater.Image.Tests;

/// <summary>
/// The trailer.*, record_trailer.*, request_set.* and record_set.* vectors of tests/vectors/update-contract.vectors
/// through the trailer codec.
/// </summary>
public class ContractVectorTests
{
    private static IEnumerable<(string Name, byte[] Bytes, string Expect)> Vectors(string prefix)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in File.ReadAllLines(RepoPaths.ContractVectors))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line.StartsWith('#') || colon < 0)
            {
                continue;
            }

            values[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return values.Where(v => v.Key.StartsWith(prefix, StringComparison.Ordinal) && !v.Key.EndsWith(".expect", StringComparison.Ordinal))
            .Select(v => (v.Key, Convert.FromHexString(v.Value), values[v.Key + ".expect"]));
    }

    private static readonly string[] Families = ["trailer.", "record_trailer.", "request_set.", "record_set."];

    public static TheoryData<string, string, string> TrailerVectors() => ToData(Families.SelectMany(Vectors));

    [Theory]
    [MemberData(nameof(TrailerVectors))]
    public void TrailerDecision(string name, string hex, string expect)
    {
        byte[] bytes = Convert.FromHexString(hex);
        bool withCompanion = name.Contains("_set.", StringComparison.Ordinal);
        Assert.True(bytes.Length == (withCompanion ? 2 : 1) * SwapTrailer.Size, name);
        string decided = name[..name.IndexOf('.', StringComparison.Ordinal)] switch
        {
            "trailer" => SwapTrailer.Describe(SwapTrailer.DecideRequest(bytes, 0)),
            "record_trailer" => SwapTrailer.Describe(SwapTrailer.DecideRecord(bytes, 0)),
            "request_set" => SwapTrailer.Describe(SwapTrailer.DecideRequest(bytes, 0, bytes, SwapTrailer.Size)),
            _ => SwapTrailer.Describe(SwapTrailer.DecideRecord(bytes, 0, bytes, SwapTrailer.Size)),
        };
        Assert.Equal(expect, decided);
    }

    [Fact]
    public void TheVectorFileCoversEveryDecision()
    {
        foreach (string prefix in new[] { "trailer.", "request_set." })
        {
            Assert.Equal(["NONE", "PERMANENT", "TEST"], Vectors(prefix).Select(v => v.Expect).Distinct().Order());
        }

        foreach (string prefix in new[] { "record_trailer.", "record_set." })
        {
            Assert.Equal(["ABSENT", "CONFIRMED", "TEST_PENDING"], Vectors(prefix).Select(v => v.Expect).Distinct().Order());
        }
    }

    [Fact]
    public void WrittenRequestsMatchTheVectorBytes()
    {
        var vectors = Vectors("trailer.").ToDictionary(v => v.Name, v => v.Bytes);
        byte[] trailer = new byte[SwapTrailer.Size];
        SwapTrailer.WriteRequest(trailer, 0, permanent: false);
        Assert.Equal(vectors["trailer.test"], trailer);
        SwapTrailer.WriteRequest(trailer, 0, permanent: true);
        Assert.Equal(vectors["trailer.permanent"], trailer);
        SwapTrailer.WriteErased(trailer, 0);
        Assert.Equal(vectors["trailer.erased"], trailer);
    }

    private static TheoryData<string, string, string> ToData(IEnumerable<(string Name, byte[] Bytes, string Expect)> vectors)
    {
        var data = new TheoryData<string, string, string>();
        foreach ((string name, byte[] bytes, string expect) in vectors)
        {
            data.Add(name, Convert.ToHexStringLower(bytes), expect);
        }

        return data;
    }
}
