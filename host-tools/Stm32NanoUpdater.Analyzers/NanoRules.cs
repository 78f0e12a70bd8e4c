using Microsoft.CodeAnalysis;

namespace Stm32NanoUpdater.Analyzers
{
    /// <summary>
    /// The language constructs outside the nanoFramework 1.x subset. Each is an error: code that uses them compiles for
    /// the .NET twin but either does not compile for nanoFramework 1.x or compiles and crashes its runtime.
    /// </summary>
    public static class NanoRules
    {
        private const string Category = "NanoFramework";

        public static readonly DiagnosticDescriptor GenericDeclaration = Create(
            "NF0001", "Generic declaration",
            "'{0}' declares type parameters: the nanoFramework 1.x runtime cannot load generic code",
            "nanoFramework 1.x has no generics; code that declares them compiles but crashes the runtime.");

        public static readonly DiagnosticDescriptor GenericUse = Create(
            "NF0002", "Use of a generic type or method",
            "'{0}' is generic: the nanoFramework 1.x runtime cannot execute it",
            "Constructed generic types, generic methods (also with inferred type arguments) and lambdas converted to " +
            "generic delegates all need runtime generics, which nanoFramework 1.x does not have.");

        public static readonly DiagnosticDescriptor Async = Create(
            "NF0003", "async/await",
            "'{0}' needs Task and the async state machine, which nanoFramework 1.x does not have",
            "Use a synchronous call or a Thread.");

        public static readonly DiagnosticDescriptor Tuple = Create(
            "NF0004", "Tuple",
            "'{0}' is a tuple (generic ValueTuple), which nanoFramework 1.x does not have",
            "Return a small class or use out parameters.");

        public static readonly DiagnosticDescriptor Record = Create(
            "NF0005", "Record",
            "'{0}' is a record feature: its generated members use IEquatable<T> and EqualityComparer<T>",
            "Write a class with the members it needs.");

        public static readonly DiagnosticDescriptor NullableValueType = Create(
            "NF0006", "Nullable value type",
            "'{0}' is Nullable<T>, which nanoFramework 1.x does not have",
            "Use a separate bool or a sentinel value.");

        public static readonly DiagnosticDescriptor QueryExpression = Create(
            "NF0007", "Query expression",
            "Query expressions need LINQ, which nanoFramework does not have",
            "Write the loop.");

        public static readonly DiagnosticDescriptor StackAlloc = Create(
            "NF0008", "stackalloc",
            "stackalloc produces Span<T> or needs unsafe code, neither of which nanoFramework 1.x supports",
            "Allocate a byte[] once and reuse it.");

        public static readonly DiagnosticDescriptor Iterator = Create(
            "NF0009", "Iterator",
            "'{0}' makes this an iterator: the compiler implements IEnumerable<T>/IEnumerator<T> for it, even for a non-generic IEnumerable",
            "Return an array or an ArrayList.");

        public static readonly DiagnosticDescriptor Dynamic = Create(
            "NF0010", "dynamic",
            "'dynamic' needs the DLR runtime binder, which nanoFramework does not have",
            "Use a static type.");

        public static readonly DiagnosticDescriptor IndexOrRange = Create(
            "NF0011", "Index or range",
            "'{0}' needs System.Index/System.Range and generic helpers, which nanoFramework 1.x does not have",
            "Use explicit offsets and Array.Copy.");

        public static readonly DiagnosticDescriptor DefaultInterfaceMember = Create(
            "NF0012", "Default interface member",
            "Interface member '{0}' has a body: the nanoFramework runtime has no default interface implementations",
            "Move the body into the implementing classes or a static helper.");

        private static DiagnosticDescriptor Create(string id, string title, string message, string description)
        {
            return new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error,
                isEnabledByDefault: true, description: description);
        }
    }
}
