#include "ed25519_test_signer.h"

#include <string.h>

#include "nu_mbedtls_compat.h"

#include "ed25519_point.h"
#include "ed25519_scalar.h"

static const uint8_t order_le[32] = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                                     0xa2, 0xde, 0xf9, 0xde, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                                     0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10};
static const uint8_t zero_scalar[32];

/* SHA-512 of up to three parts. */
static int sha512_parts(uint8_t out[64], const uint8_t *a, size_t a_length, const uint8_t *b, size_t b_length,
                        const uint8_t *c, size_t c_length)
{
    mbedtls_sha512_context context;
    int failed;
    mbedtls_sha512_init(&context);
    failed = nu_mbedtls_sha512_starts(&context) != 0 ||
             (a_length != 0 && nu_mbedtls_sha512_update(&context, a, a_length) != 0) ||
             (b_length != 0 && nu_mbedtls_sha512_update(&context, b, b_length) != 0) ||
             (c_length != 0 && nu_mbedtls_sha512_update(&context, c, c_length) != 0) ||
             nu_mbedtls_sha512_finish(&context, out) != 0;
    mbedtls_sha512_free(&context);
    return failed ? -1 : 0;
}

static void scalar_times_base(uint8_t out[32], const uint8_t scalar[32])
{
    ge_point base;
    ge_point identity;
    ge_point result;
    ge_base(&base);
    ge_identity(&identity);
    ge_double_scalar_mul(&result, scalar, &base, zero_scalar, &identity);
    ge_encode(out, &result);
}

static void expand_seed(const uint8_t hash[64], uint8_t secret_scalar[32])
{
    memcpy(secret_scalar, hash, 32);
    secret_scalar[0] &= 248;
    secret_scalar[31] &= 127;
    secret_scalar[31] |= 64;
}

int ed25519_test_public_key(uint8_t public_key[32], const uint8_t seed[32])
{
    uint8_t hash[64];
    uint8_t secret_scalar[32];
    if (sha512_parts(hash, seed, 32, NULL, 0, NULL, 0) != 0) {
        return -1;
    }
    expand_seed(hash, secret_scalar);
    scalar_times_base(public_key, secret_scalar);
    return 0;
}

int ed25519_test_sign(uint8_t signature[64], const uint8_t seed[32], const uint8_t *message, size_t length)
{
    uint8_t hash[64];
    uint8_t secret_scalar[32];
    uint8_t public_key[32];
    uint8_t nonce_hash[64];
    uint8_t nonce[32];
    uint8_t challenge_hash[64];
    uint8_t challenge[32];
    mbedtls_mpi r;
    mbedtls_mpi k;
    mbedtls_mpi a;
    mbedtls_mpi order;
    int failed;

    if (sha512_parts(hash, seed, 32, NULL, 0, NULL, 0) != 0) {
        return -1;
    }
    expand_seed(hash, secret_scalar);
    scalar_times_base(public_key, secret_scalar);
    if (sha512_parts(nonce_hash, hash + 32, 32, message, length, NULL, 0) != 0) {
        return -1;
    }
    sc_reduce64(nonce, nonce_hash);
    scalar_times_base(signature, nonce);
    if (sha512_parts(challenge_hash, signature, 32, public_key, 32, message, length) != 0) {
        return -1;
    }
    sc_reduce64(challenge, challenge_hash);

    mbedtls_mpi_init(&r);
    mbedtls_mpi_init(&k);
    mbedtls_mpi_init(&a);
    mbedtls_mpi_init(&order);
    failed = mbedtls_mpi_read_binary_le(&r, nonce, 32) != 0 || mbedtls_mpi_read_binary_le(&k, challenge, 32) != 0 ||
             mbedtls_mpi_read_binary_le(&a, secret_scalar, 32) != 0 ||
             mbedtls_mpi_read_binary_le(&order, order_le, 32) != 0 || mbedtls_mpi_mul_mpi(&k, &k, &a) != 0 ||
             mbedtls_mpi_add_mpi(&k, &k, &r) != 0 || mbedtls_mpi_mod_mpi(&k, &k, &order) != 0 ||
             mbedtls_mpi_write_binary_le(&k, signature + 32, 32) != 0;
    mbedtls_mpi_free(&order);
    mbedtls_mpi_free(&a);
    mbedtls_mpi_free(&k);
    mbedtls_mpi_free(&r);
    return failed ? -1 : 0;
}
