/*
 * The swap stage's platform description for this board: the contract's STM32F769 + W25Q128JV layout
 * (nu_platform_init_stm32f769_w25q128) completed with the keys built into the booter.
 *
 * Keys arrive as SubjectPublicKeyInfo DER blobs, exactly what `nanoupdate getpub --encoding c` (like imgtool's
 * `getpub --encoding c`) prints. Their SHA-256 is what an image's key-hash TLV (0x01) must equal; a P-256 key also
 * yields the 65-byte point the signature build of the stage needs. Any other blob (RSA, a raw key, a truncated
 * array) is refused, so a wrong header cannot silently leave the board trusting nothing, or something else.
 */
#ifndef NU_BOARD_PLATFORM_H
#define NU_BOARD_PLATFORM_H

#include <stdint.h>

#include "nu_swap_stage.h"

#ifdef __cplusplus
extern "C" {
#endif

#define NU_BOARD_MAX_KEYS 4u
#define NU_BOARD_ERR_KEY_FORMAT (-30) /* a blob is neither a P-256 nor an Ed25519 SubjectPublicKeyInfo */
#define NU_BOARD_ERR_KEY_COUNT (-31)  /* no key, or more than NU_BOARD_MAX_KEYS */

typedef struct nu_board_key {
    const uint8_t *der;
    uint32_t length;
} nu_board_key_t;

/* Storage the platform points into; must outlive every use of the platform (the booter keeps it static). */
typedef struct nu_board_key_storage {
    uint8_t key_hashes[NU_BOARD_MAX_KEYS][32];
    uint8_t p256_points[NU_BOARD_MAX_KEYS][65];
} nu_board_key_storage_t;

/* Fills platform. Returns 0, NU_BOARD_ERR_KEY_FORMAT or NU_BOARD_ERR_KEY_COUNT. */
int nu_board_platform_init(nu_platform_t *platform, nu_board_key_storage_t *storage, const nu_board_key_t *keys,
                           uint32_t key_count);

/* The keys compiled into this firmware (nu_trusted_keys.c, from the generated header). */
const nu_board_key_t *nu_board_trusted_keys(uint32_t *count);

#ifdef __cplusplus
}
#endif

#endif /* NU_BOARD_PLATFORM_H */
