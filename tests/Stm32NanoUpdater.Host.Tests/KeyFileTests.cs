using System.Security.Cryptography;
using Stm32NanoUpdater.Host.Keys;
using Stm32NanoUpdater.Tests.Support;
using Xunit;

namespace Stm32NanoUpdater.Host.Tests;

/// <summary>Key files as imgtool writes and reads them (keys/ecdsa.py and keys/ed25519.py export_private: PKCS#8 PEM).</summary>
public class KeyFileTests
{
    [Theory]
    [InlineData("ecdsa-p256")]
    [InlineData("ed25519")]
    public void KeygenWritesUnencryptedPkcs8ThatLoadsBack(string type)
    {
        using var directory = new TempDirectory();
        string path = directory.File("key.pem");
        CliResult result = NanoUpdate.Ok("keygen", "-t", type, "-k", path);
        string pem = File.ReadAllText(path);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----\n", pem, StringComparison.Ordinal);
        Assert.EndsWith("-----END PRIVATE KEY-----\n", pem, StringComparison.Ordinal);
        using SigningKey key = KeyFile.LoadPrivate(path);
        Assert.Equal(type, key.PublicKey.TypeName);
        Assert.Contains(Convert.ToHexStringLower(key.PublicKey.KeyHash), result.Out, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void Ed25519Pkcs8IsTheRfc8410FormPythonCryptographyWrites()
    {
        using Ed25519SigningKey key = TestKeys.Ed25519();
        byte[] der = PemEncoding.Find(key.ToPkcs8Pem()) is var fields
            ? Convert.FromBase64String(key.ToPkcs8Pem()[fields.Base64Data]) : [];
        Assert.Equal("302e020100300506032b657004220420" + Convert.ToHexStringLower(TestKeys.Ed25519Seed), Convert.ToHexStringLower(der));
        // RFC 8032 TEST 1 public key, wrapped in the RFC 8410 SubjectPublicKeyInfo.
        Assert.Equal("302a300506032b6570032100d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            Convert.ToHexStringLower(key.PublicKey.SubjectPublicKeyInfo));
    }

    [Fact]
    public void ReadsSec1EcPrivateKeysAndPublicKeys()
    {
        using var directory = new TempDirectory();
        using ECDsa ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(directory.File("sec1.pem"), ecdsa.ExportECPrivateKeyPem());
        File.WriteAllText(directory.File("pub.pem"), ecdsa.ExportSubjectPublicKeyInfoPem());
        using SigningKey key = KeyFile.LoadPrivate(directory.File("sec1.pem"));
        Assert.Equal(ecdsa.ExportSubjectPublicKeyInfo(), key.PublicKey.SubjectPublicKeyInfo);
        Assert.Equal(SHA256.HashData(ecdsa.ExportSubjectPublicKeyInfo()), KeyFile.LoadPublic(directory.File("pub.pem")).KeyHash);
    }

    [Fact]
    public void GetpubPemRoundTripsAndPrintsTheKeyHash()
    {
        using var directory = new TempDirectory();
        using SigningKey key = TestKeys.EcdsaP256();
        string path = TestKeys.WritePem(directory, key, "key.pem");
        string output = NanoUpdate.Ok("getpub", "-k", path).Out;
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----\n", output, StringComparison.Ordinal);
        Assert.Contains("key hash: " + Convert.ToHexStringLower(key.PublicKey.KeyHash), output, StringComparison.Ordinal);
        File.WriteAllText(directory.File("pub.pem"), output);
        Assert.Equal(key.PublicKey.SubjectPublicKeyInfo, KeyFile.LoadPublic(directory.File("pub.pem")).SubjectPublicKeyInfo);
    }

    [Fact]
    public void GetpubCIsLaidOutLikeImgtool()
    {
        // imgtool keys/general.py emit_c_public: 8 bytes per line, 4-space indent, "0x%02x," and a _len line.
        using var directory = new TempDirectory();
        using SigningKey key = TestKeys.Ed25519();
        string output = NanoUpdate.Ok("getpub", "-k", TestKeys.WritePem(directory, key, "key.pem"), "--encoding", "c").Out;
        string[] lines = output.Split('\n');
        Assert.Equal("const unsigned char ed25519_pub_key[] = {", lines[1]);
        Assert.Equal("    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65,", lines[2]);
        Assert.Equal("    0xf7, 0x07, 0x51, 0x1a,", lines[7]);
        Assert.Equal("};", lines[8]);
        Assert.Equal("const unsigned int ed25519_pub_key_len = 44;", lines[9]);
        Assert.Contains(Convert.ToHexStringLower(key.PublicKey.KeyHash), lines[10], StringComparison.Ordinal);
    }

    [Fact]
    public void GetpubCSharpDeclaresTheTrustedKeyBytes()
    {
        using var directory = new TempDirectory();
        using SigningKey key = TestKeys.EcdsaP256();
        string output = NanoUpdate.Ok("getpub", "-k", TestKeys.WritePem(directory, key, "key.pem"), "--encoding", "csharp").Out;
        Assert.Contains("Stm32NanoUpdater.Image.TrustedKey.FromSubjectPublicKeyInfo(new byte[]", output, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(key.PublicKey.KeyHash), output, StringComparison.Ordinal);
        byte[] embedded = System.Text.RegularExpressions.Regex.Matches(output, "0x([0-9a-f]{2}),")
            .Select(m => Convert.ToByte(m.Groups[1].Value, 16)).ToArray();
        Assert.Equal(key.PublicKey.SubjectPublicKeyInfo, embedded);
    }

    [Fact]
    public void KeygenForceReplacesAKey()
    {
        using var directory = new TempDirectory();
        string path = directory.File("key.pem");
        NanoUpdate.Ok("keygen", "-t", "ed25519", "-k", path);
        string first = File.ReadAllText(path);
        NanoUpdate.Ok("keygen", "-t", "ed25519", "-k", path, "--force");
        Assert.NotEqual(first, File.ReadAllText(path));
    }
}
