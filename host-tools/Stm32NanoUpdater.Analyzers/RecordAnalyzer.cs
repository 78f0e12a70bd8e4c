using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Stm32NanoUpdater.Analyzers
{
    /// <summary>Record declarations (class and struct) and with-expressions.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RecordAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(NanoRules.Record);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(Report,
                SyntaxKind.RecordDeclaration, SyntaxKind.RecordStructDeclaration, SyntaxKind.WithExpression);
        }

        private static void Report(SyntaxNodeAnalysisContext context)
        {
            if (context.Node is RecordDeclarationSyntax record)
            {
                context.ReportDiagnostic(Diagnostic.Create(NanoRules.Record, record.Identifier.GetLocation(),
                    "record " + record.Identifier.Text));
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(NanoRules.Record, context.Node.GetLocation(), "with"));
        }
    }
}
