namespace Stm32NanoUpdater.Simulation.Images;

/// <summary>
/// The deployment region's content as Visual Studio or nanoff writes it: the application's assemblies, each padded with
/// zeros to a multiple of 4 bytes, concatenated from the region start.
/// </summary>
public static class DeploymentBlob
{
    /// <summary>One assembly of the application: its name, version and size.</summary>
    public sealed record Assembly(string Name, Version Version, int Size);

    public static byte[] Build(IEnumerable<Assembly> assemblies)
    {
        var blob = new List<byte>();
        foreach (Assembly assembly in assemblies)
        {
            int size = (assembly.Size + 3) & ~3;
            blob.AddRange(NanoFrameworkAssembly.Build(assembly.Name, assembly.Version, size, $"{assembly.Name} {assembly.Version}"));
        }

        return [.. blob];
    }
}
