using System.Buffers.Binary;
using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Host.Crypto;
using Stm32NanoUpdater.Image;
using Stm32NanoUpdater.Simulation.Images;
using Stm32NanoUpdater.Simulation.Mcu;
using Stm32NanoUpdater.Simulation.Tests.Infrastructure;
using Stm32NanoUpdater.Simulation.Time;

namespace Stm32NanoUpdater.Simulation.Tests.Images;

/// <summary>
/// The sample releases: signed as `nanoupdate sign` signs, plausible for the board (the swap stage's can-run rule is
/// checked on them in the interop tests), and shaped like real updates.
/// </summary>
public sealed class SampleImageTests(SmallEnvironment fixture) : IClassFixture<SmallEnvironment>
{
    private readonly SampleImages _images = fixture.Environment.Images;

    [Fact]
    public void Every_image_verifies_with_the_device_verifier_and_is_for_its_region()
    {
        var verifier = new ImageVerifier([_images.TrustedKey], new DotNetSignatureVerifier());
        foreach (SampleImage image in _images.All)
        {
            VerificationResult result = verifier.Verify(new ByteArraySource(image.SignedFile), image.Span);
            Assert.True(result.IsAccepted, $"{image}: {result.Message}");
            Assert.Equal(NorLayout.RegionStart(image.Kind), result.Header!.LoadAddress);
            Assert.Equal(image.Payload.Length, (int)result.Header.ImageSize);
            Assert.Equal(SampleImages.HeaderSize, result.Header.HeaderSize);
            Assert.Equal(image.Digest, result.ComputedDigest);
            Assert.True(result.HasSecurityCounter);
            Assert.Equal(image.Payload, image.SignedFile.AsSpan(SampleImages.HeaderSize, image.Payload.Length).ToArray());
        }
    }

    [Fact]
    public void Releases_change_what_real_releases_change()
    {
        Assert.NotEqual(_images.V1.NanoClr.Payload, _images.V2.NanoClr.Payload);
        Assert.Same(_images.V2.NanoClr, _images.V3.NanoClr);
        Assert.Equal([_images.V3.Deployment], _images.V3.Published);
        Assert.True(_images.V2.Deployment.PassesSelfTest);
        Assert.False(_images.V3.Deployment.PassesSelfTest);

        // The libraries are identical; only the application at the end of the blob changes.
        byte[] v1 = _images.V1.Deployment.Payload;
        byte[] v2 = _images.V2.Deployment.Payload;
        int same = 0;
        while (v1[same] == v2[same])
        {
            same++;
        }

        Assert.True(same > v1.Length * 3 / 4, $"first difference at {same} of {v1.Length}");
    }

    [Fact]
    public void The_nanoclr_starts_with_a_plausible_vector_table()
    {
        byte[] clr = _images.V2.NanoClr.Payload;
        uint sp = BinaryPrimitives.ReadUInt32LittleEndian(clr);
        uint reset = BinaryPrimitives.ReadUInt32LittleEndian(clr.AsSpan(4));
        Assert.InRange(sp, 0x20000001u, 0x2007FFFFu);
        Assert.Equal(1u, reset & 1);
        Assert.InRange(reset & ~1u, NorLayout.NanoClrRegionStart, NorLayout.NanoClrRegionStart + (uint)clr.Length);
    }

    [Fact]
    public void Assemblies_carry_nanoframework_headers_with_their_crcs()
    {
        byte[] pe = NanoFrameworkAssembly.Build("App", new Version(1, 2, 3, 4), 1024, "seed");
        Assert.Equal("NFMRK1"u8.ToArray(), pe[..6]);
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(pe.AsSpan(38))); // string table version
        Assert.Equal(1024u, BinaryPrimitives.ReadUInt32LittleEndian(pe.AsSpan(40 + 4 * 15))); // TBL_EndOfAssembly
        Assert.Equal(NanoFrameworkCrc.Compute(pe.AsSpan(NanoFrameworkAssembly.HeaderSize)), BinaryPrimitives.ReadUInt32LittleEndian(pe.AsSpan(12)));
        byte[] header = pe[..NanoFrameworkAssembly.HeaderSize];
        uint headerCrc = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(8));
        header.AsSpan(8, 4).Clear();
        Assert.Equal(NanoFrameworkCrc.Compute(header), headerCrc);
        Assert.Throws<ArgumentOutOfRangeException>(() => NanoFrameworkAssembly.Build("App", new Version(1, 0), 1022, "seed"));
    }

    [Fact]
    public void Identify_names_the_image_a_region_holds_and_nothing_else()
    {
        var flash = new Stm32F76xFlash(new VirtualClock());
        Assert.Null(_images.Identify(ImageKind.NanoClr, flash));
        flash.Load(NorLayout.NanoClrRegionStart, _images.V1.NanoClr.Payload);
        flash.Load(NorLayout.DeploymentRegionStart, _images.V2.Deployment.Payload);
        Assert.Same(_images.V1.NanoClr, _images.Identify(ImageKind.NanoClr, flash));
        Assert.Same(_images.V2.Deployment, _images.Identify(ImageKind.Deployment, flash));

        // A stale byte after the payload is not the image any more.
        flash.Load(NorLayout.DeploymentRegionStart + (uint)_images.V2.Deployment.Payload.Length + 100, [0x00]);
        Assert.Null(_images.Identify(ImageKind.Deployment, flash));
    }
}
