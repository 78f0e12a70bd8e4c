/*
 * Stm32NanoUpdater swap stage: the public interface.
 *
 * The stage runs once per boot, before nanoBooter decides to launch the CLR. It reads the durable state on the
 * external NOR (journal, installed records, update requests — nf-targets/docs/update-contract.md), finishes or starts
 * whatever that state asks for (resume, revert, install, recovery), and returns. It owns no memory between runs: all
 * state lives in flash, all working memory on the caller's stack (see README.md for the measured depth).
 *
 * The same C runs in nanoBooter (ChibiOS adapters), in host tests, in QEMU and inside a .NET simulator through
 * P/Invoke. Hence: plain structs, plain function pointers with a context pointer, fixed-width integers, no varargs,
 * no callbacks that unwind. This header is the stable ABI (NU_SWAP_STAGE_ABI_VERSION).
 */
#ifndef NU_SWAP_STAGE_H
#define NU_SWAP_STAGE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(NU_SWAP_STAGE_SHARED) && defined(_WIN32)
#define NU_API __declspec(dllexport)
#elif defined(NU_SWAP_STAGE_SHARED)
#define NU_API __attribute__((visibility("default")))
#else
#define NU_API
#endif

#define NU_SWAP_STAGE_ABI_VERSION 2u

/* ---- Flash HAL ------------------------------------------------------------------------------------------------ */

/*
 * Every callback returns 0 on success. Any other value (a flash error, a verify error, a simulated power loss) makes
 * the stage stop at once and return NU_ERR_HAL, with the callback's value in nu_report_t.hal_error.
 *
 * Calls the stage makes (an adapter may rely on these):
 *  - internal_read: any address/length inside the platform's sectors.
 *  - internal_program: address and length are multiples of 4, 4 <= length <= 256, never crossing a sector; the
 *    target bytes are erased (the stage erases before it programs).
 *  - internal_erase_sector: sector_address is the start address of one sector of nu_platform_t.sectors.
 *  - nor_read: any offset/length inside the NOR.
 *  - nor_program: 1 <= length <= 256, never crossing a 256-byte page. Programming only clears bits.
 *  - nor_erase: length is 4096 (sector erase, 0x20) or 65536 (block erase, 0xD8); offset is aligned to length.
 */
typedef struct nu_flash_hal {
    void *context;
    int (*internal_read)(void *context, uint32_t address, uint8_t *buffer, uint32_t length);
    int (*internal_program)(void *context, uint32_t address, const uint8_t *data, uint32_t length);
    int (*internal_erase_sector)(void *context, uint32_t sector_address);
    int (*nor_read)(void *context, uint32_t offset, uint8_t *buffer, uint32_t length);
    int (*nor_program)(void *context, uint32_t offset, const uint8_t *data, uint32_t length);
    int (*nor_erase)(void *context, uint32_t offset, uint32_t length);
} nu_flash_hal_t;

/* ---- Platform description ------------------------------------------------------------------------------------- */

#define NU_KIND_NANOCLR 1u
#define NU_KIND_DEPLOYMENT 2u
#define NU_KIND_COUNT 2u

typedef struct nu_internal_sector {
    uint32_t address;
    uint32_t size;
    uint32_t number; /* the MCU's sector number, written into SECTOR_DONE journal records */
} nu_internal_sector_t;

/* One image kind: its internal region and its NOR areas. regions[kind - 1] in nu_platform_t. */
typedef struct nu_region_layout {
    uint32_t region_address; /* start of the internal region = the only accepted image load address */
    uint32_t region_size;    /* must be covered exactly by whole sectors of nu_platform_t.sectors */
    uint32_t record_offset;  /* NOR offset of the 4 KiB installed-record sector */
    uint32_t staging_offset; /* NOR offset of the staging slot (request trailer at its end) */
    uint32_t backup_offset;  /* NOR offset of the backup slot */
    uint32_t slot_size;      /* size of both slots, a multiple of 64 KiB */
} nu_region_layout_t;

