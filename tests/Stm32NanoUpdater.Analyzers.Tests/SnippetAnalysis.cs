using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Stm32NanoUpdater.Analyzers;
using Stm32NanoUpdater.Tests.Support;

namespace Stm32NanoUpdater.Analyzers.Tests;

/// <summary>
/// Compiles a C# 9 snippet against the .NET runtime, as a device twin is compiled, and runs the device rules on it:
/// the Stm32NanoUpdater analyzers and Microsoft's BannedApiAnalyzers with the real device/BannedSymbols.txt.
/// </summary>
public static class SnippetAnalysis
{
    private static readonly ImmutableArray<MetadataReference> References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        AnalyzersIn(typeof(NanoRules).Assembly)
        .Concat(AnalyzersIn(Assembly.Load("Microsoft.CodeAnalysis.CSharp.BannedApiAnalyzers")))
        .ToImmutableArray();

    public static CSharpCompilation Compile(string source) => CSharpCompilation.Create(
        "Snippet",
        [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp9), path: "Snippet.cs")],
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

    /// <summary>Analyzer diagnostics; fails if the snippet itself does not compile (so "no diagnostics" means something).</summary>
    public static ImmutableArray<Diagnostic> Analyze(string source)
    {
        CSharpCompilation compilation = Compile(source);
        Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidOperationException("snippet does not compile: " + string.Join("; ", errors.Select(e => e.ToString())));
        }

        var options = new AnalyzerOptions([new FileText(RepoPaths.BannedSymbols)]);
        return compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }

    private static IEnumerable<DiagnosticAnalyzer> AnalyzersIn(Assembly assembly) => assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) &&
            t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t, nonPublic: true)!);

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) =>
            SourceText.From(File.ReadAllText(Path), Encoding.UTF8);
    }
}
