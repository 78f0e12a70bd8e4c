/* SHA-256: NIST FIPS 180-4 example vectors, streaming against one-shot at every split, state validation. */
#include <stdlib.h>
#include <string.h>

#include "nu_crypto.h"
#include "support/hex.h"
#include "support/test_check.h"

static int digest_equals(const uint8_t digest[32], const char *expected_hex)
{
    size_t length;
    uint8_t *expected = hex_decode(expected_hex, &length);
    int equal = expected != NULL && length == 32 && memcmp(digest, expected, 32) == 0;
    free(expected);
    return equal;
}

static void nist_vectors(void)
{
    static const char *two_block =
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    uint8_t digest[32];
    uint8_t state[NU_CRYPTO_SHA256_STATE_SIZE];
    uint8_t *million;
    int i;

    CHECK(nu_crypto_sha256((const uint8_t *)"abc", 3, digest) == 0, "one-shot abc");
    CHECK(digest_equals(digest, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), "digest abc");

    CHECK(nu_crypto_sha256(NULL, 0, digest) == 0, "one-shot of nothing with a NULL pointer");
    CHECK(digest_equals(digest, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), "empty digest");

    CHECK(nu_crypto_sha256((const uint8_t *)two_block, strlen(two_block), digest) == 0, "one-shot 448 bits");
    CHECK(digest_equals(digest, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"), "digest 448 bits");

    /* One million 'a', streamed in uneven chunks through the serialised state. */
    million = malloc(1000000);
    CHECK(million != NULL, "allocation");
    if (million == NULL) {
        return;
    }
    memset(million, 'a', 1000000);
    CHECK(nu_crypto_sha256_init(state) == 0, "init");
    for (i = 0; i < 1000000;) {
        int chunk = 1 + (i * 7919) % 4099;
        if (chunk > 1000000 - i) {
            chunk = 1000000 - i;
        }
        CHECK(nu_crypto_sha256_update(state, million + i, (size_t)chunk) == 0, "update at %d", i);
        i += chunk;
    }
    CHECK(nu_crypto_sha256_final(state, digest) == 0, "final");
    CHECK(digest_equals(digest, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"), "million a");
    free(million);
}

/* Every split point of a 3-block message, and a three-way split, must equal the one-shot digest. */
static void streaming_matches_one_shot(void)
{
    uint8_t message[200];
    uint8_t expected[32];
    uint8_t digest[32];
    uint8_t state[NU_CRYPTO_SHA256_STATE_SIZE];
    size_t split;
    int mismatches = 0;

    for (split = 0; split < sizeof message; split++) {
        message[split] = (uint8_t)(split * 37 + 11);
    }
    CHECK(nu_crypto_sha256(message, sizeof message, expected) == 0, "one-shot");
    for (split = 0; split <= sizeof message; split++) {
        size_t second = (sizeof message - split) / 2;
        nu_crypto_sha256_init(state);
        nu_crypto_sha256_update(state, message, split);
        nu_crypto_sha256_update(state, message + split, second);
        nu_crypto_sha256_update(state, message + split + second, sizeof message - split - second);
        nu_crypto_sha256_final(state, digest);
        mismatches += memcmp(digest, expected, 32) != 0;
    }
    CHECK(mismatches == 0, "%d split points gave a different digest", mismatches);

    /* final re-initialises: the same state hashes the next message from scratch. */
    nu_crypto_sha256_update(state, message, sizeof message);
    nu_crypto_sha256_final(state, digest);
    CHECK(memcmp(digest, expected, 32) == 0, "state reusable after final");
}

static void refuses_damaged_state(void)
{
    uint8_t state[NU_CRYPTO_SHA256_STATE_SIZE];
    uint8_t digest[32];
    uint8_t byte = 1;

    memset(state, 0, sizeof state);
    CHECK(nu_crypto_sha256_update(state, &byte, 1) == NU_CRYPTO_BAD_ARGUMENT, "zeroed state refused");

    nu_crypto_sha256_init(state);
    nu_crypto_sha256_update(state, &byte, 1);
    state[36] ^= 0x01; /* the byte count changed without its check word */
    CHECK(nu_crypto_sha256_final(state, digest) == NU_CRYPTO_BAD_ARGUMENT, "tampered count refused");

    nu_crypto_sha256_init(state);
    state[0] = 'X';
    CHECK(nu_crypto_sha256_update(state, &byte, 1) == NU_CRYPTO_BAD_ARGUMENT, "foreign tag refused");

    CHECK(nu_crypto_sha256_init(NULL) == NU_CRYPTO_BAD_ARGUMENT, "NULL state");
    nu_crypto_sha256_init(state);
    CHECK(nu_crypto_sha256_update(state, NULL, 1) == NU_CRYPTO_BAD_ARGUMENT, "NULL data with a length");
    CHECK(nu_crypto_sha256_update(state, NULL, 0) == 0, "NULL data of length 0");
    CHECK(nu_crypto_sha256(NULL, 1, digest) == NU_CRYPTO_BAD_ARGUMENT, "one-shot NULL data with a length");
}

int main(void)
{
    nist_vectors();
    streaming_matches_one_shot();
    refuses_damaged_state();
    return test_summary("sha256");
}
