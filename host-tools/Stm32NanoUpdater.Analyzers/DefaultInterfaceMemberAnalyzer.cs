using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Stm32NanoUpdater.Analyzers
{
    /// <summary>Interface methods, properties and accessors with a body (default interface implementations).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DefaultInterfaceMemberAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics =>
            ImmutableArray.Create(NanoRules.DefaultInterfaceMember);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(Report, SyntaxKind.InterfaceDeclaration);
        }

        private static void Report(SyntaxNodeAnalysisContext context)
        {
            foreach (MemberDeclarationSyntax member in ((InterfaceDeclarationSyntax)context.Node).Members)
            {
                SyntaxToken? name = NameIfItHasBody(member);
                if (name is SyntaxToken identifier)
                {
                    context.ReportDiagnostic(Diagnostic.Create(NanoRules.DefaultInterfaceMember,
                        identifier.GetLocation(), identifier.Text));
                }
            }
        }

        private static SyntaxToken? NameIfItHasBody(MemberDeclarationSyntax member)
        {
            switch (member)
            {
                case MethodDeclarationSyntax method when method.Body is not null || method.ExpressionBody is not null:
                    return method.Identifier;
                case PropertyDeclarationSyntax property when property.ExpressionBody is not null || HasAccessorBody(property.AccessorList):
                    return property.Identifier;
                case IndexerDeclarationSyntax indexer when indexer.ExpressionBody is not null || HasAccessorBody(indexer.AccessorList):
                    return indexer.ThisKeyword;
                case EventDeclarationSyntax ev when HasAccessorBody(ev.AccessorList):
                    return ev.Identifier;
                default:
                    return null;
            }
        }

        private static bool HasAccessorBody(AccessorListSyntax? accessors)
        {
            if (accessors is null)
            {
                return false;
            }

            foreach (AccessorDeclarationSyntax accessor in accessors.Accessors)
            {
                if (accessor.Body is not null || accessor.ExpressionBody is not null)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
