using Stm32NanoUpdater.Host.Signing;
using Stm32NanoUpdater.Image;
using Stm32NanoUpdater.Tests.Support;
using Xunit;

namespace Stm32NanoUpdater.Host.Tests;

/// <summary>
/// Byte layouts derived from reading mcu-tools/mcuboot scripts/imgtool (image.py, main.py, version.py, keys/*.py),
/// pinned one rule per test with the place it comes from. imgtool cannot be installed here (no PyPI), so these
/// pins, the golden images and the cross-check against an independent Python re-implementation stand in for it.
/// </summary>
public class ImgtoolLayoutTests
{
    private static byte[] SignEd25519(TempDirectory directory, byte[] input, params string[] options)
    {
        string key = TestKeys.WritePem(directory, TestKeys.Ed25519(), "key.pem");
        string inputPath = directory.Write("in.bin", input);
        NanoUpdate.Ok(["sign", "-k", key, .. options, inputPath, directory.File("out.bin")]);
        return File.ReadAllBytes(directory.File("out.bin"));
    }

    [Fact]
    public void WithoutPadHeaderTheInputsLeadingZerosBecomeTheHeaderAndPadding()
    {
        // image.py check_header: the first header_size bytes must be zero; add_header overwrites the first 32 of them,
        // and ImgSz = len(payload) - header_size.
        using var directory = new TempDirectory();
        byte[] input = new byte[0x100 + 10];
        input[0x100] = 0xAB;
        byte[] image = SignEd25519(directory, input, "--version", "1", "-H", "0x100");
        Assert.Equal(10u, LittleEndian.ReadUInt32(image, 12));
        Assert.All(image[32..0x100], b => Assert.Equal(0, b));
        Assert.Equal(0xAB, image[0x100]);
    }

    [Fact]
    public void PadHeaderPrependsErasedBytes()
    {
        // image.py load: payload = bytes([erased_val] * header_size) + payload, erased_val 0xff by default.
        using var directory = new TempDirectory();
        byte[] image = SignEd25519(directory, [1, 2, 3], "--version", "1", "-H", "0x80", "--pad-header");
        Assert.All(image[32..0x80], b => Assert.Equal(0xFF, b));
        Assert.Equal(3u, LittleEndian.ReadUInt32(image, 12));
    }

    [Fact]
    public void LoadAddressSetsRamLoadAndZeroDoesNot()
    {
        // image.py add_header: if self.load_addr != 0: flags |= IMAGE_F['RAM_LOAD'] (0x20).
        using var directory = new TempDirectory();
        byte[] withAddress = SignEd25519(directory, [1], "--version", "1", "-H", "32", "--pad-header", "-L", "0x08010000");
        Assert.Equal(0x08010000u, LittleEndian.ReadUInt32(withAddress, 4));
        Assert.Equal(ImageFlags.RamLoad, LittleEndian.ReadUInt32(withAddress, 16));
        byte[] without = SignEd25519(directory, [1], "--version", "1", "-H", "32", "--pad-header");
        Assert.Equal(0u, LittleEndian.ReadUInt32(without, 16));
    }

    [Theory]
    [InlineData("1.2.3+4", "auto", 0x01020003u)] // image.py: (major << 24) + (minor << 16) + revision, build ignored
    [InlineData("255.255.65535", "auto", 0xFFFFFFFFu)]
    [InlineData("1", "0b101", 5u)] // main.py validate_security_counter: int(value, 0)
    [InlineData("1", "0o17", 15u)]
    public void SecurityCounterIsTheOnlyProtectedTlvAndIsLittleEndian(string version, string counter, uint expected)
    {
        // image.py create: protected_tlv_size = TLV_SIZE + 4 + TLV_INFO_SIZE; prot_tlv.add('SEC_CNT', pack('<I', counter)).
        using var directory = new TempDirectory();
        byte[] image = SignEd25519(directory, [7], "--version", version, "-H", "32", "--pad-header", "-s", counter);
        Assert.Equal(12, LittleEndian.ReadUInt16(image, 10));
        Assert.Equal(new byte[] { 0x08, 0x69, 0x0c, 0x00, 0x50, 0x00, 0x04, 0x00 }, image[33..41]);
        Assert.Equal(expected, LittleEndian.ReadUInt32(image, 41));
    }

