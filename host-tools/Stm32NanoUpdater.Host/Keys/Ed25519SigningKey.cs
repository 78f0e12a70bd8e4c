using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc8032;
using Org.BouncyCastle.Security;

namespace Stm32NanoUpdater.Host.Keys;

/// <summary>Ed25519 from BouncyCastle. Like imgtool, it signs the 32-byte image digest (TLV 0x24).</summary>
public sealed class Ed25519SigningKey : SigningKey
{
    // RFC 8410 PKCS#8 prefix for an Ed25519 private key: SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 },
    // OCTET STRING { OCTET STRING (32) } }, exactly what Python cryptography (hence imgtool keygen) writes.
    private static readonly byte[] Pkcs8Prefix =
        [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];

    // RFC 8410 SubjectPublicKeyInfo prefix: SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (33) }.
    private static readonly byte[] SpkiPrefix = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

    private readonly Ed25519PrivateKeyParameters _key;

    private Ed25519SigningKey(Ed25519PrivateKeyParameters key)
    {
        _key = key;
        PublicKey = new PublicKey([.. SpkiPrefix, .. key.GeneratePublicKey().GetEncoded()]);
    }

    public override PublicKey PublicKey { get; }

    public static Ed25519SigningKey Generate() => new(new Ed25519PrivateKeyParameters(new SecureRandom()));

    /// <summary>From the 32-byte private key (the RFC 8032 seed).</summary>
    public static Ed25519SigningKey FromSeed(byte[] seed) => new(new Ed25519PrivateKeyParameters(seed));

    /// <summary>From a PKCS#8 DER whose algorithm is id-Ed25519.</summary>
    public static Ed25519SigningKey FromPkcs8(byte[] der, string source)
    {
        try
        {
            if (PrivateKeyFactory.CreateKey(der) is Ed25519PrivateKeyParameters key)
            {
                return new Ed25519SigningKey(key);
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or
            Org.BouncyCastle.Security.SecurityUtilityException)
        {
            throw new InputException($"{source}: malformed Ed25519 private key ({e.Message})");
        }

        throw new InputException($"{source}: malformed Ed25519 private key");
    }

    public override byte[] SignDigest(byte[] digest)
    {
        byte[] signature = new byte[Ed25519PrivateKeyParameters.SignatureSize];
        _key.Sign(Ed25519.Algorithm.Ed25519, null, digest, 0, digest.Length, signature, 0);
        return signature;
    }

    public override string ToPkcs8Pem()
    {
        byte[] der = [.. Pkcs8Prefix, .. _key.GetEncoded()];
        try
        {
            return PemEncoding.WriteString("PRIVATE KEY", der) + "\n";
        }
        finally
        {
            CryptographicOperations.ZeroMemory(der);
        }
    }
}
