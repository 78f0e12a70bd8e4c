using System.Security.Cryptography;

namespace Stm32NanoUpdater.Host.Keys;

/// <summary>ECDSA P-256 with SHA-256 from .NET; signatures DER-encoded as imgtool's (TLV 0x22).</summary>
public sealed class EcdsaP256SigningKey : SigningKey
{
    public const string CurveOid = "1.2.840.10045.3.1.7";

    private readonly ECDsa _ecdsa;

    private EcdsaP256SigningKey(ECDsa ecdsa)
    {
        _ecdsa = ecdsa;
        PublicKey = new PublicKey(ecdsa.ExportSubjectPublicKeyInfo());
    }

    public override PublicKey PublicKey { get; }

    public static EcdsaP256SigningKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Takes ownership of a P-256 key; throws <see cref="InputException"/> for other curves.</summary>
    public static EcdsaP256SigningKey FromEcdsa(ECDsa ecdsa, string source)
    {
        string? oid = ecdsa.ExportParameters(false).Curve.Oid?.Value;
        if (oid != CurveOid)
        {
            ecdsa.Dispose();
            throw new InputException($"{source}: EC key on curve {oid ?? "(explicit parameters)"}, but nanoupdate signs with P-256 only");
        }

        return new EcdsaP256SigningKey(ecdsa);
    }

    public override byte[] SignDigest(byte[] digest) =>
        _ecdsa.SignHash(digest, DSASignatureFormat.Rfc3279DerSequence);

    public override string ToPkcs8Pem() => _ecdsa.ExportPkcs8PrivateKeyPem() + "\n";

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ecdsa.Dispose();
        }

        base.Dispose(disposing);
    }
}
