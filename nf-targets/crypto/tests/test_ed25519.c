/*
 * Ed25519: the RFC 8032 section 7.1 vectors (TEST 1, 2, 3 and SHA(abc)), every single-bit corruption of them, the
 * scalar code against mbedTLS bignum, and a property test over fresh signatures from the test signer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ed25519_scalar.h"
#include "nu_crypto.h"
#include "nu_mbedtls_compat.h"
#include "support/ed25519_test_signer.h"
#include "support/hex.h"
#include "support/test_check.h"

typedef struct rfc_vector {
    const char *name;
    const char *secret_key;
    const char *public_key;
    const char *message;
    const char *signature;
} rfc_vector;

static const rfc_vector rfc_vectors[] = {
    {"TEST 1", "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
     "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24"
     "655141438e7a100b"},
    {"TEST 2", "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
     "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb0"
     "0d291612bb0c00"},
    {"TEST 3", "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
     "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
     "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc0"
     "27beceea1ec40a"},
    {"TEST SHA(abc)", "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
     "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
     "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a"
     "9ac94fa54ca49f",
     "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9"
     "bef1177331a704"},
};

static void rfc8032_vectors(void)
{
    size_t v;
    for (v = 0; v < sizeof rfc_vectors / sizeof rfc_vectors[0]; v++) {
        const rfc_vector *vector = &rfc_vectors[v];
        size_t seed_length;
        size_t key_length;
        size_t message_length;
        size_t signature_length;
        uint8_t *seed = hex_decode(vector->secret_key, &seed_length);
        uint8_t *key = hex_decode(vector->public_key, &key_length);
        uint8_t *message = hex_decode(vector->message, &message_length);
        uint8_t *signature = hex_decode(vector->signature, &signature_length);
        uint8_t derived_key[32];
        uint8_t derived_signature[64];
        size_t bit;
        int accepted_corruptions = 0;

        CHECK(seed && key && message && signature && key_length == 32 && signature_length == 64, "%s data",
              vector->name);
        if (!(seed && key && message && signature)) {
            continue;
        }
        CHECK(nu_crypto_ed25519_verify(key, message, message_length, signature) == NU_CRYPTO_VALID, "%s verifies",
              vector->name);

        /* The test signer reproduces the published key and signature, so its fresh signatures below are real. */
        CHECK(ed25519_test_public_key(derived_key, seed) == 0 && memcmp(derived_key, key, 32) == 0,
              "%s: signer derives the public key", vector->name);
        CHECK(ed25519_test_sign(derived_signature, seed, message, message_length) == 0 &&
                  memcmp(derived_signature, signature, 64) == 0,
              "%s: signer reproduces the signature", vector->name);

        for (bit = 0; bit < 64 * 8; bit++) {
            signature[bit / 8] ^= (uint8_t)(1u << (bit % 8));
            accepted_corruptions += nu_crypto_ed25519_verify(key, message, message_length, signature) ==
                                    NU_CRYPTO_VALID;
            signature[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        }
        for (bit = 0; bit < 32 * 8; bit++) {
            key[bit / 8] ^= (uint8_t)(1u << (bit % 8));
            accepted_corruptions += nu_crypto_ed25519_verify(key, message, message_length, signature) ==
                                    NU_CRYPTO_VALID;
            key[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        }
        for (bit = 0; bit < message_length * 8; bit++) {
            message[bit / 8] ^= (uint8_t)(1u << (bit % 8));
            accepted_corruptions += nu_crypto_ed25519_verify(key, message, message_length, signature) ==
                                    NU_CRYPTO_VALID;
            message[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        }
        CHECK(accepted_corruptions == 0, "%s: %d single-bit corruptions accepted", vector->name,
              accepted_corruptions);
        free(seed);
        free(key);
        free(message);
        free(signature);
    }
}

static void scalar_reduction(void)
{
    static const uint8_t order_le[32] = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                                         0xa2, 0xde, 0xf9, 0xde, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                                         0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10};
    uint8_t wide[64];
    uint8_t reduced[32];
    uint8_t expected[32];
    uint8_t scalar[32];
    mbedtls_mpi order;
    mbedtls_mpi value;
    int mismatches = 0;
    int i;
    int j;

    mbedtls_mpi_init(&order);
    mbedtls_mpi_init(&value);
    mbedtls_mpi_read_binary_le(&order, order_le, 32);
    for (i = 0; i < 2000; i++) {
        for (j = 0; j < 64; j++) {
            wide[j] = (uint8_t)((i * 131 + j * 197 + (i * j) % 251) & 0xff);
        }
        if (i == 0) {
            memset(wide, 0xff, sizeof wide);
        } else if (i == 1) {
            memset(wide, 0, sizeof wide);
            memcpy(wide, order_le, 32); /* exactly L reduces to 0 */
        }
        sc_reduce64(reduced, wide);
        mbedtls_mpi_read_binary_le(&value, wide, 64);
        mbedtls_mpi_mod_mpi(&value, &value, &order);
        mbedtls_mpi_write_binary_le(&value, expected, 32);
        mismatches += memcmp(reduced, expected, 32) != 0;
    }
    CHECK(mismatches == 0, "sc_reduce64 disagreed with mbedTLS %d times", mismatches);

    memcpy(scalar, order_le, 32);
    CHECK(!sc_is_canonical(scalar), "L is not canonical");
    scalar[0]--;
    CHECK(sc_is_canonical(scalar), "L - 1 is canonical");
    memset(scalar, 0xff, 32);
    CHECK(!sc_is_canonical(scalar), "2^256 - 1 is not canonical");
    memset(scalar, 0, 32);
    CHECK(sc_is_canonical(scalar), "0 is canonical");
    mbedtls_mpi_free(&value);
    mbedtls_mpi_free(&order);
}

