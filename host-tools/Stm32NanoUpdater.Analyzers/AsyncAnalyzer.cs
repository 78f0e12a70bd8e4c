using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Stm32NanoUpdater.Analyzers
{
    /// <summary>The async modifier (methods, lambdas, local functions) and every await, await foreach and await using.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AsyncAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(NanoRules.Async);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxTreeAction(ReportAsyncTokens);
        }

        private static void ReportAsyncTokens(SyntaxTreeAnalysisContext context)
        {
            foreach (SyntaxToken token in context.Tree.GetRoot(context.CancellationToken).DescendantTokens())
            {
                // "async" is contextual: the parser gives it AsyncKeyword kind only where it is the modifier.
                if (token.IsKind(SyntaxKind.AwaitKeyword) || token.IsKind(SyntaxKind.AsyncKeyword))
                {
                    context.ReportDiagnostic(Diagnostic.Create(NanoRules.Async, token.GetLocation(), token.Text));
                }
            }
        }
    }
}
