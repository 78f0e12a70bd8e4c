/*
 * An Ed25519 signer for the property tests only (RFC 8032 section 5.1.6), built from the verifier's own group code
 * plus mbedTLS SHA-512 and bignum for S = r + k a mod L. It lets the tests make any number of fresh valid
 * signatures; test_ed25519_sign_rfc8032 pins it to the RFC's published signatures so it cannot drift.
 * Not constant-time and not for production use.
 */
#ifndef NU_TEST_ED25519_SIGNER_H
#define NU_TEST_ED25519_SIGNER_H

#include <stddef.h>
#include <stdint.h>

/* Derives the public key from a 32-byte seed (the RFC's "secret key"). Returns 0 on success. */
int ed25519_test_public_key(uint8_t public_key[32], const uint8_t seed[32]);

/* Signs a message. Returns 0 on success. */
int ed25519_test_sign(uint8_t signature[64], const uint8_t seed[32], const uint8_t *message, size_t length);

#endif /* NU_TEST_ED25519_SIGNER_H */
