using FsCheck.Xunit;
using Stm32NanoUpdater.Host.Crypto;
using Xunit;

namespace Stm32NanoUpdater.Image.Tests;

/// <summary>
/// Random and mutated images never crash the device parser: every outcome is a verdict (the library's own format error
/// inside), never another exception, and no read ever leaves the image. Any change to a byte the image is made of
/// gets it rejected.
/// </summary>
public class ParserFuzzTests
{
    private static VerificationResult Verify(byte[] image, int? length = null) =>
        new ImageVerifier(SignedImages.TrustedKeys, new DotNetSignatureVerifier(), new Sha256(), new byte[97])
            .Verify(new ByteArraySource(image), length ?? image.Length);

    [Fact]
    public void TheUnmodifiedImagesVerify()
    {
        Assert.True(Verify(SignedImages.Ed25519Image).IsAccepted);
        Assert.True(Verify(SignedImages.EcdsaImage).IsAccepted);
    }

    [Property(MaxTest = 2000)]
    public bool RandomBytesAreRejectedWithoutCrashing(byte[] data)
    {
        return !Verify(data ?? []).IsAccepted;
    }

    [Property(MaxTest = 3000)]
    public bool RandomImagesWithAValidMagicAreRejectedWithoutCrashing(int seed)
    {
        var random = new Random(seed);
        byte[] image = new byte[random.Next(ImageHeader.Size, 400)];
        random.NextBytes(image);
        LittleEndian.WriteUInt32(image, 0, ImageHeader.Magic);
        // Keep the fields small often enough to reach the TLV parser.
        LittleEndian.WriteUInt16(image, 8, (ushort)random.Next(0, 64));
        LittleEndian.WriteUInt16(image, 10, (ushort)(random.Next(2) == 0 ? 0 : random.Next(0, 48)));
        LittleEndian.WriteUInt32(image, 12, (uint)random.Next(0, image.Length));
        int tlvStart = LittleEndian.ReadUInt16(image, 8) + (int)LittleEndian.ReadUInt32(image, 12);
        if (tlvStart + 4 <= image.Length && random.Next(2) == 0)
        {
            LittleEndian.WriteUInt16(image, tlvStart, random.Next(2) == 0 ? TlvArea.UnprotectedMagic : TlvArea.ProtectedMagic);
        }

        return !Verify(image).IsAccepted;
    }

    [Property(MaxTest = 3000)]
    public bool OverwrittenSixteenBitFieldsAreRejectedWithoutCrashing(int seed)
    {
        var random = new Random(seed);
        byte[] image = (byte[])(random.Next(2) == 0 ? SignedImages.Ed25519Image : SignedImages.EcdsaImage).Clone();
        int position = random.Next(0, image.Length - 1);
        ushort value = (ushort)(random.Next(4) switch { 0 => 0, 1 => 0xFFFF, 2 => random.Next(0, 80), _ => random.Next(0, 0x10000) });
        bool unchanged = LittleEndian.ReadUInt16(image, position) == value;
        LittleEndian.WriteUInt16(image, position, value);
        return unchanged || !Verify(image).IsAccepted;
    }

    [Property(MaxTest = 500)]
    public bool TruncatedImagesAreRejectedWithoutCrashing(int seed)
    {
        byte[] image = new Random(seed).Next(2) == 0 ? SignedImages.Ed25519Image : SignedImages.EcdsaImage;
        int length = Math.Abs(seed % image.Length);
        return !Verify(image, length).IsAccepted;
    }

    [Theory]
    [InlineData(0x01)]
    [InlineData(0x80)]
    [InlineData(0xFF)]
    public void EveryChangedByteOfTheImageIsRejected(int mask)
    {
        foreach (byte[] original in new[] { SignedImages.Ed25519Image, SignedImages.EcdsaImage })
        {
            for (int position = 0; position < original.Length; position++)
            {
                byte[] image = (byte[])original.Clone();
                image[position] ^= (byte)mask;
                VerificationResult result = Verify(image);
                Assert.False(result.IsAccepted, $"byte {position} ^ 0x{mask:x2} still verifies");
            }
        }
    }

    [Fact]
    public void BytesAfterTheImageDoNotMatter()
    {
        byte[] slot = new byte[SignedImages.EcdsaImage.Length + 300];
        new Random(7).NextBytes(slot);
        SignedImages.EcdsaImage.CopyTo(slot, 0);
        VerificationResult result = Verify(slot);
        Assert.True(result.IsAccepted, result.Message);
        Assert.Equal(SignedImages.EcdsaImage.Length, result.ImageSpan);
    }
}
