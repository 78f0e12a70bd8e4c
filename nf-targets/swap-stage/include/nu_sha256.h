/*
 * SHA-256 (FIPS 180-4), streaming. Written for the booter, which has no crypto library; tested against the NIST
 * vectors. The context lives on the caller's stack.
 */
#ifndef NU_SHA256_H
#define NU_SHA256_H

#include <stdint.h>

typedef struct nu_sha256 {
    struct nu_sha256_progress { /* one struct so that init sets it with a single copy */
        uint32_t state[8];
        uint32_t total_bytes; /* messages up to 4 GiB: far more than any slot */
    } progress;
    uint32_t block[16]; /* the message block as big-endian words, filled byte by byte */
} nu_sha256_t;

void nu_sha256_init(nu_sha256_t *sha);
void nu_sha256_update(nu_sha256_t *sha, const uint8_t *data, uint32_t length);
void nu_sha256_final(nu_sha256_t *sha, uint8_t digest[32]);

#endif /* NU_SHA256_H */
