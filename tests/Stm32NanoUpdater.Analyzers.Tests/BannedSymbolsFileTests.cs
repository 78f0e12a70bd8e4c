using Microsoft.CodeAnalysis;
using Stm32NanoUpdater.Tests.Support;
using Xunit;

namespace Stm32NanoUpdater.Analyzers.Tests;

/// <summary>Every entry of device/BannedSymbols.txt names something that exists (a typo would silently ban nothing).</summary>
public class BannedSymbolsFileTests
{
    public static TheoryData<string> Entries()
    {
        var data = new TheoryData<string>();
        foreach (string line in File.ReadAllLines(RepoPaths.BannedSymbols))
        {
            if (line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal))
            {
                data.Add(line.Split(';')[0]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void EntryResolvesToASymbol(string documentationId)
    {
        Compilation compilation = SnippetAnalysis.Compile("class C { }");
        Assert.NotEmpty(DocumentationCommentId.GetSymbolsForDeclarationId(documentationId, compilation));
    }

    [Fact]
    public void NoEntryIsListedTwice()
    {
        string[] ids = File.ReadAllLines(RepoPaths.BannedSymbols)
            .Where(line => line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal))
            .Select(line => line.Split(';')[0]).ToArray();
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