typedef struct nu_platform {
    const nu_internal_sector_t *sectors; /* in address order */
    uint32_t sector_count;
    nu_region_layout_t regions[NU_KIND_COUNT];
    uint32_t journal_offsets[2]; /* NOR offsets of journal sectors J0 and J1 */
    uint32_t sram_start;         /* a plausible initial stack pointer is in (sram_start, sram_end] */
    uint32_t sram_end;
    const uint8_t *trusted_key_hashes; /* trusted_key_hash_count x 32 bytes: SHA-256 of each key's SPKI DER */
    uint32_t trusted_key_hash_count;
    /* Signature build only (NU_SWAP_STAGE_VERIFY_SIGNATURE): trusted_p256_key_count x 65 bytes, uncompressed P-256
     * points 04||X||Y. An image's key-hash TLV selects the key whose SPKI hash equals it. Ignored otherwise. */
    const uint8_t *trusted_p256_keys;
    uint32_t trusted_p256_key_count;
} nu_platform_t;

/* Fills the contract's layout: STM32F769 single bank (nanoCLR S2-S6, deployment S7-S11), W25Q128JV NOR map,
 * SRAM 0x20000000-0x2007FFFF. Leaves the key fields empty: set them before running. */
NU_API void nu_platform_init_stm32f769_w25q128(nu_platform_t *platform);

/* ---- Running the stage ---------------------------------------------------------------------------------------- */

#define NU_OK 0
#define NU_ERR_HAL (-1)        /* a HAL call failed; the stage stopped at once (nu_report_t.hal_error) */
#define NU_ERR_ARGUMENT (-2)   /* nu_platform_check or a query: NULL pointer, bad platform, kind/slot out of range */
#define NU_ERR_VERIFY (-3)     /* internal flash read back different from what was programmed */
#define NU_ERR_SOURCE (-4)     /* a source image changed while the stage ran (a hardware fault) */
#define NU_ERR_JOURNAL (-5)    /* the journal has no room even after compaction */
#define NU_ERR_INVALID (-6)    /* a decode helper was given bytes that are not valid */

/* What happened to one kind during a run (bits of nu_kind_report_t.actions). */
#define NU_DID_RESUME (1u << 0)            /* an interrupted install or revert was continued */
#define NU_DID_INSTALL (1u << 1)           /* an image was installed (install_mode, install_source) */
#define NU_DID_REVERT (1u << 2)            /* an unconfirmed TEST image was replaced by the backup */
#define NU_DID_ADOPT (1u << 3)             /* region changed by a developer: record dropped, region kept */
#define NU_DID_REVERT_FAILED (1u << 4)     /* TEST image kept (no valid backup) and marked confirmed */
#define NU_DID_REJECT (1u << 5)            /* the pending request was rejected (reject_reason) and consumed */
#define NU_DID_RECOVER (1u << 6)           /* the region could not run and was restored (install_source) */
#define NU_DID_NO_RECOVERY_SOURCE (1u << 7) /* the region cannot run and no valid source exists */
#define NU_DID_BACKUP (1u << 8)            /* the backup slot was written */
#define NU_DID_BACKUP_SIGNED (1u << 9)     /* ...with the original signed image (otherwise an unsigned one) */
#define NU_DID_BACKUP_SKIPPED (1u << 10)   /* the backup slot already held the installed image */
#define NU_DID_REVERT_DEFERRED (1u << 11)  /* TEST image not reverted: a companion request is still pending */
#define NU_DID_CONFIRM_COMPLETED (1u << 12) /* TEST image kept: its release companion was confirmed (image_ok set) */

