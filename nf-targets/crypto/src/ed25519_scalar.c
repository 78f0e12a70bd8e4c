/*
 * Scalar reduction mod L by plain binary long division: 512 shift-and-conditional-subtract steps on a 9-word
 * remainder. Slower than Barrett reduction but short enough to check by eye, and it runs once per verification.
 */
#include "ed25519_scalar.h"

#define WORDS 9 /* the remainder stays below 2L < 2^254 before each subtraction: 8 words, plus one for the shift */

static const uint32_t order_words[WORDS] = {0x5cf5d3ed, 0x5812631a, 0xa2f79cd6, 0x14def9de, 0x00000000,
                                            0x00000000, 0x00000000, 0x10000000, 0x00000000};

/* 1 when a >= b. */
static int words_not_below(const uint32_t a[WORDS], const uint32_t b[WORDS])
{
    int i;
    for (i = WORDS - 1; i >= 0; i--) {
        if (a[i] != b[i]) {
            return a[i] > b[i];
        }
    }
    return 1;
}

static void words_subtract(uint32_t a[WORDS], const uint32_t b[WORDS])
{
    uint64_t borrow = 0;
    int i;
    for (i = 0; i < WORDS; i++) {
        uint64_t difference = (uint64_t)a[i] - b[i] - borrow;
        a[i] = (uint32_t)difference;
        borrow = (difference >> 63) & 1u;
    }
}

static void words_from_bytes(uint32_t out[WORDS], const uint8_t *in, int byte_count)
{
    int i;
    for (i = 0; i < WORDS; i++) {
        out[i] = 0;
    }
    for (i = 0; i < byte_count; i++) {
        out[i / 4] |= (uint32_t)in[i] << (8 * (i % 4));
    }
}

int sc_is_canonical(const uint8_t s[32])
{
    uint32_t value[WORDS];
    words_from_bytes(value, s, 32);
    return !words_not_below(value, order_words);
}

void sc_reduce64(uint8_t out[32], const uint8_t in[64])
{
    uint32_t remainder[WORDS];
    int bit;
    int i;

    for (i = 0; i < WORDS; i++) {
        remainder[i] = 0;
    }
    for (bit = 511; bit >= 0; bit--) {
        uint32_t incoming = (uint32_t)(in[bit >> 3] >> (bit & 7)) & 1u;
        for (i = WORDS - 1; i > 0; i--) {
            remainder[i] = (remainder[i] << 1) | (remainder[i - 1] >> 31);
        }
        remainder[0] = (remainder[0] << 1) | incoming;
        if (words_not_below(remainder, order_words)) {
            words_subtract(remainder, order_words);
        }
    }
    for (i = 0; i < 32; i++) {
        out[i] = (uint8_t)(remainder[i / 4] >> (8 * (i % 4)));
    }
}
