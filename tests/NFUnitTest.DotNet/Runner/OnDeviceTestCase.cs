#nullable enable
// .NET test-host code (see .editorconfig, which silences the NF rules; it did not silence RS0030 with this SDK).
#pragma warning disable RS0030
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using nanoFramework.TestFramework;

namespace NFUnitTest.DotNet.Runner
{
    /// <summary>
    /// One [TestMethod] (or one of its [DataRow]s) of the on-device test sources, found by reflection the way the
    /// nanoFramework unit test launcher finds them, and run with the class's [Setup] and [Cleanup] around it.
    /// </summary>
    public sealed class OnDeviceTestCase
    {
        private OnDeviceTestCase(Type type, MethodInfo method, object[]? arguments, int row)
        {
            Type = type;
            Method = method;
            Arguments = arguments;
            Id = $"{type.FullName}.{method.Name}" + (arguments is null ? string.Empty : $"#{row}({string.Join(", ", arguments.Select(Show))})");
        }

        public string Id { get; }

        public Type Type { get; }

        public MethodInfo Method { get; }

        public object[]? Arguments { get; }

        public static IReadOnlyList<OnDeviceTestCase> All { get; } = Discover(typeof(OnDeviceTestCase).Assembly);

        public static IReadOnlyList<OnDeviceTestCase> Discover(Assembly assembly)
        {
            var cases = new List<OnDeviceTestCase>();
            foreach (Type type in assembly.GetTypes().Where(t => t.GetCustomAttribute<TestClassAttribute>() is not null).OrderBy(t => t.FullName))
            {
                foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                    .Where(m => m.GetCustomAttribute<TestMethodAttribute>() is not null).OrderBy(m => m.MetadataToken))
                {
                    DataRowAttribute[] rows = method.GetCustomAttributes<DataRowAttribute>().ToArray();
                    if (rows.Length == 0)
                    {
                        cases.Add(new OnDeviceTestCase(type, method, null, 0));
                    }

                    for (int i = 0; i < rows.Length; i++)
                    {
                        cases.Add(new OnDeviceTestCase(type, method, rows[i].MethodParameters, i));
                    }
                }
            }

            return cases;
        }

        public void Run()
        {
            object? instance = Type.IsAbstract && Type.IsSealed ? null : Activator.CreateInstance(Type);
            Invoke(instance, Find<SetupAttribute>(), null);
            try
            {
                Invoke(instance, Method, Arguments);
            }
            finally
            {
                Invoke(instance, Find<CleanupAttribute>(), null);
            }
        }

        private MethodInfo? Find<TAttribute>()
            where TAttribute : Attribute =>
            Type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .SingleOrDefault(m => m.GetCustomAttribute<TAttribute>() is not null);

        private static void Invoke(object? instance, MethodInfo? method, object[]? arguments)
        {
            if (method is null)
            {
                return;
            }

            try
            {
                // No argument conversion: a DataRow value of the wrong type fails on the board too.
                method.Invoke(method.IsStatic ? null : instance, arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            }
        }

        private static string Show(object value) => value is string text
            ? "\"" + (text.Length > 24 ? text.Substring(0, 24) + "..." : text) + "\""
            : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "null";
    }
}
