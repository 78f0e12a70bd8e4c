/*
 * Points of the twisted Edwards curve -x^2 + y^2 = 1 + d x^2 y^2 over GF(2^255 - 19) (edwards25519), in extended
 * coordinates (X : Y : Z : T) with x = X/Z, y = Y/Z, x*y = T/Z.
 */
#ifndef NU_ED25519_POINT_H
#define NU_ED25519_POINT_H

#include <stdint.h>

#include "ed25519_field.h"

typedef struct ge_point {
    fe X;
    fe Y;
    fe Z;
    fe T;
} ge_point;

void ge_identity(ge_point *out);
void ge_base(ge_point *out); /* the RFC 8032 base point B */
void ge_negate(ge_point *out, const ge_point *in);

/* out = a + b. The formula is complete on this curve (a = -1, d not a square), so it also doubles and handles the
 * identity; out may alias a or b. */
void ge_add(ge_point *out, const ge_point *a, const ge_point *b);

/* RFC 8032 section 5.1.3 decoding. Returns 1 and fills out for a canonical encoding of a curve point (y < p, and
 * not "x = 0 with the sign bit set"); returns 0 otherwise. */
int ge_decode(ge_point *out, const uint8_t in[32]);

/* RFC 8032 section 5.1.2 encoding (always canonical). */
void ge_encode(uint8_t out[32], const ge_point *in);

/* out = [a]P + [b]Q for 256-bit little-endian scalars (variable time: verification handles public values only). */
void ge_double_scalar_mul(ge_point *out, const uint8_t a[32], const ge_point *p, const uint8_t b[32],
                          const ge_point *q);

#endif /* NU_ED25519_POINT_H */
