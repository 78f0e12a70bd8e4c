using System.Security.Cryptography;

namespace Stm32NanoUpdater.Benchmarks.Suites;

/// <summary>The device library's C# SHA-256 against .NET's SHA256 on the same 16 MiB, and their ratio.</summary>
public sealed class Sha256Suite : IBenchmarkSuite
{
    public string Name => "sha256";

    public string Description => "device C# SHA-256 vs .NET SHA256 (MB/s and ratio)";

    public void Run(Report report)
    {
        byte[] data = new byte[16 << 20];
        new Random(1).NextBytes(data);
        byte[] digest = new byte[32];
        foreach (int chunk in new[] { 4096, 64 * 1024 })
        {
            double device = report.Throughput($"device Sha256, {chunk / 1024} KiB chunks", data.Length, () =>
            {
                var sha = new Image.Sha256();
                for (int offset = 0; offset < data.Length; offset += chunk)
                {
                    sha.Update(data, offset, chunk);
                }

                sha.Finish(digest, 0);
            });
            double dotnet = report.Throughput($".NET IncrementalHash, {chunk / 1024} KiB chunks", data.Length, () =>
            {
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                for (int offset = 0; offset < data.Length; offset += chunk)
                {
                    sha.AppendData(data, offset, chunk);
                }

                sha.GetHashAndReset(digest);
            });
            report.Line(FormattableString.Invariant($"  ratio device / .NET ({chunk / 1024} KiB chunks): {device / dotnet:F3} (.NET is {dotnet / device:F1}x faster)"));
        }
    }
}
