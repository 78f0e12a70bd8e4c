/*
 * Ed25519 verification, RFC 8032 section 5.1.7, strict variant:
 *  - the public key A must be a canonical encoding of a curve point;
 *  - S must be < L;
 *  - k = SHA-512(R || A || M) mod L, and the signature holds when the canonical encoding of [S]B - [k]A equals the
 *    32 bytes R of the signature. Comparing encodings also rejects any non-canonical R, which is what the Wycheproof
 *    "InvalidEncoding" vectors expect.
 * The cofactorless equation is used (as libsodium and Go's crypto/ed25519 do); for signatures made by an honest
 * signer both equations agree.
 */
#include "nu_crypto.h"
#include "nu_mbedtls_compat.h"

#include <string.h>

#include "ed25519_point.h"
#include "ed25519_scalar.h"

static int challenge_scalar(uint8_t k[32], const uint8_t r[32], const uint8_t a[32], const uint8_t *message,
                            size_t message_length)
{
    mbedtls_sha512_context context;
    uint8_t hash[64];
    int failed;

    mbedtls_sha512_init(&context);
    failed = nu_mbedtls_sha512_starts(&context) != 0 || nu_mbedtls_sha512_update(&context, r, 32u) != 0 ||
             nu_mbedtls_sha512_update(&context, a, 32u) != 0 ||
             (message_length != 0u && nu_mbedtls_sha512_update(&context, message, message_length) != 0) ||
             nu_mbedtls_sha512_finish(&context, hash) != 0;
    mbedtls_sha512_free(&context);
    if (failed) {
        return NU_CRYPTO_BACKEND_ERROR;
    }
    sc_reduce64(k, hash);
    return 0;
}

int nu_crypto_ed25519_verify(const uint8_t public_key[32], const uint8_t *message, size_t message_length,
                             const uint8_t signature[64])
{
    ge_point minus_a;
    ge_point base;
    ge_point check;
    uint8_t k[32];
    uint8_t check_encoded[32];
    int result;

    if (public_key == NULL || signature == NULL || (message == NULL && message_length != 0u)) {
        return NU_CRYPTO_BAD_ARGUMENT;
    }
    if (!ge_decode(&minus_a, public_key)) {
        return NU_CRYPTO_BAD_KEY;
    }
    if (!sc_is_canonical(signature + 32)) {
        return NU_CRYPTO_INVALID;
    }
    result = challenge_scalar(k, signature, public_key, message, message_length);
    if (result != 0) {
        return result;
    }

    ge_base(&base);
    ge_negate(&minus_a, &minus_a);
    ge_double_scalar_mul(&check, signature + 32, &base, k, &minus_a);
    ge_encode(check_encoded, &check);
    return memcmp(check_encoded, signature, 32u) == 0 ? NU_CRYPTO_VALID : NU_CRYPTO_INVALID;
}
