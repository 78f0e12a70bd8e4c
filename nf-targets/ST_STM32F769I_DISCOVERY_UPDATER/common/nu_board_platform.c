/* Platform description with trusted keys (see nu_board_platform.h). */
#include "nu_board_platform.h"

#include <string.h>

#include "nu_sha256.h"

/* SubjectPublicKeyInfo prefixes (RFC 5480 id-ecPublicKey + prime256v1, uncompressed point; RFC 8410 id-Ed25519). */
static const uint8_t p256_spki_prefix[26] = {0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01,
                                             0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00};
static const uint8_t ed25519_spki_prefix[12] = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03,
                                                0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

#define P256_SPKI_LENGTH 91u
#define ED25519_SPKI_LENGTH 44u

static int is_p256_spki(const nu_board_key_t *key)
{
    return key->length == P256_SPKI_LENGTH && memcmp(key->der, p256_spki_prefix, sizeof p256_spki_prefix) == 0 &&
           key->der[sizeof p256_spki_prefix] == 0x04;
}

static int is_ed25519_spki(const nu_board_key_t *key)
{
    return key->length == ED25519_SPKI_LENGTH &&
           memcmp(key->der, ed25519_spki_prefix, sizeof ed25519_spki_prefix) == 0;
}

int nu_board_platform_init(nu_platform_t *platform, nu_board_key_storage_t *storage, const nu_board_key_t *keys,
                           uint32_t key_count)
{
    uint32_t p256_count = 0;
    uint32_t i;

    if (keys == NULL || key_count == 0 || key_count > NU_BOARD_MAX_KEYS) {
        return NU_BOARD_ERR_KEY_COUNT;
    }
    nu_platform_init_stm32f769_w25q128(platform);
    for (i = 0; i < key_count; i++) {
        nu_sha256_t sha;
        if (keys[i].der == NULL || (!is_p256_spki(&keys[i]) && !is_ed25519_spki(&keys[i]))) {
            return NU_BOARD_ERR_KEY_FORMAT;
        }
        nu_sha256_init(&sha);
        nu_sha256_update(&sha, keys[i].der, keys[i].length);
        nu_sha256_final(&sha, storage->key_hashes[i]);
        if (is_p256_spki(&keys[i])) {
            memcpy(storage->p256_points[p256_count++], keys[i].der + sizeof p256_spki_prefix, 65u);
        }
    }
    platform->trusted_key_hashes = &storage->key_hashes[0][0];
    platform->trusted_key_hash_count = key_count;
    platform->trusted_p256_keys = p256_count != 0 ? &storage->p256_points[0][0] : NULL;
    platform->trusted_p256_key_count = p256_count;
    return 0;
}
