/*
 * ECDSA P-256: fresh key pairs and signatures made by mbedTLS (deterministic test RNG) verify; any single-bit
 * change to digest, r||s or key is refused; keys off the curve are reported as bad keys; r or s of 0 or n refused.
 */
#include <stdio.h>
#include <string.h>

#include "nu_crypto.h"
#include "nu_mbedtls_compat.h"
#include "support/test_check.h"

static uint64_t rng_state = 0x243f6a8885a308d3u;

static int test_random(void *context, unsigned char *out, size_t length)
{
    size_t i;
    (void)context;
    for (i = 0; i < length; i++) {
        rng_state ^= rng_state << 13;
        rng_state ^= rng_state >> 7;
        rng_state ^= rng_state << 17;
        out[i] = (unsigned char)(rng_state >> 32);
    }
    return 0;
}

/* n, the P-256 group order, big-endian. */
static const uint8_t order_be[32] = {0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff,
                                     0xff, 0xff, 0xff, 0xff, 0xff, 0xbc, 0xe6, 0xfa, 0xad, 0xa7, 0x17,
                                     0x9e, 0x84, 0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x51};

static int make_signature(uint8_t key_xy[64], uint8_t digest[32], uint8_t rs[64], int seed)
{
    mbedtls_ecdsa_context keypair;
    mbedtls_mpi r;
    mbedtls_mpi s;
    uint8_t uncompressed[65];
    size_t written = 0;
    int i;
    int failed;

    for (i = 0; i < 32; i++) {
        digest[i] = (uint8_t)(seed * 13 + i);
    }
    mbedtls_ecdsa_init(&keypair);
    mbedtls_mpi_init(&r);
    mbedtls_mpi_init(&s);
    failed = mbedtls_ecdsa_genkey(&keypair, MBEDTLS_ECP_DP_SECP256R1, test_random, NULL) != 0 ||
             mbedtls_ecp_point_write_binary(&keypair.MBEDTLS_PRIVATE(grp), &keypair.MBEDTLS_PRIVATE(Q),
                                            MBEDTLS_ECP_PF_UNCOMPRESSED, &written, uncompressed,
                                            sizeof uncompressed) != 0 ||
             written != 65 ||
             mbedtls_ecdsa_sign(&keypair.MBEDTLS_PRIVATE(grp), &r, &s, &keypair.MBEDTLS_PRIVATE(d), digest, 32,
                                test_random, NULL) != 0 ||
             mbedtls_mpi_write_binary(&r, rs, 32) != 0 || mbedtls_mpi_write_binary(&s, rs + 32, 32) != 0;
    memcpy(key_xy, uncompressed + 1, 64);
    mbedtls_mpi_free(&s);
    mbedtls_mpi_free(&r);
    mbedtls_ecdsa_free(&keypair);
    return failed ? -1 : 0;
}

static void fresh_signatures(void)
{
    uint8_t key[64];
    uint8_t digest[32];
    uint8_t rs[64];
    int cases = 20;
    int wrong = 0;
    int bit;
    int i;

    for (i = 0; i < cases; i++) {
        CHECK(make_signature(key, digest, rs, i) == 0, "mbedTLS made signature %d", i);
        wrong += nu_crypto_ecdsa_p256_verify(key, digest, rs) != NU_CRYPTO_VALID;
        for (bit = 0; bit < 64 * 8; bit += 7) {
            rs[bit / 8] ^= (uint8_t)(1u << (bit % 8));
            wrong += nu_crypto_ecdsa_p256_verify(key, digest, rs) == NU_CRYPTO_VALID;
            rs[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        }
        for (bit = 0; bit < 32 * 8; bit += 5) {
            digest[bit / 8] ^= (uint8_t)(1u << (bit % 8));
            wrong += nu_crypto_ecdsa_p256_verify(key, digest, rs) == NU_CRYPTO_VALID;
            digest[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        }
        for (bit = 0; bit < 64 * 8; bit += 11) {
            key[bit / 8] ^= (uint8_t)(1u << (bit % 8));
            wrong += nu_crypto_ecdsa_p256_verify(key, digest, rs) == NU_CRYPTO_VALID;
            key[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        }
    }
    CHECK(wrong == 0, "%d wrong outcomes", wrong);
    printf("ecdsa p256: %d fresh mbedTLS signatures verified, with bit flips in r||s, digest and key refused\n",
           cases);
}

static void edge_values(void)
{
    uint8_t key[64];
    uint8_t digest[32];
    uint8_t rs[64];
    uint8_t edited[64];

    CHECK(make_signature(key, digest, rs, 99) == 0, "signature for edge tests");

    memcpy(edited, rs, 64);
    memset(edited, 0, 32);
    CHECK(nu_crypto_ecdsa_p256_verify(key, digest, edited) == NU_CRYPTO_INVALID, "r = 0 refused");
    memcpy(edited, rs, 64);
    memset(edited + 32, 0, 32);
    CHECK(nu_crypto_ecdsa_p256_verify(key, digest, edited) == NU_CRYPTO_INVALID, "s = 0 refused");
    memcpy(edited, rs, 64);
    memcpy(edited, order_be, 32);
    CHECK(nu_crypto_ecdsa_p256_verify(key, digest, edited) == NU_CRYPTO_INVALID, "r = n refused");
    memcpy(edited, rs, 64);
    memcpy(edited + 32, order_be, 32);
    CHECK(nu_crypto_ecdsa_p256_verify(key, digest, edited) == NU_CRYPTO_INVALID, "s = n refused");

    key[63] ^= 0x01; /* y changed: no longer on the curve */
    CHECK(nu_crypto_ecdsa_p256_verify(key, digest, rs) == NU_CRYPTO_BAD_KEY, "off-curve key is a bad key");
    memset(key, 0, 64);
    CHECK(nu_crypto_ecdsa_p256_verify(key, digest, rs) == NU_CRYPTO_BAD_KEY, "zero key is a bad key");

    CHECK(nu_crypto_ecdsa_p256_verify(NULL, digest, rs) == NU_CRYPTO_BAD_ARGUMENT, "NULL key");
    CHECK(nu_crypto_ecdsa_p256_verify(key, NULL, rs) == NU_CRYPTO_BAD_ARGUMENT, "NULL digest");
    CHECK(nu_crypto_ecdsa_p256_verify(key, digest, NULL) == NU_CRYPTO_BAD_ARGUMENT, "NULL signature");
}

int main(void)
{
    fresh_signatures();
    edge_values();
    return test_summary("ecdsa p256");
}
