namespace Stm32NanoUpdater.Agent.Tests.Infrastructure;

/// <summary>The byte vectors of tests/vectors/update-contract.vectors: `name: hex` and `name.expect: value` lines.</summary>
public static class ContractVectors
{
    private static readonly Lazy<Dictionary<string, string>> Entries = new(Load);

    public static byte[] Bytes(string name) => Convert.FromHexString(Entries.Value[name]);

    public static string Expect(string name) => Entries.Value[name + ".expect"];

    /// <summary>Names of the vectors (not the .expect lines) that start with <paramref name="prefix"/>.</summary>
    public static IEnumerable<object[]> Named(string prefix) =>
        Entries.Value.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && !k.EndsWith(".expect", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(k => new object[] { k });

    private static Dictionary<string, string> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "vectors", "update-contract.vectors");
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string raw in File.ReadLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            int colon = line.IndexOf(':');
            entries[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return entries;
    }
}
