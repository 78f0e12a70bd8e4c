using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Stm32NanoUpdater.Analyzers
{
    /// <summary>
    /// Generic declarations (syntax) and every use of a generic type or method (semantics, so inferred type arguments,
    /// members of constructed generic types and lambdas converted to generic delegates are caught too).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class GenericsAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics =>
            ImmutableArray.Create(NanoRules.GenericDeclaration, NanoRules.GenericUse);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(ReportTypeParameterList, SyntaxKind.TypeParameterList);
            context.RegisterSyntaxNodeAction(ReportGenericName, SyntaxKind.GenericName);
            context.RegisterOperationAction(ReportInferredGenericUse,
                OperationKind.Invocation, OperationKind.MethodReference, OperationKind.PropertyReference,
                OperationKind.FieldReference, OperationKind.EventReference, OperationKind.DelegateCreation);
        }

        private static void ReportTypeParameterList(SyntaxNodeAnalysisContext context)
        {
            var list = (TypeParameterListSyntax)context.Node;
            string name = list.Parent switch
            {
                BaseTypeDeclarationSyntax type => type.Identifier.Text,
                MethodDeclarationSyntax method => method.Identifier.Text,
                DelegateDeclarationSyntax del => del.Identifier.Text,
                LocalFunctionStatementSyntax local => local.Identifier.Text,
                _ => list.Parent?.ToString() ?? string.Empty,
            };
            context.ReportDiagnostic(Diagnostic.Create(NanoRules.GenericDeclaration, list.GetLocation(), name));
        }

        private static void ReportGenericName(SyntaxNodeAnalysisContext context)
        {
            var name = (GenericNameSyntax)context.Node;
            context.ReportDiagnostic(Diagnostic.Create(NanoRules.GenericUse, name.GetLocation(), name.ToString()));
        }

        private static void ReportInferredGenericUse(OperationAnalysisContext context)
        {
            ISymbol? generic = FindGenericSymbol(context.Operation);
            if (generic is null || WrittenWithTypeArguments(context.Operation.Syntax))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(NanoRules.GenericUse, context.Operation.Syntax.GetLocation(),
                generic.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
        }

        private static ISymbol? FindGenericSymbol(IOperation operation)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    return GenericMethodOrContainer(invocation.TargetMethod);
                case IMethodReferenceOperation reference:
                    return GenericMethodOrContainer(reference.Method);
                case IMemberReferenceOperation member:
                    return IsConstructedGeneric(member.Member.ContainingType) ? member.Member : null;
                case IDelegateCreationOperation creation:
                    return IsConstructedGeneric(creation.Type as INamedTypeSymbol) ? creation.Type : null;
                default:
                    return null;
            }
        }

        private static ISymbol? GenericMethodOrContainer(IMethodSymbol method)
        {
            if (method.IsGenericMethod || IsConstructedGeneric(method.ContainingType))
            {
                return method;
            }

            return null;
        }

        private static bool IsConstructedGeneric(INamedTypeSymbol? type)
        {
            for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
            {
                if (current.IsGenericType)
                {
                    return true;
                }
            }

            return false;
        }

        // A use spelled with explicit type arguments is already reported on its GenericName.
        private static bool WrittenWithTypeArguments(SyntaxNode syntax)
        {
            SyntaxNode target = syntax is InvocationExpressionSyntax invocation ? invocation.Expression : syntax;
            if (target is MemberAccessExpressionSyntax access)
            {
                target = access.Name;
            }

            return target is GenericNameSyntax;
        }
    }
}
