using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Stm32NanoUpdater.Analyzers
{
    /// <summary>The 'dynamic' type wherever it is written.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DynamicAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(NanoRules.Dynamic);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(Report, SyntaxKind.IdentifierName);
        }

        private static void Report(SyntaxNodeAnalysisContext context)
        {
            var name = (IdentifierNameSyntax)context.Node;
            if (name.Identifier.ValueText != "dynamic")
            {
                return;
            }

            ITypeSymbol? type = context.SemanticModel.GetTypeInfo(name, context.CancellationToken).Type;
            if (type is { TypeKind: TypeKind.Dynamic })
            {
                context.ReportDiagnostic(Diagnostic.Create(NanoRules.Dynamic, name.GetLocation()));
            }
        }
    }
}
