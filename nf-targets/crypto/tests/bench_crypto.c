/*
 * Prints host throughput figures for the native helpers (never asserts on time): SHA-256 one-shot against the
 * streaming state API fed in 4 KiB chunks (the interop pattern: one managed call per chunk), ECDSA P-256 and Ed25519
 * verifications per second, with ratios measured in the same run. Fails only if a result is wrong.
 */
#define _POSIX_C_SOURCE 199309L /* clock_gettime under -std=c99 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nu_crypto.h"
#include "support/ed25519_test_signer.h"

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(void)
{
    enum { IMAGE = 704 * 1024, CHUNK = 4096, ROUNDS = 8, VERIFICATIONS = 40 };
    static const uint8_t ecdsa_key[64] = {
        0x04, 0xaa, 0xec, 0x73, 0x63, 0x57, 0x26, 0xf2, 0x13, 0xfb, 0x8a, 0x9e, 0x64, 0xda, 0x3b, 0x86,
        0x32, 0xe4, 0x14, 0x95, 0xa9, 0x44, 0xd0, 0x04, 0x5b, 0x52, 0x2e, 0xba, 0x72, 0x40, 0xfa, 0xd5,
        0x87, 0xd9, 0x31, 0x57, 0x98, 0xaa, 0xa3, 0xa5, 0xba, 0x01, 0x77, 0x57, 0x87, 0xce, 0xd0, 0x5e,
        0xaa, 0xf7, 0xb4, 0xe0, 0x9f, 0xc8, 0x1d, 0x6d, 0x1a, 0xa5, 0x46, 0xe8, 0x36, 0x5d, 0x52, 0x5d};
    /* Wycheproof ecdsa_secp256r1_sha256 tcId 1: empty message, r and s taken from its DER. */
    static const uint8_t ecdsa_rs[64] = {
        0xb2, 0x92, 0xa6, 0x19, 0x33, 0x9f, 0x6e, 0x56, 0x7a, 0x30, 0x5c, 0x95, 0x1c, 0x0d, 0xcb, 0xcc,
        0x42, 0xd1, 0x6e, 0x47, 0xf2, 0x19, 0xf9, 0xe9, 0x8e, 0x76, 0xe0, 0x9d, 0x87, 0x70, 0xb3, 0x4a,
        0x01, 0x77, 0xe6, 0x04, 0x92, 0xc5, 0xa8, 0x24, 0x2f, 0x76, 0xf0, 0x7b, 0xfe, 0x36, 0x61, 0xbd,
        0xe5, 0x9e, 0xc2, 0xa1, 0x7c, 0xe5, 0xbd, 0x2d, 0xab, 0x2a, 0xbe, 0xbd, 0xf8, 0x9a, 0x62, 0xe2};
    uint8_t *image = malloc(IMAGE);
    uint8_t state[NU_CRYPTO_SHA256_STATE_SIZE];
    uint8_t digest_one_shot[32];
    uint8_t digest_streamed[32];
    uint8_t empty_digest[32];
    uint8_t seed[32];
    uint8_t ed_key[32];
    uint8_t ed_signature[64];
    double start;
    double one_shot_seconds;
    double streamed_seconds;
    double ecdsa_seconds;
    double ed25519_seconds;
    int wrong = 0;
    int round;
    int i;

    if (image == NULL) {
        return 1;
    }
    for (i = 0; i < IMAGE; i++) {
        image[i] = (uint8_t)(i * 31);
    }

    nu_crypto_sha256(image, IMAGE, digest_one_shot); /* warm-up: page in the image and the code */
    start = now_seconds();
    for (round = 0; round < ROUNDS; round++) {
        nu_crypto_sha256(image, IMAGE, digest_one_shot);
    }
    one_shot_seconds = now_seconds() - start;

    start = now_seconds();
    for (round = 0; round < ROUNDS; round++) {
        nu_crypto_sha256_init(state);
        for (i = 0; i < IMAGE; i += CHUNK) {
            nu_crypto_sha256_update(state, image + i, CHUNK);
        }
        nu_crypto_sha256_final(state, digest_streamed);
    }
    streamed_seconds = now_seconds() - start;
    wrong += memcmp(digest_one_shot, digest_streamed, 32) != 0;

    nu_crypto_sha256(NULL, 0, empty_digest);
    start = now_seconds();
    for (i = 0; i < VERIFICATIONS; i++) {
        wrong += nu_crypto_ecdsa_p256_verify(ecdsa_key, empty_digest, ecdsa_rs) != NU_CRYPTO_VALID;
    }
    ecdsa_seconds = now_seconds() - start;

    memset(seed, 7, sizeof seed);
    ed25519_test_public_key(ed_key, seed);
    ed25519_test_sign(ed_signature, seed, digest_one_shot, 32);
    start = now_seconds();
    for (i = 0; i < VERIFICATIONS; i++) {
        wrong += nu_crypto_ed25519_verify(ed_key, digest_one_shot, 32, ed_signature) != NU_CRYPTO_VALID;
    }
    ed25519_seconds = now_seconds() - start;

    printf("benchmark (host, %d x %d KiB image):\n", ROUNDS, IMAGE / 1024);
    printf("  sha256 one-shot            %8.1f MB/s\n", ROUNDS * (double)IMAGE / one_shot_seconds / 1e6);
    printf("  sha256 streamed, 4 KiB     %8.1f MB/s  (%.2f x the one-shot time: cost of the serialised state)\n",
           ROUNDS * (double)IMAGE / streamed_seconds / 1e6, streamed_seconds / one_shot_seconds);
    printf("  ecdsa p256 verify          %8.1f per second (%.2f ms each)\n", VERIFICATIONS / ecdsa_seconds,
           1e3 * ecdsa_seconds / VERIFICATIONS);
    printf("  ed25519 verify             %8.1f per second (%.2f ms each, %.2f x the ecdsa time)\n",
           VERIFICATIONS / ed25519_seconds, 1e3 * ed25519_seconds / VERIFICATIONS, ed25519_seconds / ecdsa_seconds);
    free(image);
    if (wrong != 0) {
        printf("benchmark: %d wrong results\n", wrong);
        return 1;
    }
    return 0;
}
