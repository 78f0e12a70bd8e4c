/*
 * Strict DER decoding of an ECDSA signature, SEQUENCE { INTEGER r, INTEGER s }, into the fixed r || s form that
 * nu_crypto_ecdsa_p256_verify takes. This mirrors the rule the C# agent applies before it calls the native verifier:
 * DER only (definite, minimal lengths; minimal, positive INTEGERs; nothing after the sequence), and each integer
 * must fit in 32 bytes. Anything else is a malformed signature, never "repaired".
 */
#ifndef NU_TEST_DER_SIGNATURE_H
#define NU_TEST_DER_SIGNATURE_H

#include <stddef.h>
#include <stdint.h>

/* Returns 0 and fills rs on success, -1 on any encoding the strict rules refuse. */
int der_signature_to_rs(const uint8_t *der, size_t length, uint8_t rs[64]);

#endif /* NU_TEST_DER_SIGNATURE_H */
