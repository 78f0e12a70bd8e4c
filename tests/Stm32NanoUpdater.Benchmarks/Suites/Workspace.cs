using Stm32NanoUpdater.Host.Keys;

namespace Stm32NanoUpdater.Benchmarks.Suites;

/// <summary>A temporary directory with keys and firmware files of the sizes the benchmarks use.</summary>
public sealed class Workspace : IDisposable
{
    public static readonly int[] Sizes = [1 << 20, 16 << 20];

    public Workspace()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("nanoupdate-bench-").FullName;
        var random = new Random(42);
        foreach (int size in Sizes)
        {
            byte[] firmware = new byte[size];
            random.NextBytes(firmware);
            File.WriteAllBytes(Firmware(size), firmware);
        }
    }

    public string Directory { get; }

    public SigningKey Ecdsa { get; } = KeyFile.Generate(KeyType.EcdsaP256);

    public SigningKey Ed25519 { get; } = KeyFile.Generate(KeyType.Ed25519);

    public string Firmware(int size) => Path.Combine(Directory, $"fw-{size >> 20}MiB.bin");

    public string Image(int size, string keyType) => Path.Combine(Directory, $"img-{size >> 20}MiB-{keyType}.bin");

    public static string Label(int size) => $"{size >> 20} MiB";

    public void Dispose()
    {
        Ecdsa.Dispose();
        Ed25519.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
