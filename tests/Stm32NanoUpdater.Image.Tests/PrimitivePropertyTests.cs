using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using FsCheck.Xunit;

namespace Stm32NanoUpdater.Image.Tests;

/// <summary>The device SHA-256 and DER parser against .NET on random input.</summary>
public class PrimitivePropertyTests
{
    private static readonly BigInteger Order = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber);

    [Property(MaxTest = 500)]
    public bool Sha256MatchesDotNetForAnyDataAndSplit(byte[] data, int split)
    {
        data ??= [];
        int first = data.Length == 0 ? 0 : Math.Abs(split % (data.Length + 1));
        var sha = new Sha256();
        sha.Update(data, 0, first);
        sha.Update(data, first, data.Length - first);
        byte[] digest = new byte[32];
        sha.Finish(digest, 0);
        return digest.AsSpan().SequenceEqual(SHA256.HashData(data));
    }

    [Property(MaxTest = 1000)]
    public bool DerSignaturesRoundTrip(int seed)
    {
        var random = new Random(seed);
        BigInteger r = RandomScalar(random);
        BigInteger s = RandomScalar(random);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(r);
            writer.WriteInteger(s);
        }

        byte[] der = writer.Encode();
        byte[] rs = new byte[64];
        return EcdsaSignature.TryParseDer(der, 0, der.Length, rs) &&
            new BigInteger(rs.AsSpan(0, 32), isUnsigned: true, isBigEndian: true) == r &&
            new BigInteger(rs.AsSpan(32, 32), isUnsigned: true, isBigEndian: true) == s;
    }

    [Property(MaxTest = 2000)]
    public bool RandomBytesNeverThrowFromTheDerParser(byte[] data)
    {
        data ??= [];
        byte[] rs = new byte[64];
        bool parsed = EcdsaSignature.TryParseDer(data, 0, data.Length, rs);
        return !parsed || (data.Length >= 8 && data[0] == 0x30);
    }

    private static BigInteger RandomScalar(Random random)
    {
        // Mix tiny, typical and near-n values, where encodings change length.
        byte[] bytes = new byte[32];
        random.NextBytes(bytes);
        BigInteger value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        return random.Next(3) switch
        {
            0 => 1 + (value % 300),
            1 => Order - 1 - (value % 300),
            _ => 1 + (value % (Order - 1)),
        };
    }
}
