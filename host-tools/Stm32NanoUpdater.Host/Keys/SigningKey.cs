using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Host.Keys;

/// <summary>A private key that signs image digests the way imgtool does, and knows its public half.</summary>
public abstract class SigningKey : IDisposable
{
    public abstract PublicKey PublicKey { get; }

    /// <summary>The signature TLV data for an image digest: DER ECDSA-with-SHA256 or a 64-byte Ed25519 signature.</summary>
    public abstract byte[] SignDigest(byte[] digest);

    /// <summary>The private key as an unencrypted PKCS#8 PEM, as imgtool keygen writes it.</summary>
    public abstract string ToPkcs8Pem();

    public int SignatureTlv => PublicKey.SignatureTlv;

    public SignatureAlgorithm Algorithm => PublicKey.Algorithm;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
