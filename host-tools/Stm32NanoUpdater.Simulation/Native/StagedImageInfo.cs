namespace Stm32NanoUpdater.Simulation.Native;

/// <summary>nu_image_info_t: an MCUboot image as the stage reads it from a slot or an installed record.</summary>
public sealed record StagedImageInfo(
    uint LoadAddress, int HeaderSize, int ImageSize, int TlvSize, string Version, uint? SecurityCounter, byte[] Sha256)
{
    internal static unsafe StagedImageInfo From(in NuImageInfo info)
    {
        byte[] sha = new byte[32];
        fixed (byte* digest = info.Sha256)
        {
            new ReadOnlySpan<byte>(digest, 32).CopyTo(sha);
        }

        return new StagedImageInfo(info.LoadAddress, (int)info.HeaderSize, (int)info.ImageSize, (int)info.TlvSize,
            $"{info.VersionMajor}.{info.VersionMinor}.{info.VersionRevision}+{info.VersionBuild}",
            info.HasSecurityCounter != 0 ? info.SecurityCounter : null, sha);
    }
}
