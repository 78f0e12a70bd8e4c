namespace Stm32NanoUpdater.Tests.Support;

/// <summary>Files of the checkout the tests read (found from the test assembly upwards), and the shared test data beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string ContractVectors => Path.Combine(Root, "tests", "vectors", "update-contract.vectors");

    public static string BannedSymbols => Path.Combine(Root, "device", "BannedSymbols.txt");

    /// <summary>../shared/testdata/wycheproof relative to the checkout (present beside every checkout and in CI).</summary>
    public static string Wycheproof(string file) => Path.Combine(Root, "..", "shared", "testdata", "wycheproof", file);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Stm32NanoUpdater.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Stm32NanoUpdater.sln not found above " + AppContext.BaseDirectory);
    }
}
