/* Secure-boot build only (NU_SWAP_STAGE_VERIFY_SIGNATURE): the image's ECDSA P-256 signature TLV (0x22, DER
 * SEQUENCE{r, s} over the SHA-256 digest) checked with mbedTLS against the trusted key the key-hash TLV names.
 * mbedTLS allocates its bignums with mbedtls_calloc: in nanoBooter give it a static arena
 * (MBEDTLS_MEMORY_BUFFER_ALLOC_C); the stage itself still allocates nothing. */
#include "mbedtls/ecdsa.h"

#include "nu_bytes.h"
#include "nu_sha256.h"
#include "nu_stage_internal.h"

/* SubjectPublicKeyInfo DER of a P-256 key, everything before the 65-byte uncompressed point: the key hash TLV is
 * SHA-256 of prefix || point. */
static const uint8_t spki_prefix[26] = {0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01,
                                        0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00};

void nu_p256_key_hash(const uint8_t point[65], uint8_t hash[32])
{
    nu_sha256_t sha;
    nu_sha256_init(&sha);
    nu_sha256_update(&sha, spki_prefix, sizeof(spki_prefix));
    nu_sha256_update(&sha, point, 65);
    nu_sha256_final(&sha, hash);
}

/* One DER INTEGER, minimally encoded and positive, 1..33 bytes; returns its total length or 0. */
static uint32_t der_integer(const uint8_t *p, uint32_t available)
{
    uint32_t length;
    if (available < 3 || p[0] != 0x02) {
        return 0;
    }
    length = p[1];
    if (length == 0 || length > 33 || length + 2 > available || (p[2] & 0x80) != 0 ||
        (length > 1 && p[2] == 0 && (p[3] & 0x80) == 0)) {
        return 0;
    }
    return length + 2;
}

/* Strict DER: SEQUENCE with a short-form length covering exactly two INTEGERs (a P-256 signature is at most 72 bytes,
 * so a long-form length is never minimal). mbedTLS alone accepts some BER forms. */
static int strict_der_signature(const uint8_t *der, uint32_t length)
{
    uint32_t r, s;
    if (length < 8 || der[0] != 0x30 || der[1] != length - 2) {
        return 0;
    }
    r = der_integer(der + 2, length - 2);
    s = r == 0 ? 0 : der_integer(der + 2 + r, length - 2 - r);
    return s != 0 && 2 + r + s == length;
}

int nu_p256_verify(const uint8_t point[65], const uint8_t digest[32], const uint8_t *der, uint32_t length)
{
    mbedtls_ecdsa_context ecdsa;
    int valid;
    if (!strict_der_signature(der, length)) {
        return NU_REJECT_SIGNATURE;
    }
    mbedtls_ecdsa_init(&ecdsa);
    valid = mbedtls_ecp_group_load(&ecdsa.grp, MBEDTLS_ECP_DP_SECP256R1) == 0 &&
            mbedtls_ecp_point_read_binary(&ecdsa.grp, &ecdsa.Q, point, 65) == 0 &&
            mbedtls_ecp_check_pubkey(&ecdsa.grp, &ecdsa.Q) == 0 &&
            mbedtls_ecdsa_read_signature(&ecdsa, digest, 32, der, length) == 0;
    mbedtls_ecdsa_free(&ecdsa);
    return valid ? 0 : NU_REJECT_SIGNATURE;
}

int nu_signature_check(nu_ctx_t *ctx, const nu_image_t *image, const uint8_t digest[32])
{
    const nu_platform_t *platform = ctx->platform;
    uint8_t signature[72];
    uint32_t i;

    if (!image->info.has_signature || platform->trusted_p256_keys == 0) {
        return NU_REJECT_SIGNATURE;
    }
    nu_span_read(ctx, &image->part[NU_TLVS], image->signature_offset, signature, image->signature_length);
    for (i = 0; i < platform->trusted_p256_key_count; i++) {
        const uint8_t *point = platform->trusted_p256_keys + 65u * i;
        uint8_t hash[32];
        nu_p256_key_hash(point, hash);
        if (nu_bytes_equal(hash, image->info.key_hash, 32)) {
            return nu_p256_verify(point, digest, signature, image->signature_length);
        }
    }
    return NU_REJECT_SIGNATURE;
}