/* Install modes (INSTALL_BEGIN arg0), sources (arg1), reject reasons (REJECTED arg0): contract §5. */
#define NU_MODE_TEST 1u
#define NU_MODE_PERMANENT 2u
#define NU_MODE_RECOVERY 3u
#define NU_SOURCE_STAGING 1u
#define NU_SOURCE_BACKUP 2u
#define NU_REJECT_LAYOUT 1u
#define NU_REJECT_HASH 2u
#define NU_REJECT_KEY 3u
#define NU_REJECT_SIGNATURE 4u
#define NU_REJECT_SIZE 5u
#define NU_REJECT_DOWNGRADE 6u
#define NU_REJECT_LOAD_ADDRESS 7u
#define NU_REJECT_COMPANION 8u

typedef struct nu_kind_report {
    uint32_t actions;          /* NU_DID_* */
    uint8_t install_mode;      /* NU_MODE_* of the last install, 0 if none */
    uint8_t install_source;    /* NU_SOURCE_* of the last install or recovery, 0 if none */
    uint8_t reject_reason;     /* NU_REJECT_* when NU_DID_REJECT, else 0 */
    uint8_t can_run;           /* 1 when the region can run at the end of the run (checked on NU_OK only) */
    uint32_t sectors_erased;   /* internal sectors erased for this kind */
    uint32_t sectors_skipped;  /* internal sectors that already held their target */
} nu_kind_report_t;

typedef struct nu_report {
    int32_t status;    /* the value nu_swap_stage_run returned */
    int32_t hal_error; /* the failing callback's return value when status is NU_ERR_HAL */
    nu_kind_report_t kinds[NU_KIND_COUNT];
} nu_report_t; /* flash operations are not counted here: a HAL that wants the figures counts its own calls */

/* NU_OK when the HAL has every callback and the platform description is consistent (each region made of whole
 * sectors numbered below 32, slots big enough for the region plus header and TLVs, key hashes present when counted),
 * else NU_ERR_ARGUMENT. */
NU_API int nu_platform_check(const nu_flash_hal_t *hal, const nu_platform_t *platform);

/*
 * Runs the stage once over a HAL and platform that pass nu_platform_check (not re-checked here: a booter's are fixed
 * when it is built, and checked by its host test). Returns NU_OK when the flash now holds a settled state (nothing in
 * progress), else a negative NU_ERR_*; report (optional, may be NULL) says what was done. On any error the caller
 * may simply launch the CLR if its image looks valid, or stay in the booter: the next boot resumes from the journal.
 */
NU_API int nu_swap_stage_run(const nu_flash_hal_t *hal, const nu_platform_t *platform, nu_report_t *report);

/* ---- Query helpers (for the booter's log, the simulator and the vector tests) ------------------------------------ */

NU_API uint32_t nu_swap_stage_abi_version(void);

/* 1 when the kind's region can run (contract §6 "cannot run" rule), 0 when it cannot, < 0 on a HAL error. */
NU_API int nu_region_can_run(const nu_flash_hal_t *hal, const nu_platform_t *platform, uint32_t kind);

/* An MCUboot image as the stage sees it (from a slot, or from an installed record). */
typedef struct nu_image_info {
    uint32_t load_address;
    uint32_t header_size;
    uint32_t protected_tlv_size; /* 0 or the protected area's length including its 4-byte info */
    uint32_t image_size;         /* payload bytes */
    uint32_t tlv_size;           /* protected + unprotected area bytes */
    uint32_t flags;
    uint8_t version_major;
    uint8_t version_minor;
    uint16_t version_revision;
    uint32_t version_build;
    uint32_t security_counter;   /* 0 when has_security_counter is 0 */
    uint8_t has_security_counter;
    uint8_t has_key_hash;
    uint8_t has_signature;
    uint8_t reserved;
    uint8_t sha256[32];          /* the SHA-256 TLV */
    uint8_t key_hash[32];        /* the key-hash TLV, zero when absent */
} nu_image_info_t;

#define NU_SLOT_STAGING 1u
#define NU_SLOT_BACKUP 2u

/* Full check of the image in a slot as the stage does before installing it from there: layout, load address,
 * sizes, SHA-256, and for the staging slot the trusted key hash (and the signature in the signature build).
 * Returns 0 when valid, a NU_REJECT_* reason (> 0) when not, < 0 on a HAL error. info may be NULL. */
