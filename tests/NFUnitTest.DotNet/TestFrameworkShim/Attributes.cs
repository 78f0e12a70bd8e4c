using System;

// The attributes of nanoFramework.TestFramework (TestFrameworkShared/*.cs upstream), same names and shapes.
namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public sealed class TestClassAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public sealed class TestMethodAttribute : Attribute
    {
    }

    /// <summary>Runs once before the class's tests (here: before each test case, which each get a fresh instance).</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public sealed class SetupAttribute : Attribute
    {
    }

    /// <summary>Runs once after the class's tests (here: after each test case).</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public sealed class CleanupAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class DataRowAttribute : Attribute
    {
        public DataRowAttribute(params object[] methodParameters)
        {
            if (methodParameters == null || methodParameters.Length == 0)
            {
                throw new ArgumentException("a DataRow needs at least one value", nameof(methodParameters));
            }

            MethodParameters = methodParameters;
        }

        public object[] MethodParameters { get; }
    }
}
