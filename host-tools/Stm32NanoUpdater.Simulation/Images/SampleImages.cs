using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Host.Keys;
using Stm32NanoUpdater.Host.Signing;
using Stm32NanoUpdater.Image;
using Stm32NanoUpdater.Simulation.Mcu;

namespace Stm32NanoUpdater.Simulation.Images;

/// <summary>
/// The sample releases every simulation uses, signed with the host signing library exactly as `nanoupdate sign` signs
/// (0x200-byte padded header, the region's load address, a security counter):
/// v1 — nanoCLR 1.0.0 and the application 1.0.0, flashed at the factory;
/// v2 — a new nanoCLR build and application 2.0.0 (the libraries unchanged): a combined update;
/// v3 — application 3.0.0 only, whose self-test fails on the device, so it is never confirmed.
/// </summary>
public sealed class SampleImages
{
    public const int HeaderSize = 0x200;

    // The application's assemblies with their sizes in KiB, as a networking app on this board deploys them.
    private static readonly (string Name, double KiB)[] Libraries =
    [
        ("mscorlib", 56), ("nanoFramework.Runtime.Events", 7), ("System.Threading", 9), ("nanoFramework.System.Text", 6),
        ("System.IO.Streams", 8), ("System.Net", 48), ("System.Net.Http", 54), ("nanoFramework.Json", 26),
        ("nanoFramework.Hardware.Stm32", 5), ("System.Device.Spi", 6), ("Stm32NanoUpdater.Image", 22),
        ("Stm32NanoUpdater.Agent", 31),
    ];

    private const string Application = "SensorGateway";
    private static readonly double[] ApplicationKiB = [18, 20, 21];

    private SampleImages(byte[] keyHash, TrustedKey trustedKey, SampleRelease v1, SampleRelease v2, SampleRelease v3)
    {
        KeyHash = keyHash;
        TrustedKey = trustedKey;
        V1 = v1;
        V2 = v2;
        V3 = v3;
    }

    /// <summary>SHA-256 of the signing key's SubjectPublicKeyInfo: what the swap stage trusts.</summary>
    public byte[] KeyHash { get; }

    /// <summary>The signing key as the device agent trusts it.</summary>
    public TrustedKey TrustedKey { get; }

    /// <summary>The factory image set.</summary>
    public SampleRelease V1 { get; }

    public SampleRelease V2 { get; }

    /// <summary>The release whose application fails its self-test.</summary>
    public SampleRelease V3 { get; }

    public IEnumerable<SampleImage> All =>
        new[] { V1.NanoClr, V1.Deployment, V2.NanoClr, V2.Deployment, V3.Deployment }.Distinct();

    public static SampleImages Create(SampleImageSizes sizes, SigningKey key)
    {
        if (sizes.NanoClrBytes > NorLayout.NanoClrRegionSize || sizes.DeploymentBytes > NorLayout.DeploymentRegionSize)
        {
            throw new ArgumentOutOfRangeException(nameof(sizes), "an image is larger than its internal flash region");
        }

        string directory = Directory.CreateTempSubdirectory("nanoupdate-samples-").FullName;
        try
        {
            var signer = new Signer(directory, key);
            int clrSize = sizes.NanoClrBytes / 4 * 4;
            SampleImage clr1 = signer.Sign("v1", ImageKind.NanoClr, "1.0.0", SyntheticNanoClr.Build("1.0.0", clrSize), 1, true);
            SampleImage clr2 = signer.Sign("v2", ImageKind.NanoClr, "2.0.0", SyntheticNanoClr.Build("2.0.0", clrSize), 2, true);
            SampleImage dep1 = signer.Sign("v1", ImageKind.Deployment, "1.0.0", Deployment(sizes.DeploymentBytes, 1), 1, true);
            SampleImage dep2 = signer.Sign("v2", ImageKind.Deployment, "2.0.0", Deployment(sizes.DeploymentBytes, 2), 2, true);
            SampleImage dep3 = signer.Sign("v3", ImageKind.Deployment, "3.0.0", Deployment(sizes.DeploymentBytes, 3), 3, false);
            return new SampleImages(key.PublicKey.KeyHash, key.PublicKey.TrustedKey,
                new SampleRelease("v1", clr1, dep1, [clr1, dep1]),
                new SampleRelease("v2", clr2, dep2, [clr2, dep2]),
                new SampleRelease("v3", clr2, dep3, [dep3]));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// The known image whose payload a region holds, followed by erased bytes to the region's end; null when the region
    /// holds anything else (torn, mixed, erased, unknown).
    /// </summary>
    public SampleImage? Identify(ImageKind kind, Stm32F76xFlash flash)
    {
        uint region = NorLayout.RegionStart(kind);
        foreach (SampleImage image in All)
        {
            if (image.Kind == kind && flash.Holds(region, image.Payload) &&
                flash.IsErased(region + (uint)image.Payload.Length, NorLayout.RegionSize(kind) - image.Payload.Length))
            {
                return image;
            }
        }

        return null;
    }

    // The libraries stay byte-identical between releases; only the application assembly (last) changes, so an update
    // rewrites the deployment region's last sector only, as with a real application update.
    private static byte[] Deployment(int totalBytes, int release)
    {
        double nominal = Libraries.Sum(l => l.KiB) + ApplicationKiB[0];
        double scale = totalBytes / 1024.0 / nominal;
        var assemblies = Libraries
            .Select(l => new DeploymentBlob.Assembly(l.Name, new Version(1, 0, 0, 0), Size(l.KiB * scale)))
            .Append(new DeploymentBlob.Assembly(Application, new Version(release, 0, 0, 0), Size(ApplicationKiB[release - 1] * scale)))
            .ToList();
        return DeploymentBlob.Build(assemblies);
    }

    private static int Size(double kib) => Math.Max(256, (int)(kib * 1024) / 4 * 4);

    private sealed class Signer(string directory, SigningKey key)
    {
        public SampleImage Sign(string release, ImageKind kind, string version, byte[] payload, uint securityCounter, bool passesSelfTest)
        {
            string input = Path.Combine(directory, $"{release}-{kind}.bin");
            string output = Path.Combine(directory, $"{release}-{kind}-signed.bin");
            File.WriteAllBytes(input, payload);
            SignResult result = ImageSigner.Sign(input, output, key, new SignOptions
            {
                Version = ImageVersion.Parse(version),
                HeaderSize = HeaderSize,
                PadHeader = true,
                LoadAddress = NorLayout.RegionStart(kind),
                SecurityCounter = securityCounter,
            });
            return new SampleImage(release, kind, version, payload, File.ReadAllBytes(output), result.Digest, passesSelfTest);
        }
    }
}