NU_API int nu_slot_check(const nu_flash_hal_t *hal, const nu_platform_t *platform, uint32_t kind, uint32_t slot,
                         nu_image_info_t *info);

/* Request trailer (last 48 bytes of a staging slot). */
#define NU_REQUEST_NONE 0
#define NU_REQUEST_TEST 1
#define NU_REQUEST_PERMANENT 2
NU_API int nu_request_decode(const uint8_t trailer[48]);
/* The same with the release-set rule (contract §3.1): a tagged request is NONE unless the companion trailer (the
 * other kind's staging trailer) has a good magic and the same tag. */
NU_API int nu_request_set_decode(const uint8_t trailer[48], const uint8_t companion[48]);

/* Installed-record trailer (last 48 bytes of a record sector). */
#define NU_RECORD_ABSENT 0
#define NU_RECORD_TEST_PENDING 1
#define NU_RECORD_CONFIRMED 2
NU_API int nu_record_trailer_decode(const uint8_t trailer[48]);
/* The same with the release-set rule (contract §4): a tagged TEST-pending record whose companion record (the other
 * kind's) is confirmed with the same tag reads NU_RECORD_CONFIRMED. */
NU_API int nu_record_set_decode(const uint8_t trailer[48], const uint8_t companion[48]);

/* Installed-record body: bytes [0, 16 + H + T) of a record sector. Returns NU_OK and fills info when magic,
 * version, sizes, CRC and the embedded image header and TLV areas are valid, else NU_ERR_INVALID. */
NU_API int nu_record_body_decode(const uint8_t *body, uint32_t length, nu_image_info_t *info);

/* Reads a kind's installed record from the NOR: returns NU_RECORD_* (< 0 on a HAL error); info filled when
 * not absent. */
NU_API int nu_record_read(const nu_flash_hal_t *hal, const nu_platform_t *platform, uint32_t kind,
                          nu_image_info_t *info);

/* Journal records (contract §5). */
#define NU_JOURNAL_SECTOR_HEADER 0x01u
#define NU_JOURNAL_INSTALL_BEGIN 0x10u
#define NU_JOURNAL_BACKUP_DONE 0x11u
#define NU_JOURNAL_SECTOR_DONE 0x12u
#define NU_JOURNAL_INSTALL_END 0x13u
#define NU_JOURNAL_REVERT_BEGIN 0x20u
#define NU_JOURNAL_REVERT_END 0x21u
#define NU_JOURNAL_REJECTED 0x30u
#define NU_JOURNAL_ADOPTED 0x31u
#define NU_JOURNAL_REVERT_FAILED 0x32u

typedef struct nu_journal_record {
    uint8_t type;
    uint8_t kind;
    uint16_t reserved; /* 0xFFFF */
    uint32_t arg0;
    uint32_t arg1;
    uint8_t digest[16];
} nu_journal_record_t;

#define NU_JOURNAL_VALID 0
#define NU_JOURNAL_BLANK 1
#define NU_JOURNAL_TORN 2
NU_API int nu_journal_decode(const uint8_t raw[32], nu_journal_record_t *record);
NU_API void nu_journal_encode(const nu_journal_record_t *record, uint8_t raw[32]);

/* The newest terminal journal record of a kind ("the result of the last attempt"): 1 found, 0 none, < 0 error. */
NU_API int nu_journal_last_result(const nu_flash_hal_t *hal, const nu_platform_t *platform, uint32_t kind,
                                  nu_journal_record_t *record);

/* CRC-32 (IEEE/zlib) and SHA-256 one-shot helpers, as used by the stage. */
NU_API uint32_t nu_crc32(const uint8_t *data, uint32_t length);
NU_API void nu_sha256(const uint8_t *data, uint32_t length, uint8_t digest[32]);

#ifdef __cplusplus
}
#endif

#endif /* NU_SWAP_STAGE_H */
