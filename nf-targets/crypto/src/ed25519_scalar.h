/* Scalars modulo the edwards25519 group order L = 2^252 + 27742317777372353535851937790883648493. */
#ifndef NU_ED25519_SCALAR_H
#define NU_ED25519_SCALAR_H

#include <stdint.h>

/* 1 when the 32-byte little-endian integer is < L (RFC 8032: reject signatures whose S is not). */
int sc_is_canonical(const uint8_t s[32]);

/* out = in mod L, for a 64-byte little-endian integer (the SHA-512 output of RFC 8032 section 5.1.7). */
void sc_reduce64(uint8_t out[32], const uint8_t in[64]);

#endif /* NU_ED25519_SCALAR_H */
