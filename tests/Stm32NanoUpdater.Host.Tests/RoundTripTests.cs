using System.Text.Json;
using Stm32NanoUpdater.Host.IntelHex;
using Stm32NanoUpdater.Tests.Support;
using Xunit;

namespace Stm32NanoUpdater.Host.Tests;

/// <summary>keygen → sign → verify → info through the CLI, for both key types and the option combinations users need.</summary>
public class RoundTripTests
{
    public static TheoryData<string, string> Variants()
    {
        string[][] variants =
        [
            ["plain"],
            ["pad-header", "--pad-header"],
            ["pad", "--pad-header", "--slot-size", "0x100000", "--pad"],
            ["pad-confirm", "--pad-header", "--slot-size", "0x100000", "--pad", "--confirm"],
            ["counter", "--pad-header", "--security-counter", "0x10203"],
            ["counter-auto", "--pad-header", "--security-counter", "auto", "--load-addr", "0x080C0000"],
            ["align8", "--pad-header", "--slot-size", "0x180000", "--confirm", "--align", "8"],
        ];
        var data = new TheoryData<string, string>();
        foreach (string type in new[] { "ecdsa-p256", "ed25519" })
        {
            foreach (string[] variant in variants)
            {
                data.Add(type, string.Join(' ', variant));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void SignVerifyInfo(string keyType, string variant)
    {
        string[] words = variant.Split(' ');
        string[] options = words[1..];
        bool padHeader = options.Contains("--pad-header");
        using var directory = new TempDirectory();
        string key = directory.File("key.pem");
        NanoUpdate.Ok("keygen", "-t", keyType, "-k", key);
        byte[] firmware = Firmware(70_000, leadingZeros: padHeader ? 0 : 0x200);
        string input = directory.Write("fw.bin", firmware);
        string output = directory.File("fw-signed.bin");

        NanoUpdate.Ok(["sign", "-k", key, "--version", "3.4.5+6", "--header-size", "0x200", .. options, input, output]);
        CliResult verify = NanoUpdate.Ok("verify", "-k", key, output);
        Assert.Contains("image verified: version 3.4.5+6", verify.Out, StringComparison.Ordinal);

        using JsonDocument info = JsonDocument.Parse(NanoUpdate.Ok("info", output, "--json", "-k", key).Out);
        JsonElement root = info.RootElement;
        Assert.Equal("3.4.5+6", root.GetProperty("header").GetProperty("version").GetString());
        Assert.True(root.GetProperty("hashOk").GetBoolean());
        Assert.Equal("verified", root.GetProperty("signature").GetString());
        Assert.Equal(keyType, root.GetProperty("signerKeyType").GetString());
        Assert.Equal(key, root.GetProperty("signerKeyFile").GetString());

        byte[] image = File.ReadAllBytes(output);
        int payloadStart = 0x200;
        byte[] expectedPayload = padHeader ? firmware : firmware[0x200..];
        Assert.Equal(expectedPayload, image.AsSpan(payloadStart, expectedPayload.Length).ToArray());

        if (options.Contains("--security-counter"))
        {
            uint expected = options.Contains("auto") ? (3u << 24) + (4u << 16) + 5u : 0x10203u;
            Assert.Equal(expected, root.GetProperty("securityCounter").GetUInt32());
        }
        else
        {
            Assert.False(root.TryGetProperty("securityCounter", out _));
        }

        if (options.Contains("--slot-size"))
        {
            string slot = options[Array.IndexOf(options, "--slot-size") + 1];
            Assert.Equal(Convert.ToInt32(slot, 16), image.Length);
            JsonElement trailer = root.GetProperty("trailer");
            Assert.Equal(options.Contains("--confirm") ? "PERMANENT" : "TEST", trailer.GetProperty("request").GetString());
            Assert.True(trailer.GetProperty("paddingErased").GetBoolean());
        }
        else
        {
            Assert.Equal(root.GetProperty("imageSpan").GetInt64(), image.Length);
            Assert.False(root.TryGetProperty("trailer", out _));
        }

        string expectedLoad = options.Contains("--load-addr") ? "0x080c0000" : "0x00000000";
        Assert.Equal(expectedLoad, root.GetProperty("header").GetProperty("loadAddress").GetString());
    }

    [Theory]
    [InlineData("ecdsa-p256")]
    [InlineData("ed25519")]
    public void VerifiesWithThePublicKeyFromGetpub(string keyType)
    {
        using var directory = new TempDirectory();
        string key = directory.File("key.pem");
        NanoUpdate.Ok("keygen", "-t", keyType, "-k", key);
        File.WriteAllText(directory.File("pub.pem"), NanoUpdate.Ok("getpub", "-k", key).Out);
        string input = directory.Write("fw.bin", Firmware(1000, 0));
        NanoUpdate.Ok("sign", "-k", key, "--version", "1", "-H", "32", "--pad-header", input, directory.File("out.bin"));
        NanoUpdate.Ok("verify", "-k", directory.File("pub.pem"), directory.File("out.bin"));
    }

    [Theory]
    [InlineData("ecdsa-p256", false)]
    [InlineData("ed25519", false)]
    [InlineData("ecdsa-p256", true)]
    [InlineData("ed25519", true)]
    public void IntelHexOutputReadsBackByteExact(string keyType, bool pad)
    {
        using var directory = new TempDirectory();
        string key = directory.File("key.pem");
        NanoUpdate.Ok("keygen", "-t", keyType, "-k", key);
        string input = directory.Write("fw.bin", Firmware(200_000, 0));
        string[] padding = pad ? ["--slot-size", "0x100000", "--confirm"] : [];
        NanoUpdate.Ok(["sign", "-k", key, "--version", "1.2", "-H", "0x200", "--pad-header", "-x", "0x08110000", .. padding, input, directory.File("out.hex")]);
        NanoUpdate.Ok("verify", "-k", key, directory.File("out.hex"));

        using HexImage hex = IntelHexReader.Read(directory.File("out.hex"));
        Assert.Equal(0x08110000u, hex.BaseAddress);
        byte[] fromHex = File.ReadAllBytes(hex.BinaryPath);
        if (keyType == "ed25519")
        {
            // Deterministic signature: the binary output of the same signing is the HEX content byte for byte.
            NanoUpdate.Ok(["sign", "-k", key, "--version", "1.2", "-H", "0x200", "--pad-header", .. padding, input, directory.File("out.bin")]);
            Assert.Equal(File.ReadAllBytes(directory.File("out.bin")), fromHex);
        }
        else
        {
            Assert.Equal(File.ReadAllBytes(input), fromHex.AsSpan(0x200, 200_000).ToArray());
        }

        Assert.Equal(pad ? 0x100000 : fromHex.Length, fromHex.Length);
    }

    [Fact]
    public void SignsAnIntelHexInputAtItsAddress()
    {
        using var directory = new TempDirectory();
        string key = directory.File("key.pem");
        NanoUpdate.Ok("keygen", "-t", "ed25519", "-k", key);
        byte[] firmware = Firmware(5000, 0);
        string inputHex = directory.File("in.hex");
        using (var text = new StreamWriter(inputHex))
        {
            var writer = new IntelHexWriter(text, 0x08010200 + 5000);
            writer.Write(0x08010200, firmware);
            writer.Finish();
        }

        CliResult signed = NanoUpdate.Ok("sign", "-k", key, "--version", "1", "-H", "0x200", "--pad-header", inputHex, directory.File("out.hex"));
        Assert.Contains("Intel HEX at 0x08010000", signed.Out, StringComparison.Ordinal);
        using HexImage hex = IntelHexReader.Read(directory.File("out.hex"));
        Assert.Equal(0x08010000u, hex.BaseAddress);
        Assert.Equal(firmware, File.ReadAllBytes(hex.BinaryPath).AsSpan(0x200, firmware.Length).ToArray());
    }

    [Fact]
    public void TextInfoNamesEveryTlvAndTheTrailer()
    {
        using var directory = new TempDirectory();
        string key = directory.File("key.pem");
        NanoUpdate.Ok("keygen", "-t", "ecdsa-p256", "-k", key);
        string input = directory.Write("fw.bin", Firmware(4096, 0));
        NanoUpdate.Ok("sign", "-k", key, "--version", "1.2.3", "-H", "0x200", "--pad-header", "-s", "auto", "-S", "0x100000", "--pad", input, directory.File("out.bin"));
        string info = NanoUpdate.Ok("info", directory.File("out.bin")).Out;
        foreach (string expected in new[] { "SEC_CNT", "SHA256", "KEYHASH", "ECDSA_SIG", "1.2.3+0", "hash:             OK", "TEST request", "not checked" })
        {
            Assert.Contains(expected, info, StringComparison.Ordinal);
        }
    }

    internal static byte[] Firmware(int length, int leadingZeros)
    {
        var random = new Random(length);
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        Array.Clear(bytes, 0, Math.Min(leadingZeros, length));
        if (leadingZeros == 0 && length > 0)
        {
            bytes[0] = 0x5a; // never starts like an image header
        }

        return bytes;
    }
}
