using System.Formats.Asn1;
using System.Numerics;

namespace Stm32NanoUpdater.Host.Crypto;

/// <summary>
/// The host's own strict reading of an ECDSA P-256 DER signature into r||s (System.Formats.Asn1 in DER mode, plus the
/// checks DER alone does not make: r and s positive and below the group order). .NET's own DER signature import is
/// lenient (it accepts a negative s, Wycheproof case 6), so the host verifier does not rely on it.
/// </summary>
public static class EcdsaDer
{
    private static readonly BigInteger Order = BigInteger.Parse(
        "0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber);

    public static bool TryToRaw(byte[] der, byte[] rs)
    {
        try
        {
            var reader = new AsnReader(der, AsnEncodingRules.DER);
            AsnReader sequence = reader.ReadSequence();
            bool ok = TryReadScalar(sequence, rs.AsSpan(0, 32)) && TryReadScalar(sequence, rs.AsSpan(32, 32));
            return ok && !sequence.HasData && !reader.HasData;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    private static bool TryReadScalar(AsnReader reader, Span<byte> destination)
    {
        ReadOnlyMemory<byte> bytes = reader.ReadIntegerBytes();
        var value = new BigInteger(bytes.Span, isUnsigned: false, isBigEndian: true);
        if (value.Sign <= 0 || value >= Order)
        {
            return false;
        }

        destination.Clear();
        return value.TryWriteBytes(destination[(32 - value.GetByteCount(isUnsigned: true))..], out _, isUnsigned: true, isBigEndian: true);
    }
}
