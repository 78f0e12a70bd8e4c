/*
 * Arithmetic in GF(p), p = 2^255 - 19, for Ed25519 verification.
 *
 * An element is 16 signed 32-bit limbs of 16 bits each (value = sum limb[i] * 2^(16 i)). The spare bits let additions
 * and subtractions skip carrying; multiplication forms its 31 product columns in 64-bit integers (each far below
 * 2^63), so the code needs no 128-bit type and runs the same on a 32-bit Cortex-M7 and on the host. Storing 32-bit
 * limbs keeps an element at 64 bytes: verification runs on the nanoCLR interpreter thread, whose stack is small.
 * Results of add/sub are "loose" (limbs may exceed 16 bits or be negative, within a few bits); mul/square accept
 * loose inputs and return limbs carried back to about 16 bits. Only fe_encode produces the canonical value in [0, p).
 *
 * Verification handles public data only, so nothing here tries to be constant-time.
 */
#ifndef NU_ED25519_FIELD_H
#define NU_ED25519_FIELD_H

#include <stdint.h>

typedef int32_t fe[16];

void fe_zero(fe out);
void fe_one(fe out);
void fe_copy(fe out, const fe in);
void fe_add(fe out, const fe a, const fe b);
void fe_sub(fe out, const fe a, const fe b);
void fe_neg(fe out, const fe a);
void fe_mul(fe out, const fe a, const fe b);
void fe_square(fe out, const fe a);
void fe_invert(fe out, const fe a);       /* a^(p-2); the inverse of 0 is 0 */
void fe_pow_p58(fe out, const fe a);      /* a^((p-5)/8), the core of the square root */

/* Little-endian 32 bytes. fe_decode ignores bit 255 and accepts any 255-bit value (callers that need a canonical
 * input check it with fe_is_canonical_bytes first). fe_encode writes the canonical value. */
void fe_decode(fe out, const uint8_t in[32]);
void fe_encode(uint8_t out[32], const fe in);
int fe_is_canonical_bytes(const uint8_t in[32]); /* 1 when the low 255 bits are < p */

int fe_is_zero(const fe a);     /* 1 when a = 0 mod p */
int fe_is_negative(const fe a); /* the low bit of the canonical value (the "sign" of x in RFC 8032) */
int fe_equal(const fe a, const fe b);

#endif /* NU_ED25519_FIELD_H */
