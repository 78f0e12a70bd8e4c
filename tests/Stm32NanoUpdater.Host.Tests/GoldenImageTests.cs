using System.Security.Cryptography;
using Stm32NanoUpdater.Host.Keys;
using Stm32NanoUpdater.Image;
using Stm32NanoUpdater.Tests.Support;
using Xunit;

namespace Stm32NanoUpdater.Host.Tests;

/// <summary>
/// Signed images pinned byte for byte, so any drift of the format is caught. The expected bytes were produced by an
/// independent Python re-implementation of imgtool's image.py create/save (python3-cryptography for the keys and
/// signatures, python3-intelhex for the HEX file) from the same RFC test keys and payload; nanoupdate matched it.
/// Ed25519 signatures are deterministic, so those images are pinned whole; ECDSA signatures are randomised, so only
/// the deterministic bytes are pinned and the signature is verified.
/// </summary>
public class GoldenImageTests
{
    // sign --version 1.2.3+4 --header-size 0x40 --pad-header --load-addr 0x08010000 --security-counter auto
    private const string Ed25519Image =
        "3db8f3960000010840000c003000000020000000010203000400000000000000" + // header
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" + // --pad-header padding
        "0726456483a2c1e0ff1e3d5c7b9ab9d8f71635547392b1d0ef0e2d4c6b8aa9c8e70625446382a1c0dffe1d3c5b7a99b8" + // payload
        "08690c00" + "50000400" + "03000201" + // protected area: SEC_CNT = auto = 0x01020003
        "07699000" + // unprotected area, 144 bytes
        "10002000" + "c433ceef177e6de239980fde42596f774f1bb2d357fd70687845f32c50280623" + // SHA256
        "01002000" + "06e3fd8fda29bb60ab59557de61edb0aecdb231134be30e75b455f8e1b792fa9" + // KEYHASH
        "24004000" + "1f6c95a4d9b08b5079ae43119d8442d2339f272fcdd29ba3ab39eb7756b3d0b3" + // ED25519
        "bcae0b21ed246462c4371f79155fc5e64fc26d49aff10d4cd89bca187975b702";

    // The same image as Intel HEX at --hex-addr 0x0800FFC0 (crosses a 64 KiB boundary: two 04 records).
    private const string Ed25519Hex = """
        :020000040800F2
        :10FFC0003DB8F3960000010840000C00300000002E
        :10FFD00020000000010203000400000000000000F7
        :10FFE000FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF21
        :10FFF000FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF11
        :020000040801F1
        :100000000726456483A2C1E0FF1E3D5C7B9AB9D8F8
        :10001000F71635547392B1D0EF0E2D4C6B8AA9C8E8
        :10002000E70625446382A1C0DFFE1D3C5B7A99B8D8
        :1000300008690C00500004000300020107699000E9
        :1000400010002000C433CEEF177E6DE239980FDE2A
        :1000500042596F774F1BB2D357FD70687845F32C28
        :10006000502806230100200006E3FD8FDA29BB603B
        :10007000AB59557DE61EDB0AECDB231134BE30E7BD
        :100080005B455F8E1B792FA9240040001F6C95A44F
        :10009000D9B08B5079AE43119D8442D2339F272F24
        :1000A000CDD29BA3AB39EB7756B3D0B3BCAE0B210B
        :1000B000ED246462C4371F79155FC5E64FC26D49F0
        :0C00C000AFF10D4CD89BCA187975B7023F
        :00000001FF

        """;

    // SHA-256 of the whole 0x2000-byte file of: sign ... --load-addr 0x08010000 --slot-size 0x2000 --confirm
    private const string Ed25519PaddedConfirmedSha256 = "b8d29921843f2f1b8f9819b4834e3114ca511cc8028132c09228d2b46b97bb70";

    // Everything of the ECDSA image before the unprotected area's length, and its SHA256 and KEYHASH TLVs.
    private const string EcdsaHashedPart =
        "3db8f3960000010840000c003000000020000000010203000400000000000000" +
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" +
        "0726456483a2c1e0ff1e3d5c7b9ab9d8f71635547392b1d0ef0e2d4c6b8aa9c8e70625446382a1c0dffe1d3c5b7a99b8" +
        "08690c0050000400030002010769";

