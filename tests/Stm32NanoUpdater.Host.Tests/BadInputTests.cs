using System.Security.Cryptography;
using Stm32NanoUpdater.Image;
using Stm32NanoUpdater.Tests.Support;
using Xunit;

namespace Stm32NanoUpdater.Host.Tests;

/// <summary>
/// Every bad input gives one clear line on standard error and exit code 2 (usage or input) or 1 (verification
/// failed), and never a stack trace.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly string _ecKey;
    private readonly string _edKey;
    private readonly string _firmware;
    private readonly string _image;

    public BadInputTests()
    {
        _ecKey = _directory.File("ec.pem");
        _edKey = _directory.File("ed.pem");
        NanoUpdate.Ok("keygen", "-t", "ecdsa-p256", "-k", _ecKey);
        NanoUpdate.Ok("keygen", "-t", "ed25519", "-k", _edKey);
        _firmware = _directory.Write("fw.bin", RoundTripTests.Firmware(3000, 0));
        _image = _directory.File("signed.bin");
        NanoUpdate.Ok("sign", "-k", _ecKey, "--version", "1.0.0", "-H", "0x200", "--pad-header", "-s", "1", _firmware, _image);
    }

    public void Dispose() => _directory.Dispose();

    private static void AssertFails(CliResult result, int exitCode, string expected)
    {
        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
        string firstLine = result.Error.Split('\n')[0];
        Assert.StartsWith(result.ExitCode == 1 && firstLine.StartsWith("verification", StringComparison.Ordinal) ? "verification failed: " : "error: ", firstLine, StringComparison.Ordinal);
    }

    private CliResult Sign(string key, params string[] extra) =>
        NanoUpdate.Run(["sign", "-k", key, "--version", "1.2.3", "-H", "0x200", "--pad-header", .. extra, _firmware, _directory.File("out.bin")]);

    [Fact]
    public void MissingKeyFile() => AssertFails(Sign(_directory.File("nope.pem")), 2, "cannot read key file");

    [Fact]
    public void MissingInputFile() =>
        AssertFails(NanoUpdate.Run("sign", "-k", _ecKey, "--version", "1", "-H", "0x200", _directory.File("missing.bin"), _directory.File("o.bin")), 2, "cannot read");

    [Fact]
    public void UnreadableInput() =>
        AssertFails(NanoUpdate.Run("sign", "-k", _ecKey, "--version", "1", "-H", "0x200", "--pad-header", _directory.Path, _directory.File("o.bin")), 2, "cannot read");

    [Fact]
    public void MissingImageFile() => AssertFails(NanoUpdate.Run("verify", "-k", _ecKey, _directory.File("missing.bin")), 2, "cannot read");

    [Fact]
    public void RsaKey()
    {
        using RSA rsa = RSA.Create(2048);
        File.WriteAllText(_directory.File("rsa.pem"), rsa.ExportPkcs8PrivateKeyPem());
        AssertFails(Sign(_directory.File("rsa.pem")), 2, "RSA key");
    }

    [Fact]
    public void EcKeyOnAnotherCurve()
    {
        using ECDsa p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        File.WriteAllText(_directory.File("p384.pem"), p384.ExportPkcs8PrivateKeyPem());
        AssertFails(Sign(_directory.File("p384.pem")), 2, "P-256 only");
    }

    [Fact]
    public void PublicKeyWhereAPrivateOneIsNeeded()
    {
        File.WriteAllText(_directory.File("pub.pem"), NanoUpdate.Ok("getpub", "-k", _ecKey).Out);
        AssertFails(Sign(_directory.File("pub.pem")), 2, "holds a public key, but signing needs the private key");
    }

    [Fact]
    public void EncryptedKey()
    {
        using ECDsa ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(_directory.File("enc.pem"), ecdsa.ExportEncryptedPkcs8PrivateKeyPem("secret",
            new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000)));
        AssertFails(Sign(_directory.File("enc.pem")), 2, "password-protected");
    }

    [Fact]
    public void NotAKeyFile() => AssertFails(Sign(_firmware), 2, "is not a PEM key file");

    [Theory]
    [InlineData("256.0.0", "out of range: major must be 0..255")]
    [InlineData("1.2.65536", "out of range: revision must be 0..65535")]
    [InlineData("1.2.3+4294967296", "out of range: build must be 0..4294967295")]
    [InlineData("1.2.3.4", "is not maj.min.rev+build")]
    [InlineData("v1", "is not maj.min.rev+build")]
    public void VersionOutOfRangeOrMalformed(string version, string expected) =>
        AssertFails(NanoUpdate.Run("sign", "-k", _ecKey, "--version", version, "-H", "0x200", "--pad-header", _firmware, _directory.File("o.bin")), 2, expected);

    [Fact]
    public void ImageLargerThanTheSlot() => AssertFails(Sign(_ecKey, "--slot-size", "0xe00"), 2, "exceeds --slot-size 0xe00");

    [Theory]
    [InlineData("0x10")]
    [InlineData("31")]
    [InlineData("0x10000")]
    public void HeaderSizeOutOfRange(string size) =>
        AssertFails(NanoUpdate.Run("sign", "-k", _ecKey, "--version", "1", "-H", size, "--pad-header", _firmware, _directory.File("o.bin")), 2, "--header-size");

    [Fact]
    public void InputAlreadySigned() =>
        AssertFails(NanoUpdate.Run("sign", "-k", _ecKey, "--version", "1", "-H", "0x200", "--pad-header", _image, _directory.File("o.bin")), 2, "already a signed MCUboot image");

    [Fact]
    public void InputWithoutRoomForTheHeader() =>
        AssertFails(NanoUpdate.Run("sign", "-k", _ecKey, "--version", "1", "-H", "0x200", _firmware, _directory.File("o.bin")), 2, "does not start with 512 zero bytes");

    [Fact]
    public void TruncatedImage()
    {
        byte[] image = File.ReadAllBytes(_image);
        string truncated = _directory.Write("truncated.bin", image[..(image.Length - 40)]);
        AssertFails(NanoUpdate.Run("verify", "-k", _ecKey, truncated), 1, "claims");
        string cut = _directory.Write("cut.bin", image[..1000]);
        AssertFails(NanoUpdate.Run("verify", "-k", _ecKey, cut), 1, "truncated");
    }

    [Fact]
    public void CorruptedPayload()
    {
        byte[] image = File.ReadAllBytes(_image);
        image[0x300] ^= 0x40;
        AssertFails(NanoUpdate.Run("verify", "-k", _ecKey, _directory.Write("corrupt.bin", image)), 1, "does not match the SHA256 TLV");
    }

    [Fact]
    public void TlvLengthRunningPastTheArea()
    {
        byte[] image = File.ReadAllBytes(_image);
        int unprotected = 0x200 + 3000 + 12;
        LittleEndian.WriteUInt16(image, unprotected + 4 + 2, 0x400); // SHA256 TLV length
        AssertFails(NanoUpdate.Run("verify", "-k", _ecKey, _directory.Write("tlv.bin", image)), 1, "runs past the end of the TLV area");
    }

    [Fact]
    public void WrongKeyAtVerify() => AssertFails(NanoUpdate.Run("verify", "-k", _edKey, _image), 1, "not trusted");

    [Fact]
    public void SignatureThatDoesNotVerify()
    {
        byte[] image = File.ReadAllBytes(_image);
        image[^3] ^= 0x01; // inside the DER s value
        AssertFails(NanoUpdate.Run("verify", "-k", _ecKey, _directory.Write("badsig.bin", image)), 1, "signature");
    }

    [Fact]
    public void InfoOnSomethingThatIsNoImage() => AssertFails(NanoUpdate.Run("info", _firmware), 1, "no MCUboot image header");

    [Fact]
    public void KeygenRefusesToOverwrite() => AssertFails(NanoUpdate.Run("keygen", "-t", "ed25519", "-k", _edKey), 2, "--force");

    [Fact]
    public void UnknownKeyType() => AssertFails(NanoUpdate.Run("keygen", "-t", "rsa-2048", "-k", _directory.File("k.pem")), 2, "rsa-2048");

    [Fact]
    public void PadWithoutSlotSize() => AssertFails(Sign(_ecKey, "--pad"), 2, "need --slot-size");

    [Fact]
    public void HexOutputWithoutAnAddress() =>
        AssertFails(NanoUpdate.Run("sign", "-k", _ecKey, "--version", "1", "-H", "0x200", "--pad-header", _firmware, _directory.File("o.hex")), 2, "--hex-addr");

    [Theory]
    [InlineData("--header-size", "0xZZ", "not an integer")]
    [InlineData("--security-counter", "4294967296", "out of range")]
    [InlineData("--security-counter", "-1", "not an integer")]
    [InlineData("--load-addr", "010", "not an integer")]
    public void BadIntegers(string option, string value, string expected)
    {
        string[] header = option == "--header-size" ? ["-H", value] : ["-H", "0x200", option, value];
        AssertFails(NanoUpdate.Run(["sign", "-k", _ecKey, "--version", "1", "--pad-header", .. header, _firmware, _directory.File("o.bin")]), 2, expected);
    }

    [Fact]
    public void BadIntelHexInput()
    {
        File.WriteAllText(_directory.File("bad.hex"), ":020000040801F1\n:10000000FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF01\n:00000001FF\n");
        AssertFails(NanoUpdate.Run("sign", "-k", _ecKey, "--version", "1", "-H", "0x200", "--pad-header", _directory.File("bad.hex"), _directory.File("o.hex")), 2, "bad.hex:2: checksum mismatch");
    }

    [Fact]
    public void UnknownVerbAndMissingOptions()
    {
        AssertFails(NanoUpdate.Run("frobnicate"), 2, "error:");
        AssertFails(NanoUpdate.Run("sign", _firmware, _directory.File("o.bin")), 2, "error:");
        AssertFails(NanoUpdate.Run("getpub", "-k", _ecKey, "--encoding", "rust"), 2, "error:");
    }

    [Fact]
    public void OutputIntoAMissingDirectory() =>
        AssertFails(NanoUpdate.Run("sign", "-k", _ecKey, "--version", "1", "-H", "0x200", "--pad-header", _firmware, _directory.File("no/such/dir/o.bin")), 2, "cannot write");
}
