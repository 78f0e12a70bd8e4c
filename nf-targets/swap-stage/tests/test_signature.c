/* The secure-boot variant: the stage's ECDSA P-256 check against every Wycheproof ecdsa_secp256r1_sha256 vector
 * (valid ones accepted, invalid ones rejected, the key hash of each test key equal to SHA-256 of its SPKI DER), then
 * the stage end to end with signed images: a good signature installs; a bad, missing or unverifiable one is
 * REJECTED with reason 4 and consumed.
 * Usage: test_signature <ecdsa_secp256r1_sha256_test.json> */
#include <stdlib.h>
#include <string.h>

#include "mbedtls/ecdsa.h"

#include "check.h"
#include "device.h"
#include "nu_sha256.h"
#include "nu_stage_internal.h"

static uint32_t unhex(const char *hex, uint8_t *out, uint32_t capacity)
{
    uint32_t n = 0;
    while (hex[0] != '"' && hex[0] && hex[1] && n < capacity) {
        unsigned value;
        if (sscanf(hex, "%2x", &value) != 1) {
            break;
        }
        out[n++] = (uint8_t)value;
        hex += 2;
    }
    return n;
}

static const char *field(const char *line, const char *name)
{
    const char *at = strstr(line, name);
    return at == NULL ? NULL : strchr(at + strlen(name), '"') + 1;
}

static void wycheproof(const char *path)
{
    static char line[70000];
    static uint8_t message[4096], signature[512], point[65], der[256];
    uint32_t message_length = 0, signature_length = 0, valid = 0, invalid = 0, groups = 0, wrong = 0;
    FILE *f = fopen(path, "r");
    const char *value;
    CHECK(f != NULL);
    if (f == NULL) {
        fprintf(stderr, "Wycheproof vectors not found at %s\n", path);
        return;
    }
    while (fgets(line, sizeof(line), f) != NULL) {
        if ((value = field(line, "\"uncompressed\":")) != NULL) {
            CHECK_EQ_INT(unhex(value, point, sizeof(point)), 65);
            groups++;
        } else if ((value = field(line, "\"publicKeyDer\":")) != NULL) {
            uint8_t expected[32], ours[32];
            nu_sha256(der, unhex(value, der, sizeof(der)), expected);
            nu_p256_key_hash(point, ours);
            CHECK(memcmp(expected, ours, 32) == 0);
        } else if ((value = field(line, "\"msg\":")) != NULL) {
            message_length = unhex(value, message, sizeof(message));
        } else if ((value = field(line, "\"sig\":")) != NULL) {
            signature_length = unhex(value, signature, sizeof(signature));
        } else if ((value = field(line, "\"result\":")) != NULL) {
            uint8_t digest[32];
            int expect_valid = strncmp(value, "valid", 5) == 0, rc;
            nu_sha256(message, message_length, digest);
            rc = nu_p256_verify(point, digest, signature, signature_length);
            if ((rc == 0) != expect_valid) {
                wrong++;
            }
            CHECK_EQ_INT(rc == 0, expect_valid);
            if (expect_valid) {
                valid++;
            } else {
                invalid++;
            }
        }
    }
    fclose(f);
    printf("wycheproof ecdsa_secp256r1_sha256: %u groups, %u valid accepted, %u invalid rejected, %u wrong\n", groups,
           valid, invalid, wrong);
    CHECK(valid > 100 && invalid > 100);
}

/* A deterministic P-256 key pair and signer for the images (RFC 6979 nonces through mbedTLS). */
typedef struct signer {
    mbedtls_ecdsa_context key;
    uint8_t point[65];
    uint8_t key_hash[32];
} signer_t;

static int counter_rng(void *state, unsigned char *out, size_t length)
{
    uint32_t *counter = state;
    size_t i;
    for (i = 0; i < length; i++) {
        *counter = *counter * 1103515245u + 12345u;
        out[i] = (unsigned char)(*counter >> 16);
    }
    return 0;
}

