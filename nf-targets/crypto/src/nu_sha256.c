/*
 * SHA-256 on mbedTLS: one-shot, and streaming through a caller-owned serialised state (see nu_crypto.h).
 *
 * Serialised state, NU_CRYPTO_SHA256_STATE_SIZE = 112 bytes, all integers little-endian:
 *   [0, 4)     tag "NUS2" (version 2 of the layout) — anything else is refused
 *   [4, 36)    the eight 32-bit chaining words
 *   [36, 44)   total bytes hashed so far (u64)
 *   [44, 108)  the partial block (only the first total % 64 bytes are meaningful)
 *   [108, 112) CRC-free integrity word: the bitwise NOT of the low 32 bits of the byte count, so a state zeroed or
 *              overwritten by a managed bug is refused rather than hashed into a wrong digest.
 */
#include "nu_crypto.h"
#include "nu_mbedtls_compat.h"

#include <string.h>

#define STATE_TAG_OFFSET 0u
#define STATE_WORDS_OFFSET 4u
#define STATE_COUNT_OFFSET 36u
#define STATE_BLOCK_OFFSET 44u
#define STATE_CHECK_OFFSET 108u

static const uint8_t state_tag[4] = {'N', 'U', 'S', '2'};

static void put_u32(uint8_t *out, uint32_t value)
{
    out[0] = (uint8_t)value;
    out[1] = (uint8_t)(value >> 8);
    out[2] = (uint8_t)(value >> 16);
    out[3] = (uint8_t)(value >> 24);
}

static uint32_t get_u32(const uint8_t *in)
{
    return (uint32_t)in[0] | ((uint32_t)in[1] << 8) | ((uint32_t)in[2] << 16) | ((uint32_t)in[3] << 24);
}

static void store(const mbedtls_sha256_context *context, uint8_t *state)
{
    uint32_t low = context->MBEDTLS_PRIVATE(total)[0];
    uint32_t high = context->MBEDTLS_PRIVATE(total)[1];
    unsigned i;

    memcpy(state + STATE_TAG_OFFSET, state_tag, sizeof state_tag);
    for (i = 0; i < 8u; i++) {
        put_u32(state + STATE_WORDS_OFFSET + 4u * i, context->MBEDTLS_PRIVATE(state)[i]);
    }
    put_u32(state + STATE_COUNT_OFFSET, low);
    put_u32(state + STATE_COUNT_OFFSET + 4u, high);
    memcpy(state + STATE_BLOCK_OFFSET, context->MBEDTLS_PRIVATE(buffer), 64u);
    put_u32(state + STATE_CHECK_OFFSET, ~low);
}

/* Returns 0 when the buffer holds a state written by store(), else NU_CRYPTO_BAD_ARGUMENT. */
static int load(const uint8_t *state, mbedtls_sha256_context *context)
{
    uint32_t low;
    unsigned i;

    if (memcmp(state + STATE_TAG_OFFSET, state_tag, sizeof state_tag) != 0) {
        return NU_CRYPTO_BAD_ARGUMENT;
    }
    low = get_u32(state + STATE_COUNT_OFFSET);
    if (get_u32(state + STATE_CHECK_OFFSET) != ~low) {
        return NU_CRYPTO_BAD_ARGUMENT;
    }
    mbedtls_sha256_init(context);
    if (nu_mbedtls_sha256_starts(context) != 0) {
        mbedtls_sha256_free(context);
        return NU_CRYPTO_BACKEND_ERROR;
    }
    for (i = 0; i < 8u; i++) {
        context->MBEDTLS_PRIVATE(state)[i] = get_u32(state + STATE_WORDS_OFFSET + 4u * i);
    }
    context->MBEDTLS_PRIVATE(total)[0] = low;
    context->MBEDTLS_PRIVATE(total)[1] = get_u32(state + STATE_COUNT_OFFSET + 4u);
    memcpy(context->MBEDTLS_PRIVATE(buffer), state + STATE_BLOCK_OFFSET, 64u);
    return 0;
}

int nu_crypto_sha256_init(uint8_t state[NU_CRYPTO_SHA256_STATE_SIZE])
{
    mbedtls_sha256_context context;
    int result = 0;

    if (state == NULL) {
        return NU_CRYPTO_BAD_ARGUMENT;
    }
    mbedtls_sha256_init(&context);
    if (nu_mbedtls_sha256_starts(&context) != 0) {
        result = NU_CRYPTO_BACKEND_ERROR;
    } else {
        store(&context, state);
    }
    mbedtls_sha256_free(&context);
    return result;
}

int nu_crypto_sha256_update(uint8_t state[NU_CRYPTO_SHA256_STATE_SIZE], const uint8_t *data, size_t length)
{
    mbedtls_sha256_context context;
    int result;

    if (state == NULL || (data == NULL && length != 0u)) {
        return NU_CRYPTO_BAD_ARGUMENT;
    }
    result = load(state, &context);
    if (result != 0) {
        return result;
    }
    if (length != 0u && nu_mbedtls_sha256_update(&context, data, length) != 0) {
        result = NU_CRYPTO_BACKEND_ERROR;
    } else {
        store(&context, state);
    }
    mbedtls_sha256_free(&context);
    return result;
}

int nu_crypto_sha256_final(uint8_t state[NU_CRYPTO_SHA256_STATE_SIZE], uint8_t digest[32])
{
    mbedtls_sha256_context context;
    int result;

    if (state == NULL || digest == NULL) {
        return NU_CRYPTO_BAD_ARGUMENT;
    }
    result = load(state, &context);
    if (result != 0) {
        return result;
    }
    if (nu_mbedtls_sha256_finish(&context, digest) != 0) {
        result = NU_CRYPTO_BACKEND_ERROR;
    }
    mbedtls_sha256_free(&context);
    if (result == 0) {
        result = nu_crypto_sha256_init(state);
    }
    return result;
}

int nu_crypto_sha256(const uint8_t *data, size_t length, uint8_t digest[32])
{
    mbedtls_sha256_context context;
    int result = 0;

    if ((data == NULL && length != 0u) || digest == NULL) {
        return NU_CRYPTO_BAD_ARGUMENT;
    }
    mbedtls_sha256_init(&context);
    if (nu_mbedtls_sha256_starts(&context) != 0 ||
        (length != 0u && nu_mbedtls_sha256_update(&context, data, length) != 0) ||
        nu_mbedtls_sha256_finish(&context, digest) != 0) {
        result = NU_CRYPTO_BACKEND_ERROR;
    }
    mbedtls_sha256_free(&context);
    return result;
}
