/* GF(2^255 - 19) arithmetic with 16-bit limbs in int32 words. See ed25519_field.h for the representation. */
#include "ed25519_field.h"

#include <string.h>

#define LIMB_BITS 16
#define LIMB_RADIX ((int64_t)1 << LIMB_BITS)
#define FOLD 38 /* 2^256 = 2 * (2^255 - 19) + 38, so a carry out of limb 15 re-enters limb 0 times 38 */

/* fe_carry relies on >> of a negative int64 rounding toward minus infinity, which GCC and Clang guarantee (C99
 * leaves it implementation-defined). Refuse to build anywhere it does not hold. */
typedef char arithmetic_right_shift_required[((int64_t)-3 >> 1) == -2 ? 1 : -1];

typedef int64_t fe_wide[16]; /* an element being carried: limbs of any size */

/* p in limbs, for the final conditional subtraction. */
static const int64_t p_limbs[16] = {0xffed, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff,
                                    0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0x7fff};

/* One carry pass: limbs 1..15 end in [0, 2^16), limb 0 absorbs 38 times the carry out of the top. */
static void fe_carry(fe_wide a)
{
    int i;
    for (i = 0; i < 16; i++) {
        int64_t carry = a[i] >> LIMB_BITS;
        a[i] -= carry * LIMB_RADIX;
        if (i < 15) {
            a[i + 1] += carry;
        } else {
            a[0] += FOLD * carry;
        }
    }
}

void fe_zero(fe out)
{
    memset(out, 0, sizeof(fe));
}

void fe_one(fe out)
{
    fe_zero(out);
    out[0] = 1;
}

void fe_copy(fe out, const fe in)
{
    memmove(out, in, sizeof(fe));
}

void fe_add(fe out, const fe a, const fe b)
{
    int i;
    for (i = 0; i < 16; i++) {
        out[i] = a[i] + b[i];
    }
}

void fe_sub(fe out, const fe a, const fe b)
{
    int i;
    for (i = 0; i < 16; i++) {
        out[i] = a[i] - b[i];
    }
}

void fe_neg(fe out, const fe a)
{
    int i;
    for (i = 0; i < 16; i++) {
        out[i] = -a[i];
    }
}

void fe_mul(fe out, const fe a, const fe b)
{
    int64_t wide[31];
    int i;
    int j;

    memset(wide, 0, sizeof wide);
    for (i = 0; i < 16; i++) {
        for (j = 0; j < 16; j++) {
            wide[i + j] += (int64_t)a[i] * b[j];
        }
    }
    for (i = 0; i < 15; i++) {
        wide[i] += FOLD * wide[i + 16];
    }
    fe_carry(wide);
    fe_carry(wide);
    for (i = 0; i < 16; i++) {
        out[i] = (int32_t)wide[i]; /* carried: limbs 1..15 in [0, 2^16), limb 0 within 38 of that range */
    }
}

void fe_square(fe out, const fe a)
{
    fe_mul(out, a, a);
}

void fe_invert(fe out, const fe a)
{
    /* p - 2 = 2^255 - 21: every bit from 254 down to 0 is set except bits 4 and 2. */
    fe base;
    fe result;
    int bit;

    fe_copy(base, a);
    fe_one(result);
    for (bit = 254; bit >= 0; bit--) {
        fe_square(result, result);
        if (bit != 4 && bit != 2) {
            fe_mul(result, result, base);
        }
    }
    fe_copy(out, result);
}

void fe_pow_p58(fe out, const fe a)
{
    /* (p - 5) / 8 = 2^252 - 3: bits 251 down to 0 are set except bit 1. */
    fe base;
    fe result;
    int bit;

    fe_copy(base, a);
    fe_one(result);
    for (bit = 251; bit >= 0; bit--) {
        fe_square(result, result);
        if (bit != 1) {
            fe_mul(result, result, base);
        }
    }
    fe_copy(out, result);
}

void fe_decode(fe out, const uint8_t in[32])
{
    int i;
    for (i = 0; i < 16; i++) {
        out[i] = (int32_t)in[2 * i] | ((int32_t)in[2 * i + 1] << 8);
    }
    out[15] &= 0x7fff;
}

int fe_is_canonical_bytes(const uint8_t in[32])
{
    int i;
    /* The low 255 bits are >= p exactly when they read 2^255 - 19 .. 2^255 - 1: 0xed..0xff, then 0xff x 30, 0x7f. */
    if ((in[31] & 0x7f) != 0x7f) {
        return 1;
    }
    for (i = 30; i >= 1; i--) {
        if (in[i] != 0xff) {
            return 1;
        }
    }
    return in[0] < 0xed;
}

/* Subtracts p when the (fully carried, non-negative, < 2^256) value is at least p. */
static void subtract_p_if_not_below(fe_wide t)
{
    int64_t difference[16];
    int64_t borrow = 0;
    int i;

    for (i = 0; i < 16; i++) {
        difference[i] = t[i] - p_limbs[i] - borrow;
        borrow = difference[i] < 0 ? 1 : 0;
        difference[i] += borrow * LIMB_RADIX;
    }
    if (borrow == 0) {
        memcpy(t, difference, sizeof difference);
    }
}

void fe_encode(uint8_t out[32], const fe in)
{
    fe_wide t;
    int i;

    for (i = 0; i < 16; i++) {
        t[i] = in[i];
    }
    fe_carry(t);
    fe_carry(t);
    /* Now limbs 1..15 are in [0, 2^16) and limb 0 in about [-38, 2^16 + 38): adding p makes the value non-negative
     * without changing it mod p, and two more passes bring every limb into [0, 2^16). */
    for (i = 0; i < 16; i++) {
        t[i] += p_limbs[i];
    }
    fe_carry(t);
    fe_carry(t);
    fe_carry(t);
    /* The value is now below 2^256 = 2p + 38: at most two subtractions of p make it canonical. */
    subtract_p_if_not_below(t);
    subtract_p_if_not_below(t);
    for (i = 0; i < 16; i++) {
        out[2 * i] = (uint8_t)(t[i] & 0xff);
        out[2 * i + 1] = (uint8_t)((t[i] >> 8) & 0xff);
    }
}

int fe_is_zero(const fe a)
{
    static const uint8_t zero[32];
    uint8_t bytes[32];
    fe_encode(bytes, a);
    return memcmp(bytes, zero, sizeof bytes) == 0;
}

int fe_is_negative(const fe a)
{
    uint8_t bytes[32];
    fe_encode(bytes, a);
    return bytes[0] & 1;
}

int fe_equal(const fe a, const fe b)
{
    fe difference;
    fe_sub(difference, a, b);
    return fe_is_zero(difference);
}
