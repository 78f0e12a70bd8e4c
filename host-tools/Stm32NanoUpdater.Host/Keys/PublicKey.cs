using System.Security.Cryptography;
using Org.BouncyCastle.Math.EC.Rfc8032;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Host.Keys;

/// <summary>
/// A public key as imgtool sees it: its SubjectPublicKeyInfo DER (what the key hash TLV hashes and what firmware
/// embeds), plus host-side verification of messages with .NET (ECDSA) and BouncyCastle (Ed25519).
/// </summary>
public sealed class PublicKey
{
    private readonly byte[] _spki;

    public PublicKey(byte[] subjectPublicKeyInfo)
    {
        try
        {
            TrustedKey = TrustedKey.FromSubjectPublicKeyInfo(subjectPublicKeyInfo);
        }
        catch (ArgumentException e)
        {
            throw new InputException(e.Message + " (nanoupdate handles ecdsa-p256 and ed25519 keys)");
        }

        _spki = (byte[])subjectPublicKeyInfo.Clone();
    }

    public SignatureAlgorithm Algorithm => TrustedKey.Algorithm;

    /// <summary>imgtool's key type name: ecdsa-p256 or ed25519.</summary>
    public string TypeName => Algorithm == SignatureAlgorithm.EcdsaP256 ? KeyType.EcdsaP256 : KeyType.Ed25519;

    /// <summary>imgtool's shortname, used in emitted C names (ecdsa_pub_key, ed25519_pub_key).</summary>
    public string ShortName => Algorithm == SignatureAlgorithm.EcdsaP256 ? "ecdsa" : "ed25519";

    /// <summary>The signature TLV type this key produces.</summary>
    public int SignatureTlv => Algorithm == SignatureAlgorithm.EcdsaP256 ? TlvType.EcdsaSignature : TlvType.Ed25519;

    public TrustedKey TrustedKey { get; }

    /// <summary>The file the key was read from, when it was read from one.</summary>
    public string? Source { get; init; }

    public byte[] SubjectPublicKeyInfo => (byte[])_spki.Clone();

    /// <summary>SHA-256 of the SubjectPublicKeyInfo DER: the key hash TLV value.</summary>
    public byte[] KeyHash => Crypto.KeyHash.Compute(_spki);

    public string ToPem() => PemEncoding.WriteString("PUBLIC KEY", _spki) + "\n";

    /// <summary>
    /// Verifies a signature over a message: ECDSA P-256 with SHA-256 and a strict DER signature (<see cref="Crypto.EcdsaDer"/>),
    /// or Ed25519 (the message itself). False for anything invalid, including malformed signatures and keys. This is
    /// the host's verifier, independent of the device library's parsers.
    /// </summary>
    public bool VerifyMessage(byte[] message, byte[] signature)
    {
        if (Algorithm == SignatureAlgorithm.Ed25519)
        {
            return signature.Length == Ed25519.SignatureSize &&
                Ed25519.Verify(signature, 0, TrustedKey.PublicKey, 0, message, 0, message.Length);
        }

        byte[] rs = new byte[64];
        if (!Crypto.EcdsaDer.TryToRaw(signature, rs))
        {
            return false;
        }

        try
        {
            using ECDsa ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(_spki, out _);
            return ecdsa.VerifyData(message, rs, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