    [Fact]
    public void UnprotectedTlvsAreHashThenKeyHashThenSignature()
    {
        // image.py create: tlv.add('SHA256', digest); tlv.add('KEYHASH', sha256(pub)); tlv.add(key.sig_tlv(), sig).
        using var directory = new TempDirectory();
        byte[] image = SignEd25519(directory, [7], "--version", "1", "-H", "32", "--pad-header");
        int area = 33;
        Assert.Equal(TlvArea.UnprotectedMagic, LittleEndian.ReadUInt16(image, area));
        Assert.Equal(4 + 36 + 36 + 68, LittleEndian.ReadUInt16(image, area + 2));
        Assert.Equal(TlvType.Sha256, LittleEndian.ReadUInt16(image, area + 4));
        Assert.Equal(TlvType.KeyHash, LittleEndian.ReadUInt16(image, area + 40));
        Assert.Equal(TestKeys.Ed25519().PublicKey.KeyHash, image[(area + 44)..(area + 76)]);
        Assert.Equal(TlvType.Ed25519, LittleEndian.ReadUInt16(image, area + 76));
        Assert.Equal(64, LittleEndian.ReadUInt16(image, area + 78));
    }

    [Theory]
    [InlineData(1, 8, 432)] // image.py _trailer_size: 128 * 3 * align + max_align * 4 + align_up(16, max_align)
    [InlineData(4, 8, 1584)]
    [InlineData(8, 8, 3120)]
    [InlineData(8, 16, 3152)]
    [InlineData(1, 32, 544)]
    public void TrailerReservationIsImgtools(int align, int maxAlign, int expected) =>
        Assert.Equal(expected, new SlotTrailer(align, maxAlign).ReservedSize);

    [Fact]
    public void ConfirmWritesImageOkAtEndMinus24AndTheMagicLast()
    {
        // image.py pad_to: pbytes[-(align_up(16, max_align) + max_align)] = 0x01, then boot_magic in the last 16 bytes.
        using var directory = new TempDirectory();
        byte[] slot = SignEd25519(directory, [7], "--version", "1", "-H", "32", "--pad-header", "-S", "0x1000", "--confirm");
        Assert.Equal(0x1000, slot.Length);
        Assert.Equal(SwapTrailer.Magic, slot[^16..]);
        Assert.Equal(0x01, slot[^24]);
        byte[] rest = [.. slot[^48..^24], .. slot[^23..^16]];
        Assert.All(rest, b => Assert.Equal(0xFF, b));
        Assert.Equal(SwapRequest.Permanent, SwapTrailer.DecideRequest(slot, slot.Length - SwapTrailer.Size));
    }

    [Fact]
    public void MaxAlign16UsesTheAlignedMagicAndImageOkPosition()
    {
        // image.py __init__: boot_magic = [max_align lsb, msb, 0x2d, 0xe1, ...] when max_align != 8.
        using var directory = new TempDirectory();
        byte[] slot = SignEd25519(directory, [7], "--version", "1", "-H", "32", "--pad-header", "-S", "0x2000", "--confirm", "--max-align", "16");
        Assert.Equal(Convert.FromHexString("10002de15d29410b8d77679c110f1f8a"), slot[^16..]);
        Assert.Equal(0x01, slot[^32]);
    }

    [Fact]
    public void ConfirmImpliesPad()
    {
        // main.py sign: confirmed but non-padded images make no sense, so --confirm sets pad.
        using var directory = new TempDirectory();
        byte[] slot = SignEd25519(directory, [7], "--version", "1", "-H", "32", "--pad-header", "-S", "0x1000", "--confirm");
        Assert.Equal(0x1000, slot.Length);
    }

    [Fact]
    public void ImageAndTrailerMustFitTheSlot()
    {
        // image.py check_trailer: len(image) + trailer_size <= slot_size.
        using var directory = new TempDirectory();
        byte[] image = SignEd25519(directory, new byte[100], "--version", "1", "-H", "32", "--pad-header");
        int fits = image.Length + 432;
        SignEd25519(directory, new byte[100], "--version", "1", "-H", "32", "--pad-header", "-S", fits.ToString(System.Globalization.CultureInfo.InvariantCulture));
        CliResult tooSmall = NanoUpdate.Run("sign", "-k", directory.File("key.pem"), "--version", "1", "-H", "32", "--pad-header",
            "-S", (fits - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), directory.File("in.bin"), directory.File("o.bin"));
        Assert.Equal(2, tooSmall.ExitCode);
    }

    [Fact]
    public void WarnsWhenTheImageReachesTheContractsTrailerSector()
    {
        using var directory = new TempDirectory();
        string key = TestKeys.WritePem(directory, TestKeys.Ed25519(), "key.pem");
        string input = directory.Write("in.bin", new byte[0x1000]);
        CliResult result = NanoUpdate.Ok("sign", "-k", key, "--version", "1", "-H", "0x200", "--pad-header", "-S", "0x2000", input, directory.File("o.bin"));
        Assert.Contains("warning: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("last 4 KiB", result.Error, StringComparison.Ordinal);
    }
}
