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

/* The three rotations of a big sigma, or two rotations and a shift of a small one (shift != 0). */
static uint32_t sigma(uint32_t x, unsigned a, unsigned b, unsigned c, unsigned shift)
{
    return rotr(x, a) ^ rotr(x, b) ^ (shift ? x >> c : rotr(x, c));
}

/* Small rather than fast: one round body, the working variables renamed down one place per round, and the message
 * schedule computed in place over the block's 16 words. Flash, not hashing, bounds the install time. */
static void compress(nu_sha256_t *sha)
{
    uint32_t *state = sha->progress.state, *w = sha->block;
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6],
             h = state[7];
    unsigned i;

    for (i = 0; i < 64; i++) {
        uint32_t *wi = &w[i & 15u], t1, t2;
        if (i >= 16) { /* the word of round i, over the one of round i - 16 */
            *wi += sigma(w[(i + 1) & 15u], 7, 18, 3, 1) + w[(i + 9) & 15u] + sigma(w[(i + 14) & 15u], 17, 19, 10, 1);
        }
        t1 = h + sigma(e, 6, 11, 25, 0) + (g ^ (e & (f ^ g))) + round_constants[i] + *wi;
        t2 = sigma(a, 2, 13, 22, 0) + ((a & b) | (c & (a | b)));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    { /* a loop over an array: smaller than eight separate additions */
        const uint32_t v[8] = {a, b, c, d, e, f, g, h};
        for (i = 0; i < 8; i++) {
            state[i] += v[i];
        }
    }
}

void nu_sha256_init(nu_sha256_t *sha)
{
    static const struct nu_sha256_progress initial = {
        {0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au, 0x510e527fu, 0x9b05688cu, 0x1f83d9abu, 0x5be0cd19u}, 0};
    sha->progress = initial;
}

/* Bytes are shifted into the block's big-endian words as they arrive: no byte-order conversion before compressing. */
static void absorb(nu_sha256_t *sha, uint8_t byte)
{
    uint32_t *word = &sha->block[(sha->progress.total_bytes >> 2) & 15u];
    *word = (*word << 8) | byte;
    if ((++sha->progress.total_bytes & 63u) == 0) {
        compress(sha);
    }
}

void nu_sha256_update(nu_sha256_t *sha, const uint8_t *data, uint32_t length)
{
    while (length-- > 0) {
        absorb(sha, *data++);
    }
}

void nu_sha256_final(nu_sha256_t *sha, uint8_t digest[32])
{
    uint32_t bytes = sha->progress.total_bytes, high = bytes >> 29, low = bytes << 3; /* the length in bits */
    unsigned i;

    absorb(sha, 0x80);
    while ((sha->progress.total_bytes & 63u) != 56) {
        absorb(sha, 0);
    }
    sha->block[14] = high;
    sha->block[15] = low;
    compress(sha);
    for (i = 0; i < 32; i++) { /* each word rotated left a byte at a time: most significant byte first */
        uint32_t *word = &sha->progress.state[i / 4];
        *word = rotr(*word, 24);
        digest[i] = (uint8_t)*word;
    }
}

void nu_sha256(const uint8_t *data, uint32_t length, uint8_t digest[32])
{
    nu_sha256_t sha;
    nu_sha256_init(&sha);
    nu_sha256_update(&sha, data, length);
    nu_sha256_final(&sha, digest);
}
