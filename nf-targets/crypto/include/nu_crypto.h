/*
 * Stm32NanoUpdater native crypto helpers: the hash and signature checks the device C# cannot do itself.
 *
 * Called from the nanoFramework interop assembly Stm32NanoUpdater.Native (nanoCLR), from host tests, and later from
 * a .NET simulator through P/Invoke (shared library nu_crypto). SHA-256 and ECDSA P-256 run on mbedTLS (2.28 on the
 * host, the version nf-interpreter links on the device); Ed25519 verification is our own C over mbedTLS SHA-512,
 * because mbedTLS has no Ed25519.
 *
 * Every function is a pure computation over caller buffers: no heap of our own, no global state, re-entrant.
 */
#ifndef NU_CRYPTO_H
#define NU_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(NU_CRYPTO_SHARED) && defined(_WIN32)
#define NU_CRYPTO_API __declspec(dllexport)
#elif defined(NU_CRYPTO_SHARED)
#define NU_CRYPTO_API __attribute__((visibility("default")))
#else
#define NU_CRYPTO_API
#endif

/* Results of the verify functions. Only NU_CRYPTO_VALID means "the signature is good"; callers must not treat any
 * other value as success. */
#define NU_CRYPTO_VALID 1
#define NU_CRYPTO_INVALID 0          /* well-formed input, the signature does not verify */
#define NU_CRYPTO_BAD_KEY (-1)       /* the public key is not a valid point / not a canonical encoding */
#define NU_CRYPTO_BAD_ARGUMENT (-2)  /* NULL pointer or impossible length */
#define NU_CRYPTO_BACKEND_ERROR (-3) /* mbedTLS reported an internal error (e.g. out of memory) */

#define NU_CRYPTO_SHA256_SIZE 32u
#define NU_CRYPTO_P256_PUBLIC_KEY_SIZE 64u /* X || Y, big-endian, no 0x04 prefix */
#define NU_CRYPTO_P256_SIGNATURE_SIZE 64u  /* r || s, big-endian, 32 bytes each (DER is parsed by the caller) */
#define NU_CRYPTO_ED25519_PUBLIC_KEY_SIZE 32u
#define NU_CRYPTO_ED25519_SIGNATURE_SIZE 64u

/* ---- SHA-256 ---------------------------------------------------------------------------------------------------- */

/* One-shot SHA-256. Returns 0, or NU_CRYPTO_BAD_ARGUMENT / NU_CRYPTO_BACKEND_ERROR. */
NU_CRYPTO_API int nu_crypto_sha256(const uint8_t *data, size_t length, uint8_t digest[32]);

/*
 * Streaming SHA-256 whose whole state lives in a caller-owned byte buffer of NU_CRYPTO_SHA256_STATE_SIZE bytes, so a
 * managed caller (a C# byte[]) can keep it between interop calls without any native object to leak. The layout is
 * ours, not mbedTLS's (a version-tagged, little-endian, alignment-free serialisation), and is validated on every
 * call: a corrupted or foreign buffer is refused, never trusted.
 */
#define NU_CRYPTO_SHA256_STATE_SIZE 112u
NU_CRYPTO_API int nu_crypto_sha256_init(uint8_t state[NU_CRYPTO_SHA256_STATE_SIZE]);
NU_CRYPTO_API int nu_crypto_sha256_update(uint8_t state[NU_CRYPTO_SHA256_STATE_SIZE], const uint8_t *data,
                                          size_t length);
/* Writes the digest and re-initialises the state (ready for the next message). */
NU_CRYPTO_API int nu_crypto_sha256_final(uint8_t state[NU_CRYPTO_SHA256_STATE_SIZE], uint8_t digest[32]);

/* ---- Signatures --------------------------------------------------------------------------------------------------- */

/* ECDSA P-256 over a 32-byte digest (MCUboot TLV 0x22 after the caller has parsed its DER into r || s).
 * The key is checked to be a point on the curve; r and s must be in [1, n-1]. */
NU_CRYPTO_API int nu_crypto_ecdsa_p256_verify(const uint8_t public_key_xy[64], const uint8_t digest[32],
                                              const uint8_t signature_rs[64]);

/* Ed25519 (RFC 8032, pure Ed25519, no context), strict: canonical key and R encodings, S < L, cofactorless
 * equation [S]B = R + [k]A checked by re-encoding. For MCUboot TLV 0x24 the message is the 32-byte image digest. */
NU_CRYPTO_API int nu_crypto_ed25519_verify(const uint8_t public_key[32], const uint8_t *message, size_t message_length,
                                           const uint8_t signature[64]);

#ifdef __cplusplus
}
#endif

#endif /* NU_CRYPTO_H */
