using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Stm32NanoUpdater.Analyzers
{
    /// <summary>Constructs recognisable from syntax alone: query expressions, stackalloc, iterators, indices and ranges.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SyntaxOnlyAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(
            NanoRules.QueryExpression, NanoRules.StackAlloc, NanoRules.Iterator, NanoRules.IndexOrRange);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(c => Report(c, NanoRules.QueryExpression), SyntaxKind.QueryExpression);
            context.RegisterSyntaxNodeAction(c => Report(c, NanoRules.StackAlloc),
                SyntaxKind.StackAllocArrayCreationExpression, SyntaxKind.ImplicitStackAllocArrayCreationExpression);
            context.RegisterSyntaxNodeAction(c => Report(c, NanoRules.Iterator),
                SyntaxKind.YieldReturnStatement, SyntaxKind.YieldBreakStatement);
            context.RegisterSyntaxNodeAction(c => Report(c, NanoRules.IndexOrRange),
                SyntaxKind.IndexExpression, SyntaxKind.RangeExpression);
        }

        private static void Report(SyntaxNodeAnalysisContext context, DiagnosticDescriptor rule)
        {
            context.ReportDiagnostic(Diagnostic.Create(rule, context.Node.GetLocation(), context.Node.ToString()));
        }
    }
}