/* Fresh keys and messages: every signature verifies, and the same signature fails for a different message,
 * a different key, or with S + L (same value mod L, non-canonical). */
static void property_fresh_signatures(void)
{
    static const uint8_t order_le[32] = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                                         0xa2, 0xde, 0xf9, 0xde, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                                         0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10};
    uint8_t seed[32];
    uint8_t other_seed[32];
    uint8_t key[32];
    uint8_t other_key[32];
    uint8_t message[97];
    uint8_t signature[64];
    int wrong = 0;
    int cases = 200;
    int i;
    int j;

    for (i = 0; i < cases; i++) {
        size_t length = (size_t)(i % (int)sizeof message);
        unsigned carry = 0;
        for (j = 0; j < 32; j++) {
            seed[j] = (uint8_t)(i * 29 + j * 7 + 1);
            other_seed[j] = (uint8_t)(seed[j] ^ 0x5a);
        }
        for (j = 0; j < (int)sizeof message; j++) {
            message[j] = (uint8_t)(i + j * 3);
        }
        ed25519_test_public_key(key, seed);
        ed25519_test_public_key(other_key, other_seed);
        ed25519_test_sign(signature, seed, message, length);
        wrong += nu_crypto_ed25519_verify(key, message, length, signature) != NU_CRYPTO_VALID;
        wrong += nu_crypto_ed25519_verify(other_key, message, length, signature) == NU_CRYPTO_VALID;
        if (length > 0) {
            message[length - 1] ^= 0x01;
            wrong += nu_crypto_ed25519_verify(key, message, length, signature) == NU_CRYPTO_VALID;
            message[length - 1] ^= 0x01;
        }
        /* S + L: numerically the same scalar, but S >= L must be refused (malleability). */
        for (j = 0; j < 32; j++) {
            unsigned sum = (unsigned)signature[32 + j] + order_le[j] + carry;
            signature[32 + j] = (uint8_t)sum;
            carry = sum >> 8;
        }
        if (carry == 0) {
            wrong += nu_crypto_ed25519_verify(key, message, length, signature) == NU_CRYPTO_VALID;
        }
    }
    CHECK(wrong == 0, "%d wrong outcomes over %d fresh signatures", wrong, cases);
    printf("ed25519: %d fresh signatures verified, each also tried with another key, message and S + L\n", cases);
}

static void argument_checks(void)
{
    uint8_t zero[64];
    memset(zero, 0, sizeof zero);
    CHECK(nu_crypto_ed25519_verify(NULL, zero, 0, zero) == NU_CRYPTO_BAD_ARGUMENT, "NULL key");
    CHECK(nu_crypto_ed25519_verify(zero, NULL, 1, zero) == NU_CRYPTO_BAD_ARGUMENT, "NULL message with a length");
    CHECK(nu_crypto_ed25519_verify(zero, zero, 0, NULL) == NU_CRYPTO_BAD_ARGUMENT, "NULL signature");
}

int main(void)
{
    rfc8032_vectors();
    scalar_reduction();
    property_fresh_signatures();
    argument_checks();
    return test_summary("ed25519");
}
