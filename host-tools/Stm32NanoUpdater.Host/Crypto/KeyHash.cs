using System.Security.Cryptography;

namespace Stm32NanoUpdater.Host.Crypto;

/// <summary>The key hash TLV value: SHA-256 of a SubjectPublicKeyInfo DER (imgtool: sha256(key.get_public_bytes())).</summary>
public static class KeyHash
{
    public static byte[] Compute(byte[] subjectPublicKeyInfo) => SHA256.HashData(subjectPublicKeyInfo);
}
