using Stm32NanoUpdater.Image;
using Stm32NanoUpdater.Tests.Support;
using Xunit;

namespace Stm32NanoUpdater.Image.Tests;

/// <summary>The trailer.* and record_trailer.* vectors of tests/vectors/update-contract.vectors through the trailer codec.</summary>
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

    public static TheoryData<string, string, string> RequestVectors() => ToData(Vectors("trailer."));

    public static TheoryData<string, string, string> RecordVectors() => ToData(Vectors("record_trailer."));

    [Theory]
    [MemberData(nameof(RequestVectors))]
    public void RequestTrailer(string name, string hex, string expect)
    {
        byte[] trailer = Convert.FromHexString(hex);
        Assert.True(trailer.Length == SwapTrailer.Size, name);
        Assert.Equal(expect, SwapTrailer.Describe(SwapTrailer.DecideRequest(trailer, 0)));
    }

    [Theory]
    [MemberData(nameof(RecordVectors))]
    public void RecordTrailer(string name, string hex, string expect)
    {
        byte[] trailer = Convert.FromHexString(hex);
        Assert.True(trailer.Length == SwapTrailer.Size, name);
        Assert.Equal(expect, SwapTrailer.Describe(SwapTrailer.DecideRecord(trailer, 0)));
    }

    [Fact]
    public void TheVectorFileCoversEveryDecision()
    {
        string[] requests = Vectors("trailer.").Select(v => v.Expect).Distinct().ToArray();
        string[] records = Vectors("record_trailer.").Select(v => v.Expect).Distinct().ToArray();
        Assert.Equal(["NONE", "PERMANENT", "TEST"], requests.Order());
        Assert.Equal(["ABSENT", "CONFIRMED", "TEST_PENDING"], records.Order());
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
