/*
 * Property test of the GF(2^255 - 19) arithmetic against mbedTLS's bignum (an independent implementation): random
 * and edge-case operands, including non-canonical inputs in [p, 2^255), for add, sub, mul, invert, the square-root
 * exponent and the canonical encoding.
 */
#include <stdio.h>
#include <string.h>

#include <mbedtls/bignum.h>

#include "ed25519_field.h"
#include "support/test_check.h"

#define RANDOM_CASES 3000

static mbedtls_mpi prime;

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint64_t next_random(void)
{
    /* xorshift64*: deterministic, so a failure reproduces */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545f4914f6cdd1du;
}

static void random_bytes(uint8_t out[32])
{
    int i;
    for (i = 0; i < 32; i++) {
        out[i] = (uint8_t)(next_random() >> 56);
    }
    out[31] &= 0x7f;
}

/* Edge operands: 0, 1, 2, p-1, p, p+1, 2^255-1, 2^255-20, 19, 2^254. */
static void edge_bytes(uint8_t out[32], int which)
{
    memset(out, 0, 32);
    switch (which) {
    case 0: break;
    case 1: out[0] = 1; break;
    case 2: out[0] = 2; break;
    case 3: memset(out, 0xff, 32); out[0] = 0xec; out[31] = 0x7f; break; /* p - 1 */
    case 4: memset(out, 0xff, 32); out[0] = 0xed; out[31] = 0x7f; break; /* p */
    case 5: memset(out, 0xff, 32); out[0] = 0xee; out[31] = 0x7f; break; /* p + 1 */
    case 6: memset(out, 0xff, 32); out[31] = 0x7f; break;                 /* 2^255 - 1 */
    case 7: memset(out, 0xff, 32); out[0] = 0xeb; out[31] = 0x7f; break; /* p - 2 */
    case 8: out[0] = 19; break;
    default: out[31] = 0x40; break;                                        /* 2^254 */
    }
}

static void to_mpi(mbedtls_mpi *out, const uint8_t in[32])
{
    mbedtls_mpi_read_binary_le(out, in, 32);
    mbedtls_mpi_mod_mpi(out, out, &prime);
}

static int matches(const fe value, const mbedtls_mpi *expected, const char *operation)
{
    uint8_t got[32];
    uint8_t want[32];
    fe_encode(got, value);
    mbedtls_mpi_write_binary_le(expected, want, 32);
    if (memcmp(got, want, 32) != 0) {
        fprintf(stderr, "mismatch in %s\n", operation);
        return 0;
    }
    return 1;
}

static void check_pair(const uint8_t a_bytes[32], const uint8_t b_bytes[32], int *failures)
{
    fe a;
    fe b;
    fe result;
    mbedtls_mpi ma;
    mbedtls_mpi mb;
    mbedtls_mpi expected;
    mbedtls_mpi exponent;

    mbedtls_mpi_init(&ma);
    mbedtls_mpi_init(&mb);
    mbedtls_mpi_init(&expected);
    mbedtls_mpi_init(&exponent);
    fe_decode(a, a_bytes);
    fe_decode(b, b_bytes);
    to_mpi(&ma, a_bytes);
    to_mpi(&mb, b_bytes);

    fe_add(result, a, b);
    mbedtls_mpi_add_mpi(&expected, &ma, &mb);
    mbedtls_mpi_mod_mpi(&expected, &expected, &prime);
    *failures += !matches(result, &expected, "add");

    fe_sub(result, a, b);
    mbedtls_mpi_sub_mpi(&expected, &ma, &mb);
    mbedtls_mpi_mod_mpi(&expected, &expected, &prime);
    *failures += !matches(result, &expected, "sub");

    fe_mul(result, a, b);
    mbedtls_mpi_mul_mpi(&expected, &ma, &mb);
    mbedtls_mpi_mod_mpi(&expected, &expected, &prime);
    *failures += !matches(result, &expected, "mul");

    /* A loose operand (a sum of sums) into mul, as the point formulas do. */
    fe_add(result, a, b);
    fe_sub(result, result, b);
    fe_add(result, result, a);
    fe_mul(result, result, b);
    mbedtls_mpi_add_mpi(&expected, &ma, &ma);
    mbedtls_mpi_mul_mpi(&expected, &expected, &mb);
    mbedtls_mpi_mod_mpi(&expected, &expected, &prime);
    *failures += !matches(result, &expected, "mul of loose operand");

    fe_invert(result, a);
    if (mbedtls_mpi_cmp_int(&ma, 0) == 0) {
        mbedtls_mpi_lset(&expected, 0);
    } else {
        mbedtls_mpi_inv_mod(&expected, &ma, &prime);
    }
    *failures += !matches(result, &expected, "invert");

    /* a^((p-5)/8) */
    fe_pow_p58(result, a);
    mbedtls_mpi_sub_int(&exponent, &prime, 5);
    mbedtls_mpi_shift_r(&exponent, 3);
    mbedtls_mpi_exp_mod(&expected, &ma, &exponent, &prime, NULL);
    *failures += !matches(result, &expected, "pow (p-5)/8");

    mbedtls_mpi_free(&exponent);
    mbedtls_mpi_free(&expected);
    mbedtls_mpi_free(&mb);
    mbedtls_mpi_free(&ma);
}

static void canonical_encoding(void)
{
    uint8_t bytes[32];
    uint8_t encoded[32];
    fe value;
    int which;

    for (which = 0; which < 10; which++) {
        int canonical;
        edge_bytes(bytes, which);
        canonical = fe_is_canonical_bytes(bytes);
        CHECK(canonical == !(which == 4 || which == 5 || which == 6), "fe_is_canonical_bytes edge %d", which);
        fe_decode(value, bytes);
        fe_encode(encoded, value);
        if (canonical) {
            CHECK(memcmp(encoded, bytes, 32) == 0, "canonical value re-encodes unchanged (edge %d)", which);
        } else {
            CHECK(memcmp(encoded, bytes, 32) != 0 && fe_is_canonical_bytes(encoded), "edge %d reduced", which);
        }
    }
    /* Bit 255 is ignored by decode. */
    edge_bytes(bytes, 1);
    bytes[31] |= 0x80;
    fe_decode(value, bytes);
    fe_encode(encoded, value);
    CHECK(encoded[0] == 1 && encoded[31] == 0, "bit 255 ignored");
}

int main(void)
{
    uint8_t a[32];
    uint8_t b[32];
    int failures = 0;
    int pairs = 0;
    int i;
    int j;

    mbedtls_mpi_init(&prime);
    mbedtls_mpi_lset(&prime, 1);
    mbedtls_mpi_shift_l(&prime, 255);
    mbedtls_mpi_sub_int(&prime, &prime, 19);

    for (i = 0; i < 10; i++) {
        for (j = 0; j < 10; j++) {
            edge_bytes(a, i);
            edge_bytes(b, j);
            check_pair(a, b, &failures);
            pairs++;
        }
    }
    for (i = 0; i < RANDOM_CASES; i++) {
        random_bytes(a);
        random_bytes(b);
        check_pair(a, b, &failures);
        pairs++;
    }
    CHECK(failures == 0, "%d field operations disagreed with mbedTLS bignum", failures);
    canonical_encoding();
    printf("field: %d operand pairs x 6 operations compared with mbedTLS bignum\n", pairs);

    mbedtls_mpi_free(&prime);
    return test_summary("ed25519 field");
}
