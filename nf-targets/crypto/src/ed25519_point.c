/* edwards25519 group operations: unified addition, RFC 8032 encode/decode, a joint double-and-add. */
#include "ed25519_point.h"

#include <string.h>

/* Curve constants as canonical little-endian field elements (derived from RFC 8032 section 5.1). */
static const uint8_t d_bytes[32] = {0xa3, 0x78, 0x59, 0x13, 0xca, 0x4d, 0xeb, 0x75, 0xab, 0xd8, 0x41,
                                    0x41, 0x4d, 0x0a, 0x70, 0x00, 0x98, 0xe8, 0x79, 0x77, 0x79, 0x40,
                                    0xc7, 0x8c, 0x73, 0xfe, 0x6f, 0x2b, 0xee, 0x6c, 0x03, 0x52};
static const uint8_t two_d_bytes[32] = {0x59, 0xf1, 0xb2, 0x26, 0x94, 0x9b, 0xd6, 0xeb, 0x56, 0xb1, 0x83,
                                        0x82, 0x9a, 0x14, 0xe0, 0x00, 0x30, 0xd1, 0xf3, 0xee, 0xf2, 0x80,
                                        0x8e, 0x19, 0xe7, 0xfc, 0xdf, 0x56, 0xdc, 0xd9, 0x06, 0x24};
static const uint8_t sqrt_minus_one_bytes[32] = {0xb0, 0xa0, 0x0e, 0x4a, 0x27, 0x1b, 0xee, 0xc4, 0x78, 0xe4, 0x2f,
                                                 0xad, 0x06, 0x18, 0x43, 0x2f, 0xa7, 0xd7, 0xfb, 0x3d, 0x99, 0x00,
                                                 0x4d, 0x2b, 0x0b, 0xdf, 0xc1, 0x4f, 0x80, 0x24, 0x83, 0x2b};
static const uint8_t base_x_bytes[32] = {0x1a, 0xd5, 0x25, 0x8f, 0x60, 0x2d, 0x56, 0xc9, 0xb2, 0xa7, 0x25,
                                         0x95, 0x60, 0xc7, 0x2c, 0x69, 0x5c, 0xdc, 0xd6, 0xfd, 0x31, 0xe2,
                                         0xa4, 0xc0, 0xfe, 0x53, 0x6e, 0xcd, 0xd3, 0x36, 0x69, 0x21};
static const uint8_t base_y_bytes[32] = {0x58, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
                                         0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
                                         0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66};

void ge_identity(ge_point *out)
{
    fe_zero(out->X);
    fe_one(out->Y);
    fe_one(out->Z);
    fe_zero(out->T);
}

void ge_base(ge_point *out)
{
    fe_decode(out->X, base_x_bytes);
    fe_decode(out->Y, base_y_bytes);
    fe_one(out->Z);
    fe_mul(out->T, out->X, out->Y);
}

void ge_negate(ge_point *out, const ge_point *in)
{
    fe_neg(out->X, in->X);
    fe_copy(out->Y, in->Y);
    fe_copy(out->Z, in->Z);
    fe_neg(out->T, in->T);
}

void ge_add(ge_point *out, const ge_point *a, const ge_point *b)
{
    /* Hisil-Wong-Carter-Dawson 2008, "add-2008-hwcd-3" for a = -1 (unified and complete here). */
    fe two_d;
    fe s1;
    fe s2;
    fe A;
    fe B;
    fe C;
    fe D;
    fe E;
    fe F;
    fe G;
    fe H;

    fe_decode(two_d, two_d_bytes);
    fe_sub(s1, a->Y, a->X);
    fe_sub(s2, b->Y, b->X);
    fe_mul(A, s1, s2);
    fe_add(s1, a->Y, a->X);
    fe_add(s2, b->Y, b->X);
    fe_mul(B, s1, s2);
    fe_mul(C, a->T, b->T);
    fe_mul(C, C, two_d);
    fe_mul(D, a->Z, b->Z);
    fe_add(D, D, D);
    fe_sub(E, B, A);
    fe_sub(F, D, C);
    fe_add(G, D, C);
    fe_add(H, B, A);
    fe_mul(out->X, E, F);
    fe_mul(out->Y, G, H);
    fe_mul(out->T, E, H);
    fe_mul(out->Z, F, G);
}

int ge_decode(ge_point *out, const uint8_t in[32])
{
    fe d;
    fe y_squared;
    fe u;
    fe v;
    fe v3;
    fe x;
    fe check;
    int sign = (in[31] >> 7) & 1;

    if (!fe_is_canonical_bytes(in)) {
        return 0;
    }
    fe_decode(out->Y, in);
    fe_decode(d, d_bytes);

    /* x^2 = u / v with u = y^2 - 1, v = d y^2 + 1; candidate x = u v^3 (u v^7)^((p-5)/8). */
    fe_square(y_squared, out->Y);
    fe_one(u);
    fe_mul(v, d, y_squared);
    fe_add(v, v, u);
    fe_sub(u, y_squared, u);

    fe_square(v3, v);
    fe_mul(v3, v3, v);     /* v^3 */
    fe_square(x, v3);
    fe_mul(x, x, v);       /* v^7 */
    fe_mul(x, x, u);       /* u v^7 */
    fe_pow_p58(x, x);
    fe_mul(x, x, v3);
    fe_mul(x, x, u);

    fe_square(check, x);
    fe_mul(check, check, v);
    if (!fe_equal(check, u)) {
        fe negated_u;
        fe_neg(negated_u, u);
        if (!fe_equal(check, negated_u)) {
            return 0; /* u / v is not a square: no point has this y */
        }
        fe sqrt_minus_one;
        fe_decode(sqrt_minus_one, sqrt_minus_one_bytes);
        fe_mul(x, x, sqrt_minus_one);
    }

    if (fe_is_zero(x) && sign == 1) {
        return 0; /* -0 is not a canonical encoding */
    }
    if (fe_is_negative(x) != sign) {
        fe_neg(x, x);
    }
    fe_copy(out->X, x);
    fe_one(out->Z);
    fe_mul(out->T, out->X, out->Y);
    return 1;
}

void ge_encode(uint8_t out[32], const ge_point *in)
{
    fe z_inverse;
    fe x;
    fe y;

    fe_invert(z_inverse, in->Z);
    fe_mul(x, in->X, z_inverse);
    fe_mul(y, in->Y, z_inverse);
    fe_encode(out, y);
    out[31] |= (uint8_t)(fe_is_negative(x) << 7);
}

static int scalar_bit(const uint8_t scalar[32], int bit)
{
    return (scalar[bit >> 3] >> (bit & 7)) & 1;
}

void ge_double_scalar_mul(ge_point *out, const uint8_t a[32], const ge_point *p, const uint8_t b[32],
                          const ge_point *q)
{
    /* Shamir's trick: one shared doubling chain, adding P, Q or P + Q per bit pair. */
    ge_point sum;
    ge_point accumulator;
    int bit;

    ge_add(&sum, p, q);
    ge_identity(&accumulator);
    for (bit = 255; bit >= 0; bit--) {
        int a_bit = scalar_bit(a, bit);
        int b_bit = scalar_bit(b, bit);
        ge_add(&accumulator, &accumulator, &accumulator);
        if (a_bit && b_bit) {
            ge_add(&accumulator, &accumulator, &sum);
        } else if (a_bit) {
            ge_add(&accumulator, &accumulator, p);
        } else if (b_bit) {
            ge_add(&accumulator, &accumulator, q);
        }
    }
    *out = accumulator;
}
