#include "nu_sha256.h"

#include "nu_swap_stage.h"

static const uint32_t round_constants[64] = {
    0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u, 0x3956c25bu, 0x59f111f1u, 0x923f82a4u, 0xab1c5ed5u,
    0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u, 0x72be5d74u, 0x80deb1feu, 0x9bdc06a7u, 0xc19bf174u,
    0xe49b69c1u, 0xefbe4786u, 0x0fc19dc6u, 0x240ca1ccu, 0x2de92c6fu, 0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau,
    0x983e5152u, 0xa831c66du, 0xb00327c8u, 0xbf597fc7u, 0xc6e00bf3u, 0xd5a79147u, 0x06ca6351u, 0x14292967u,
    0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu, 0x53380d13u, 0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u,
    0xa2bfe8a1u, 0xa81a664bu, 0xc24b8b70u, 0xc76c51a3u, 0xd192e819u, 0xd6990624u, 0xf40e3585u, 0x106aa070u,
    0x19a4c116u, 0x1e376c08u, 0x2748774cu, 0x34b0bcb5u, 0x391c0cb3u, 0x4ed8aa4au, 0x5b9cca4fu, 0x682e6ff3u,
    0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u, 0x90befffau, 0xa4506cebu, 0xbef9a3f7u, 0xc67178f2u,
};

static uint32_t rotr(uint32_t x, unsigned n)
{
    return (x >> n) | (x << (32u - n));
}

/* Small rather than fast: the working variables a..h live in a ring indexed by the round number (no shuffling of
 * eight registers), and the message schedule is a 16-word ring (64 bytes of stack instead of 256). Flash, not
 * hashing, bounds the install time. */
#define V(k) v[((k) - i) & 7u]
static void compress(uint32_t state[8], const uint8_t block[64])
{
    uint32_t w[16], v[8];
    unsigned i;

    for (i = 0; i < 8; i++) {
        v[i] = state[i];
    }
    for (i = 0; i < 64; i++) {
        uint32_t wi, t1, t2;
        if (i < 16) {
            wi = ((uint32_t)block[4 * i] << 24) | ((uint32_t)block[4 * i + 1] << 16) |
                 ((uint32_t)block[4 * i + 2] << 8) | (uint32_t)block[4 * i + 3];
        } else {
            uint32_t w15 = w[(i - 15) & 15u], w2 = w[(i - 2) & 15u];
            wi = w[i & 15u] + (rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >> 3)) + w[(i - 7) & 15u] +
                 (rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >> 10));
        }
        w[i & 15u] = wi;
        t1 = V(7) + (rotr(V(4), 6) ^ rotr(V(4), 11) ^ rotr(V(4), 25)) + ((V(4) & V(5)) ^ (~V(4) & V(6))) +
             round_constants[i] + wi;
        t2 = (rotr(V(0), 2) ^ rotr(V(0), 13) ^ rotr(V(0), 22)) + ((V(0) & V(1)) ^ (V(0) & V(2)) ^ (V(1) & V(2)));
        V(3) += t1;      /* becomes e */
        V(7) = t1 + t2;  /* becomes a; everything else moves one place by the index alone */
    }
    for (i = 0; i < 8; i++) {
        state[i] += v[i]; /* 64 rounds: the ring is back in place */
    }
}
#undef V

void nu_sha256_init(nu_sha256_t *sha)
{
    static const uint32_t initial[8] = {0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au,
                                        0x510e527fu, 0x9b05688cu, 0x1f83d9abu, 0x5be0cd19u};
    unsigned i;
    for (i = 0; i < 8; i++) {
        sha->state[i] = initial[i];
    }
    sha->total_bytes = 0;
}

void nu_sha256_update(nu_sha256_t *sha, const uint8_t *data, uint32_t length)
{
    while (length-- > 0) {
        sha->block[sha->total_bytes++ & 63u] = *data++;
        if ((sha->total_bytes & 63u) == 0) {
            compress(sha->state, sha->block);
        }
    }
}

void nu_sha256_final(nu_sha256_t *sha, uint8_t digest[32])
{
    uint8_t length[8] = {0, 0, 0, (uint8_t)(sha->total_bytes >> 29), 0, 0, 0, 0};
    static const uint8_t marker = 0x80, zero = 0;
    unsigned i;

    for (i = 0; i < 4; i++) {
        length[4 + i] = (uint8_t)((sha->total_bytes << 3) >> (24 - 8 * i));
    }
    nu_sha256_update(sha, &marker, 1);
    while ((sha->total_bytes & 63u) != 56) {
        nu_sha256_update(sha, &zero, 1);
    }
    nu_sha256_update(sha, length, 8);
    for (i = 0; i < 32; i++) {
        digest[i] = (uint8_t)(sha->state[i / 4] >> (24 - 8 * (i % 4)));
    }
}

void nu_sha256(const uint8_t *data, uint32_t length, uint8_t digest[32])
{
    nu_sha256_t sha;
    nu_sha256_init(&sha);
    nu_sha256_update(&sha, data, length);
    nu_sha256_final(&sha, digest);
}
