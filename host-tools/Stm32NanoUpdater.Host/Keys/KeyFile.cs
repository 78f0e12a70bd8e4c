using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Stm32NanoUpdater.Host.Keys;

/// <summary>
/// Reads and writes key files: PKCS#8 "PRIVATE KEY" (what imgtool keygen writes and reads), SEC1 "EC PRIVATE KEY"
/// (imgtool getpriv --format openssl) and SubjectPublicKeyInfo "PUBLIC KEY" PEM. Every problem is an
/// <see cref="InputException"/> naming the file.
/// </summary>
public static class KeyFile
{
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";
    private const string Ed25519Oid = "1.3.101.112";
    private const string RsaOid = "1.2.840.113549.1.1.1";

    /// <summary>Loads a private key; a public key file gives a clear error.</summary>
    public static SigningKey LoadPrivate(string path)
    {
        (string label, byte[] der) = ReadPem(path);
        switch (label)
        {
            case "PRIVATE KEY":
                return FromPkcs8(der, path);
            case "EC PRIVATE KEY":
                ECDsa ecdsa = ECDsa.Create();
                Import(path, () => ecdsa.ImportECPrivateKey(der, out _), ecdsa);
                return EcdsaP256SigningKey.FromEcdsa(ecdsa, path);
            case "PUBLIC KEY":
                throw new InputException($"{path} holds a public key, but signing needs the private key (the file keygen wrote)");
            default:
                throw Unsupported(path, label);
        }
    }

    /// <summary>Loads the public key of a private or public key file.</summary>
    public static PublicKey LoadPublic(string path)
    {
        (string label, byte[] der) = ReadPem(path);
        if (label == "PUBLIC KEY")
        {
            return FromSubjectPublicKeyInfo(der, path);
        }

        using SigningKey key = label switch
        {
            "PRIVATE KEY" => FromPkcs8(der, path),
            "EC PRIVATE KEY" => LoadPrivate(path),
            _ => throw Unsupported(path, label),
        };
        return new PublicKey(key.PublicKey.SubjectPublicKeyInfo) { Source = path };
    }

    public static SigningKey Generate(string type) => type switch
    {
        KeyType.EcdsaP256 => EcdsaP256SigningKey.Generate(),
        KeyType.Ed25519 => Ed25519SigningKey.Generate(),
        _ => throw new InputException($"unknown key type '{type}': use {string.Join(" or ", KeyType.All)}"),
    };

    /// <summary>Writes the private key as PKCS#8 PEM, owner-readable only; refuses to replace a file unless force.</summary>
    public static void WritePrivate(SigningKey key, string path, bool force)
    {
        if (!force && File.Exists(path))
        {
            throw new InputException($"{path} already exists: refusing to overwrite a key (use --force to replace it)");
        }

        try
        {
            var options = new FileStreamOptions { Mode = force ? FileMode.Create : FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.Write(key.ToPkcs8Pem());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot write {path}: {e.Message}");
        }
    }

    private static SigningKey FromPkcs8(byte[] der, string path)
    {
        string algorithm = ReadPkcs8Algorithm(der, path);
        switch (algorithm)
        {
            case EcPublicKeyOid:
                ECDsa ecdsa = ECDsa.Create();
                Import(path, () => ecdsa.ImportPkcs8PrivateKey(der, out _), ecdsa);
                return EcdsaP256SigningKey.FromEcdsa(ecdsa, path);
            case Ed25519Oid:
                return Ed25519SigningKey.FromPkcs8(der, path);
            case RsaOid:
                throw new InputException($"{path}: RSA key, but nanoupdate signs with {string.Join(" or ", KeyType.All)}");
            default:
                throw new InputException($"{path}: unsupported key algorithm {algorithm} (use {string.Join(" or ", KeyType.All)})");
        }
    }

    private static PublicKey FromSubjectPublicKeyInfo(byte[] der, string path)
    {
        try
        {
            return new PublicKey(der) { Source = path };
        }
        catch (InputException e)
        {
            throw new InputException($"{path}: {e.Message}");
        }
    }

    // PrivateKeyInfo ::= SEQUENCE { version INTEGER, privateKeyAlgorithm AlgorithmIdentifier, privateKey OCTET STRING, ... }
    private static string ReadPkcs8Algorithm(byte[] der, string path)
    {
        try
        {
            var info = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            info.ReadInteger();
            return info.ReadSequence().ReadObjectIdentifier();
        }
        catch (AsnContentException)
        {
            throw new InputException($"{path}: the PRIVATE KEY block is not valid PKCS#8 DER");
        }
    }

    private static void Import(string path, Action import, IDisposable key)
    {
        try
        {
            import();
        }
        catch (CryptographicException e)
        {
            key.Dispose();
            throw new InputException($"{path}: malformed EC private key ({e.Message})");
        }
    }

    private static (string Label, byte[] Der) ReadPem(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InputException($"cannot read key file {path}: {Reason(e)}");
        }

        if (!PemEncoding.TryFind(text, out PemFields fields))
        {
            throw new InputException($"{path} is not a PEM key file (no -----BEGIN ...----- block)");
        }

        string label = text[fields.Label];
        if (label == "ENCRYPTED PRIVATE KEY")
        {
            throw new InputException($"{path} is password-protected; nanoupdate reads unencrypted PKCS#8 keys only");
        }

        byte[] der = new byte[fields.DecodedDataLength];
        if (!Convert.TryFromBase64Chars(text.AsSpan()[fields.Base64Data], der, out int written) || written != der.Length)
        {
            throw new InputException($"{path}: the PEM block is not valid base64");
        }

        return (label, der);
    }

    private static InputException Unsupported(string path, string label) =>
        new($"{path}: '{label}' is not a key nanoupdate can use (expected PRIVATE KEY, EC PRIVATE KEY or PUBLIC KEY)");

    internal static string Reason(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException => "permission denied",
        _ => e.Message,
    };
}