static void signer_init(signer_t *s, uint8_t seed)
{
    uint8_t secret[32];
    uint32_t rng = seed;
    size_t length = 0;
    memset(secret, seed, sizeof(secret));
    secret[0] = 0x01;
    mbedtls_ecdsa_init(&s->key);
    CHECK(mbedtls_ecp_group_load(&s->key.grp, MBEDTLS_ECP_DP_SECP256R1) == 0);
    CHECK(mbedtls_mpi_read_binary(&s->key.d, secret, sizeof(secret)) == 0);
    CHECK(mbedtls_ecp_mul(&s->key.grp, &s->key.Q, &s->key.d, &s->key.grp.G, counter_rng, &rng) == 0);
    CHECK(mbedtls_ecp_point_write_binary(&s->key.grp, &s->key.Q, MBEDTLS_ECP_PF_UNCOMPRESSED, &length, s->point,
                                         sizeof(s->point)) == 0);
    CHECK_EQ_INT(length, 65);
    nu_p256_key_hash(s->point, s->key_hash);
}

static uint32_t sign_digest(const uint8_t digest[32], uint8_t der[72], void *context)
{
    signer_t *s = context;
    uint32_t rng = 7;
    size_t length = 0;
    CHECK(mbedtls_ecdsa_write_signature(&s->key, MBEDTLS_MD_SHA256, digest, 32, der, &length, counter_rng, &rng) ==
          0);
    return (uint32_t)length;
}

static void make_signed(test_image_t *image, signer_t *s, uint32_t seed, int with_signature)
{
    image_spec_t spec;
    uint8_t *payload = malloc(100000);
    payload_nanoclr(payload, 100000, seed);
    memset(&spec, 0, sizeof(spec));
    spec.load_address = 0x08010000u;
    spec.header_size = 0x200;
    spec.payload = payload;
    spec.payload_size = 100000;
    spec.version_major = 2;
    spec.key_hash = s->key_hash;
    spec.sign = with_signature ? sign_digest : NULL;
    spec.signer = s;
    test_image_make_from_spec(image, NU_KIND_NANOCLR, &spec);
    free(payload);
}

static void expect_outcome(device_t *d, const test_image_t *staged, int installed, int reason)
{
    nu_report_t report;
    device_stage(d, staged, NU_REQUEST_PERMANENT);
    CHECK_EQ_INT(device_boot(d, &report), NU_OK);
    CHECK_EQ_INT(device_region_holds(d, staged), installed);
    CHECK_EQ_INT(report.kinds[0].reject_reason, reason);
    CHECK_EQ_INT(device_request_state(d, NU_KIND_NANOCLR), NU_REQUEST_NONE);
}

static void stage_with_signatures(void)
{
    static device_t d;
    static uint8_t key_hashes[64], points[65];
    signer_t trusted, other;
    test_image_t good, unsigned_image, by_other, broken;

    signer_init(&trusted, 3);
    signer_init(&other, 9);
    device_init(&d);
    memcpy(key_hashes, trusted.key_hash, 32);
    memcpy(key_hashes + 32, other.key_hash, 32); /* trusted by hash, but no public key to check it with */
    memcpy(points, trusted.point, 65);
    d.platform.trusted_key_hashes = key_hashes;
    d.platform.trusted_key_hash_count = 2;
    d.platform.trusted_p256_keys = points;
    d.platform.trusted_p256_key_count = 1;

    make_signed(&good, &trusted, 1, 1);
    make_signed(&unsigned_image, &trusted, 2, 0);
    make_signed(&by_other, &other, 3, 1);
    make_signed(&broken, &trusted, 4, 1);
    broken.bytes[broken.length - 10] ^= 0x01; /* inside the signature's s value: the digest is unchanged */

    expect_outcome(&d, &unsigned_image, 0, NU_REJECT_SIGNATURE);
    expect_outcome(&d, &by_other, 0, NU_REJECT_SIGNATURE);
    expect_outcome(&d, &broken, 0, NU_REJECT_SIGNATURE);
    expect_outcome(&d, &good, 1, 0);
    d.platform.trusted_key_hash_count = 0;
    expect_outcome(&d, &by_other, 0, NU_REJECT_KEY);
    CHECK(d.flash.violation == NULL);

    test_image_free(&good);
    test_image_free(&unsigned_image);
    test_image_free(&by_other);
    test_image_free(&broken);
    mbedtls_ecdsa_free(&trusted.key);
    mbedtls_ecdsa_free(&other.key);
    device_free(&d);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_signature <ecdsa_secp256r1_sha256_test.json>\n");
        return 2;
    }
    wycheproof(argv[1]);
    stage_with_signatures();
    CHECK_EXIT("test_signature");
}
