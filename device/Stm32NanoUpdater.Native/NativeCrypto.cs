using System.Runtime.CompilerServices;

namespace Stm32NanoUpdater.Native
{
    /// <summary>
    /// The native methods of this interop assembly. Each one is implemented in C++ in the firmware
    /// (nf-targets/InteropAssemblies/Stm32NanoUpdater.Native), which calls the C helpers of nf-targets/crypto
    /// (mbedTLS SHA-256 and ECDSA P-256, our own Ed25519 over mbedTLS SHA-512).
    /// Every method returns a status instead of throwing: the native side checks every array length, offset and
    /// count itself, so a wrong argument gives <see cref="BadArgument"/>, never a memory access outside an array.
    /// Changing any signature here changes the assembly's native checksum: regenerate the stubs (see the README in
    /// the native folder) and raise AssemblyNativeVersion.
    /// </summary>
    internal static class NativeCrypto
    {
        public const int Valid = 1;
        public const int Invalid = 0;
        public const int BadKey = -1;
        public const int BadArgument = -2;
        public const int BackendError = -3;

        /// <summary>Size of the opaque streaming SHA-256 state (NU_CRYPTO_SHA256_STATE_SIZE).</summary>
        public const int Sha256StateSize = 112;

        /// <summary>Writes a fresh SHA-256 state into state[0..112). Returns 0 or a negative status.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Sha256Init(byte[] state);

        /// <summary>Hashes data[offset..offset+count) into the state. Returns 0 or a negative status.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Sha256Update(byte[] state, byte[] data, int offset, int count);

        /// <summary>Writes the 32-byte digest at output[offset] and re-initialises the state.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Sha256Final(byte[] state, byte[] output, int offset);

        /// <summary>ECDSA P-256: key X||Y (64 bytes), digest (32), signature r||s (64). Returns a status.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int VerifyEcdsaP256(byte[] publicKeyXY, byte[] digest, byte[] signatureRS);

        /// <summary>Ed25519: key (32 bytes), message[offset..offset+count), signature (64). Returns a status.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int VerifyEd25519(byte[] publicKey, byte[] message, int offset, int count, byte[] signature);
    }
}
