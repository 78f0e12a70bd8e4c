using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Stm32NanoUpdater.Analyzers
{
    /// <summary>Tuple types, tuple literals and deconstruction (which builds or consumes a ValueTuple).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TupleAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(NanoRules.Tuple);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(Report,
                SyntaxKind.TupleType, SyntaxKind.TupleExpression, SyntaxKind.ParenthesizedVariableDesignation);
        }

        private static void Report(SyntaxNodeAnalysisContext context)
        {
            // A tuple expression on the left of a deconstruction and its designation are one construct: report once.
            if (context.Node is TupleExpressionSyntax && context.Node.Parent is AssignmentExpressionSyntax assignment &&
                assignment.Right is TupleExpressionSyntax && assignment.Left != context.Node)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(NanoRules.Tuple, context.Node.GetLocation(), context.Node.ToString()));
        }
    }
}
