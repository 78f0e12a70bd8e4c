/*
 * The board's platform description: the contract's layout from the swap stage, and trusted keys taken from the
 * generated key header (compiled through nu_trusted_keys.c exactly as in the booter, with a sample header in the
 * getpub format). Expected hashes are SHA-256 of the SubjectPublicKeyInfo DER, the value of MCUboot's TLV 0x01.
 */
#include <string.h>

#include "check.h"
#include "nu_board_platform.h"

static const uint8_t ecdsa_key_hash[32] = {0x09, 0x59, 0xb8, 0xa3, 0x2c, 0xed, 0x68, 0xa7, 0x8e, 0x40, 0x88,
                                           0x6d, 0x18, 0xb7, 0x01, 0x09, 0x8c, 0x14, 0x64, 0x97, 0xc5, 0x17,
                                           0x90, 0xce, 0x54, 0x94, 0x56, 0xdd, 0xfe, 0xf3, 0xec, 0xe9};
/* Wycheproof ed25519_test.json group 1, publicKeyDer. */
static const uint8_t ed25519_spki[44] = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21,
                                         0x00, 0x7d, 0x4d, 0x0e, 0x7f, 0x61, 0x53, 0xa6, 0x9b, 0x62, 0x42,
                                         0xb5, 0x22, 0xab, 0xbe, 0xe6, 0x85, 0xfd, 0xa4, 0x42, 0x0f, 0x88,
                                         0x34, 0xb1, 0x08, 0xc3, 0xbd, 0xae, 0x36, 0x9e, 0xf5, 0x49, 0xfa};
static const uint8_t ed25519_key_hash[32] = {0x71, 0xd4, 0xc0, 0x3f, 0xb1, 0x70, 0x5e, 0x84, 0x09, 0xa1, 0x7b,
                                             0x44, 0x8f, 0x34, 0x3c, 0xb3, 0xc4, 0xaa, 0x03, 0xb5, 0xf7, 0xb9,
                                             0x8b, 0xea, 0x5f, 0x02, 0xa0, 0x63, 0xef, 0xcf, 0x7d, 0x67};

static nu_board_key_storage_t storage;

/* The booter's HAL has all six callbacks (nu_booter_swap.c); for nu_platform_check only their presence matters. */
static int no_read(void *context, uint32_t at, uint8_t *buffer, uint32_t length)
{
    (void)context, (void)at, (void)buffer, (void)length;
    return -1;
}

static int no_program(void *context, uint32_t at, const uint8_t *data, uint32_t length)
{
    (void)context, (void)at, (void)data, (void)length;
    return -1;
}

static int no_sector_erase(void *context, uint32_t sector_address)
{
    (void)context, (void)sector_address;
    return -1;
}

static int no_erase(void *context, uint32_t offset, uint32_t length)
{
    (void)context, (void)offset, (void)length;
    return -1;
}

static const nu_flash_hal_t booter_shaped_hal = {0, no_read, no_program, no_sector_erase, no_read, no_program, no_erase};

static void compiled_in_key(void)
{
    nu_platform_t platform;
    nu_platform_t reference;
    uint32_t count = 0;
    const nu_board_key_t *keys = nu_board_trusted_keys(&count);

    CHECK(count == 1 && keys[0].length == 91, "one 91-byte P-256 SubjectPublicKeyInfo compiled in");
    CHECK(nu_board_platform_init(&platform, &storage, keys, count) == 0, "platform built");
    CHECK(platform.trusted_key_hash_count == 1 && memcmp(platform.trusted_key_hashes, ecdsa_key_hash, 32) == 0,
          "trusted key hash = SHA-256 of the DER");
    CHECK(platform.trusted_p256_key_count == 1 && platform.trusted_p256_keys[0] == 0x04 &&
              memcmp(platform.trusted_p256_keys + 1, keys[0].der + 27, 64) == 0,
          "uncompressed point for the signature build");

    nu_platform_init_stm32f769_w25q128(&reference);
    CHECK(memcmp(platform.regions, reference.regions, sizeof reference.regions) == 0 &&
              platform.sector_count == reference.sector_count &&
              memcmp(platform.journal_offsets, reference.journal_offsets, sizeof reference.journal_offsets) == 0,
          "layout is the contract's, from the swap stage");
    CHECK(platform.regions[0].region_address == 0x08010000u && platform.regions[1].region_address == 0x080C0000u,
          "nanoCLR and deployment regions at the board's flash map");
    CHECK(nu_platform_check(&booter_shaped_hal, &platform) == NU_OK,
          "the booter's platform passes the stage's check (which nu_swap_stage_run leaves to this test)");
}

static void key_formats(void)
{
    nu_platform_t platform;
    uint32_t count;
    const nu_board_key_t *p256 = nu_board_trusted_keys(&count);
    nu_board_key_t keys[5];
    uint8_t wrong[91];

    keys[0] = p256[0];
    keys[1].der = ed25519_spki;
    keys[1].length = sizeof ed25519_spki;
    CHECK(nu_board_platform_init(&platform, &storage, keys, 2) == 0, "P-256 and Ed25519 keys together");
    CHECK(platform.trusted_key_hash_count == 2 && memcmp(platform.trusted_key_hashes + 32, ed25519_key_hash, 32) == 0,
          "Ed25519 key hash");
    CHECK(platform.trusted_p256_key_count == 1, "only the P-256 key yields a point");

    memcpy(wrong, p256[0].der, sizeof wrong);
    wrong[5] ^= 0x01; /* another algorithm OID */
    keys[0].der = wrong;
    keys[0].length = sizeof wrong;
    CHECK(nu_board_platform_init(&platform, &storage, keys, 1) == NU_BOARD_ERR_KEY_FORMAT, "foreign OID refused");
    keys[0].der = p256[0].der;
    keys[0].length = 65; /* a raw point, not a SubjectPublicKeyInfo */
    CHECK(nu_board_platform_init(&platform, &storage, keys, 1) == NU_BOARD_ERR_KEY_FORMAT, "raw point refused");
    keys[0].der = NULL;
    CHECK(nu_board_platform_init(&platform, &storage, keys, 1) == NU_BOARD_ERR_KEY_FORMAT, "NULL key refused");
    CHECK(nu_board_platform_init(&platform, &storage, keys, 0) == NU_BOARD_ERR_KEY_COUNT, "no key refused");
    CHECK(nu_board_platform_init(&platform, &storage, keys, 5) == NU_BOARD_ERR_KEY_COUNT, "too many keys refused");
}

int main(void)
{
    compiled_in_key();
    key_formats();
    return summary("board platform");
}