    private const string EcdsaHashAndKeyHashTlvs =
        "10002000c433ceef177e6de239980fde42596f774f1bb2d357fd70687845f32c50280623" +
        "010020005a7a78cca4a0f420d9bc62bb669c3c2759e39f723d3ae10dcbe0f0815a07ecd4";

    private static readonly byte[] Payload = Enumerable.Range(0, 48).Select(i => (byte)(i * 31 + 7)).ToArray();

    private static readonly string[] Options =
        ["--version", "1.2.3+4", "--header-size", "0x40", "--pad-header", "--load-addr", "0x08010000"];

    [Fact]
    public void Ed25519ImageIsPinned()
    {
        using var directory = new TempDirectory();
        Assert.Equal(Ed25519Image, Convert.ToHexStringLower(Sign(directory, TestKeys.Ed25519(), "out.bin", "--security-counter", "auto")));
    }

    [Fact]
    public void Ed25519IntelHexIsPinned()
    {
        using var directory = new TempDirectory();
        byte[] hex = Sign(directory, TestKeys.Ed25519(), "out.hex", "--security-counter", "auto", "--hex-addr", "0x0800FFC0");
        Assert.Equal(Ed25519Hex.ReplaceLineEndings("\n"), System.Text.Encoding.ASCII.GetString(hex));
    }

    [Fact]
    public void Ed25519PaddedConfirmedImageIsPinned()
    {
        using var directory = new TempDirectory();
        byte[] file = Sign(directory, TestKeys.Ed25519(), "out.bin", "--slot-size", "0x2000", "--confirm");
        Assert.Equal(0x2000, file.Length);
        Assert.Equal(Ed25519PaddedConfirmedSha256, Convert.ToHexStringLower(SHA256.HashData(file)));
    }

    [Fact]
    public void EcdsaImageIsPinnedExceptItsRandomisedSignature()
    {
        using var directory = new TempDirectory();
        using EcdsaP256SigningKey key = TestKeys.EcdsaP256();
        byte[] image = Sign(directory, key, "out.bin", "--security-counter", "auto");
        string hex = Convert.ToHexStringLower(image);
        int hashed = EcdsaHashedPart.Length / 2 - 2; // up to the unprotected magic
        Assert.StartsWith(EcdsaHashedPart, hex, StringComparison.Ordinal);
        Assert.Equal(EcdsaHashAndKeyHashTlvs, hex.Substring((hashed + 4) * 2, EcdsaHashAndKeyHashTlvs.Length));

        int signatureTlv = hashed + 4 + 72;
        Assert.Equal(TlvType.EcdsaSignature, LittleEndian.ReadUInt16(image, signatureTlv));
        int signatureLength = LittleEndian.ReadUInt16(image, signatureTlv + 2);
        // DER of r and s: 72 bytes at most; shorter when r or s has leading zero bytes (69 or less about once in 128)
        Assert.InRange(signatureLength, 8, 72);
        Assert.True(EcdsaSignature.TryParseDer(image, signatureTlv + 4, signatureLength, new byte[EcdsaSignature.RawSize]));
        Assert.Equal(4 + 72 + 4 + signatureLength, LittleEndian.ReadUInt16(image, hashed + 2));
        Assert.Equal(signatureTlv + 4 + signatureLength, image.Length);
        Assert.True(key.PublicKey.VerifyMessage(image[..hashed], image[(signatureTlv + 4)..]));
    }

    private static byte[] Sign(TempDirectory directory, SigningKey key, string output, params string[] extra)
    {
        string keyPath = TestKeys.WritePem(directory, key, "key.pem");
        string input = directory.Write("payload.bin", Payload);
        NanoUpdate.Ok(["sign", "-k", keyPath, .. Options, .. extra, input, directory.File(output)]);
        return File.ReadAllBytes(directory.File(output));
    }
}
