using System.Runtime.InteropServices;

namespace Stm32NanoUpdater.Simulation.Native;

/// <summary>The exported functions of libnu_crypto (nf-targets/crypto/include/nu_crypto.h).</summary>
internal static unsafe partial class NuCryptoInterop
{
    private const string Library = "nu_crypto";

    public const int Valid = 1;
    public const int Sha256StateSize = 112;

    [LibraryImport(Library, EntryPoint = "nu_crypto_sha256_init")]
    public static partial int Sha256Init(byte* state);

    [LibraryImport(Library, EntryPoint = "nu_crypto_sha256_update")]
    public static partial int Sha256Update(byte* state, byte* data, nuint length);

    [LibraryImport(Library, EntryPoint = "nu_crypto_sha256_final")]
    public static partial int Sha256Final(byte* state, byte* digest);

    [LibraryImport(Library, EntryPoint = "nu_crypto_ecdsa_p256_verify")]
    public static partial int EcdsaP256Verify(byte* publicKeyXY, byte* digest, byte* signatureRS);

    [LibraryImport(Library, EntryPoint = "nu_crypto_ed25519_verify")]
    public static partial int Ed25519Verify(byte* publicKey, byte* message, nuint messageLength, byte* signature);
}
