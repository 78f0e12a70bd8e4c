using Stm32NanoUpdater.Agent.Staging;

namespace Stm32NanoUpdater.Simulation.Images;

/// <summary>
/// One signed sample image: the payload that ends up in internal flash, the signed file the server publishes, its
/// SHA-256 TLV, and whether the application inside passes its self-test after an update (a release meant to fail
/// does not, so it is never confirmed and the swap stage reverts it).
/// </summary>
public sealed record SampleImage(string Release, ImageKind Kind, string Version, byte[] Payload, byte[] SignedFile, byte[] Digest,
    bool PassesSelfTest)
{
    public string Name => $"{NorLayout.Describe(Kind)} {Version}";

    public int Span => SignedFile.Length;

    public override string ToString() => Name;
}
