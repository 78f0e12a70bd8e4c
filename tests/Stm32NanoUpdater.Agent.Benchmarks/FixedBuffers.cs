using System.Reflection;

namespace Stm32NanoUpdater.Agent.Benchmarks;

/// <summary>The arrays an object graph holds (instance fields, followed through references) and the statics of its assemblies.</summary>
internal static class FixedBuffers
{
    public static List<(string Owner, int Bytes)> Find(object root)
    {
        var found = new List<(string, int)>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var types = new HashSet<Type>();
        Walk(root, seen, types, found);
        foreach (Type type in types.Select(t => t.Assembly).Distinct().SelectMany(a => a.GetTypes()).Where(IsDeviceCode).ToArray())
        {
            foreach (FieldInfo field in type.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public))
            {
                Walk(field.GetValue(null), seen, types, found, $"{type.Name}.{field.Name}");
            }
        }

        return found;
    }

    private static bool IsDeviceCode(Type type)
    {
        string ns = type.Namespace ?? "";
        return ns.StartsWith("Stm32NanoUpdater.Image", StringComparison.Ordinal) ||
            (ns.StartsWith("Stm32NanoUpdater.Agent", StringComparison.Ordinal) && !ns.StartsWith("Stm32NanoUpdater.Agent.Benchmarks", StringComparison.Ordinal));
    }

    private static void Walk(object? value, HashSet<object> seen, HashSet<Type> types, List<(string, int)> found, string owner = "")
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Type type = value.GetType();
        if (!IsDeviceCode(type) && value is not Array)
        {
            return; // the simulated hardware, the transport and the host verifier are not the agent
        }

        if (value is Array array)
        {
            Type element = type.GetElementType()!;
            if (element.IsPrimitive)
            {
                found.Add((owner, array.Length * System.Runtime.InteropServices.Marshal.SizeOf(element)));
                return;
            }

            foreach (object? item in array)
            {
                Walk(item, seen, types, found, owner);
            }

            return;
        }

        types.Add(type);
        for (Type? t = type; t is not null; t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            {
                Walk(field.GetValue(value), seen, types, found, $"{t.Name}.{field.Name}");
            }
        }
    }
}
