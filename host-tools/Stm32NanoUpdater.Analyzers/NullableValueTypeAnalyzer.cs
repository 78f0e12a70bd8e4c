using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Stm32NanoUpdater.Analyzers
{
    /// <summary>
    /// "T?" where T is a value type (Nullable&lt;T&gt;). "string?" is only a nullable annotation and stays allowed.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NullableValueTypeAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics =>
            ImmutableArray.Create(NanoRules.NullableValueType);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(Report, SyntaxKind.NullableType);
        }

        private static void Report(SyntaxNodeAnalysisContext context)
        {
            var nullable = (NullableTypeSyntax)context.Node;
            ITypeSymbol? type = context.SemanticModel.GetTypeInfo(nullable, context.CancellationToken).Type;
            if (type is { IsValueType: true })
            {
                context.ReportDiagnostic(Diagnostic.Create(NanoRules.NullableValueType, nullable.GetLocation(),
                    nullable.ToString()));
            }
        }
    }
}
