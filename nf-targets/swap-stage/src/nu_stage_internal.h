/* Shared internals of the swap stage: the run context, the checked flash wrappers, and each module's entry points. */
#ifndef NU_STAGE_INTERNAL_H
#define NU_STAGE_INTERNAL_H

#include "nu_swap_stage.h"

/* One buffer size for every streamed copy, compare and hash: a NOR page, and small enough for the booter's stack. */
#define NU_CHUNK 256u
#define NU_NOR_PAGE 256u
#define NU_NOR_SECTOR 4096u
#define NU_NOR_BLOCK 65536u
#define NU_TRAILER_SIZE 48u
#define NU_RECORD_SECTOR 4096u
#define NU_RECORD_BODY_MAX 4032u /* H + T */
#define NU_JOURNAL_RECORD 32u
#define NU_JOURNAL_SLOTS 128u
#define NU_JOURNAL_MIN_BLANK 24u
#define NU_IMAGE_HEADER_SIZE 32u
#define NU_IMAGE_MAGIC 0x96f3b83du

/* Propagates any non-zero status at once: every flash call's result is checked, nothing continues after an error. */
#define NU_TRY(expr)                                                                                                   \
    do {                                                                                                               \
        int nu_try_rc_ = (expr);                                                                                       \
        if (nu_try_rc_ != 0) {                                                                                         \
            return nu_try_rc_;                                                                                         \
        }                                                                                                              \
    } while (0)

typedef struct nu_ctx {
    const nu_flash_hal_t *hal;
    const nu_platform_t *platform;
    nu_report_t *report;
} nu_ctx_t;

int nu_ctx_init(nu_ctx_t *ctx, const nu_flash_hal_t *hal, const nu_platform_t *platform, nu_report_t *report);
const nu_region_layout_t *nu_region(const nu_ctx_t *ctx, uint32_t kind);
nu_kind_report_t *nu_kind_report(const nu_ctx_t *ctx, uint32_t kind);

/* ---- flash (nu_flash.c): HAL calls with their result checked and counted ---- */
int nu_nor_read(const nu_ctx_t *ctx, uint32_t offset, uint8_t *buffer, uint32_t length);
int nu_nor_program(const nu_ctx_t *ctx, uint32_t offset, const uint8_t *data, uint32_t length); /* splits pages */
int nu_nor_erase_range(const nu_ctx_t *ctx, uint32_t offset, uint32_t length); /* 4 KiB multiple, 64 KiB blocks used */
int nu_internal_read(const nu_ctx_t *ctx, uint32_t address, uint8_t *buffer, uint32_t length);
int nu_internal_program(const nu_ctx_t *ctx, uint32_t address, const uint8_t *data, uint32_t length);
int nu_internal_erase(const nu_ctx_t *ctx, const nu_internal_sector_t *sector);

/* A byte range in RAM, the internal flash or the NOR; reads past length return erased bytes (a payload followed by
 * the erased rest of its region). */
typedef struct nu_span {
    const uint8_t *ram; /* the bytes, when they are in RAM */
    uint32_t base;      /* internal address or NOR offset otherwise */
    uint32_t length;
    uint8_t internal;
} nu_span_t;
int nu_span_read(const nu_ctx_t *ctx, const nu_span_t *span, uint32_t offset, uint8_t *buffer, uint32_t length);

/* Streams [offset, offset + length) of a span through whichever consumers are set: SHA-256, a CRC, and programming
 * to an erased NOR destination (erased chunks are skipped). */
#define NU_NOWHERE 0xFFFFFFFFu
typedef struct nu_feed {
    struct nu_sha256 *sha;
    uint32_t (*crc_update)(uint32_t crc, const uint8_t *data, uint32_t length);
    uint32_t crc;
    uint32_t nor_destination;
} nu_feed_t;
int nu_feed(const nu_ctx_t *ctx, const nu_span_t *span, uint32_t offset, uint32_t length, nu_feed_t *feed);
void nu_feed_init(nu_feed_t *feed);

/* ---- images (nu_image.c) ---- */
/* An MCUboot image wherever its parts are: in a slot all three spans are on the NOR; for an installed image the
 * header and TLVs are in the record and the payload is the region. */
typedef struct nu_image {
    nu_image_info_t info;
    nu_span_t header;           /* header + padding, header_size bytes */
    nu_span_t payload;          /* image_size bytes */
    nu_span_t tlvs;             /* protected + unprotected areas, tlv_size bytes */
    uint32_t signature_offset;  /* within tlvs, valid when info.has_signature */
    uint32_t signature_length;
} nu_image_t;

/* Parses the 32-byte header at the start of image->header into image->info: 0, NU_REJECT_LAYOUT, or < 0. */
int nu_image_read_header(const nu_ctx_t *ctx, nu_image_t *image);
/* Walks the TLV areas in image->tlvs, whose length is the limit on input and the areas' size on output:
 * 0, NU_REJECT_LAYOUT or NU_REJECT_SIZE, or < 0 on a flash error. */
int nu_image_parse_tlvs(const nu_ctx_t *ctx, nu_image_t *image);
/* Loads an image kept in a slot. 0, NU_REJECT_*, or < 0. */
int nu_image_load_slot(const nu_ctx_t *ctx, uint32_t kind, uint32_t slot_offset, nu_image_t *image);
/* SHA-256 over header + padding + payload + protected TLVs; payload NULL means the image's own payload span. */
int nu_image_hash(const nu_ctx_t *ctx, const nu_image_t *image, const nu_span_t *payload, uint8_t digest[32]);
/* Everything nu_slot_check checks; require_key: staging sources (key hash trusted, signature in the secure build). */
int nu_image_check_slot(const nu_ctx_t *ctx, uint32_t kind, uint32_t slot_offset, int require_key, nu_image_t *image);
int nu_version_compare(const nu_image_info_t *a, const nu_image_info_t *b);

#ifdef NU_SWAP_STAGE_VERIFY_SIGNATURE
/* nu_signature_p256.c: 0 when the signature TLV verifies with the trusted key selected by the key hash, else
 * NU_REJECT_SIGNATURE, or < 0 on a flash error. */
int nu_signature_check(const nu_ctx_t *ctx, const nu_image_t *image, const uint8_t digest[32]);
/* The pieces, for the Wycheproof test: 0 or NU_REJECT_SIGNATURE; SHA-256 of the key's SubjectPublicKeyInfo DER. */
int nu_p256_verify(const uint8_t point[65], const uint8_t digest[32], const uint8_t *der, uint32_t length);
void nu_p256_key_hash(const uint8_t point[65], uint8_t hash[32]);
#endif

/* ---- trailers (nu_trailer.c) ---- */
extern const uint8_t nu_trailer_magic[16];
int nu_request_read(const nu_ctx_t *ctx, uint32_t kind);
int nu_request_consume(const nu_ctx_t *ctx, uint32_t kind);
/* Record trailer: copy_done (TEST pending) or image_ok, then the magic (the commit point). */
int nu_record_commit(const nu_ctx_t *ctx, uint32_t kind, int test_pending);
int nu_record_set_image_ok(const nu_ctx_t *ctx, uint32_t kind);

/* ---- installed records (nu_record.c) ---- */
/* Returns NU_RECORD_*, or < 0; image is filled (header/TLVs in the record, payload in the region) when present. */
int nu_record_load(const nu_ctx_t *ctx, uint32_t kind, nu_image_t *image);
/* Erase, body from the source image, copy_done (TEST) or image_ok, magic last. */
int nu_record_write(const nu_ctx_t *ctx, uint32_t kind, const nu_image_t *source, int test_pending);
int nu_record_erase(const nu_ctx_t *ctx, uint32_t kind);

/* ---- journal (nu_journal.c) ---- */
typedef struct nu_journal_kind {
    uint8_t op_type;     /* NU_JOURNAL_INSTALL_BEGIN / NU_JOURNAL_REVERT_BEGIN when in progress, else 0 */
    uint8_t op_mode;     /* install mode or revert reason */
    uint8_t op_source;   /* NU_SOURCE_* */
    uint8_t backup_done;
    uint8_t op_slot;     /* slot of the BEGIN */
    uint8_t terminal_slot; /* slot of the newest terminal record, 0 when none */
    uint16_t reserved;
    uint32_t sectors_done; /* bit n = SECTOR_DONE for internal sector number n */
    uint8_t op_digest[16];
} nu_journal_kind_t;

typedef struct nu_journal {
    uint32_t active_offset;
    uint32_t other_offset;
    uint32_t generation;
    uint32_t next_slot;
    nu_journal_kind_t kinds[NU_KIND_COUNT];
} nu_journal_t;

int nu_journal_open(const nu_ctx_t *ctx, nu_journal_t *journal);
int nu_journal_append(const nu_ctx_t *ctx, nu_journal_t *journal, uint8_t type, uint32_t kind, uint32_t arg0,
                      uint32_t arg1, const uint8_t *digest16);
/* Compacts when fewer than NU_JOURNAL_MIN_BLANK slots are blank: called before an operation begins. */
int nu_journal_make_room(const nu_ctx_t *ctx, nu_journal_t *journal);

/* ---- can-run rule (nu_can_run.c) ---- */
/* 1 runnable, 0 not, < 0 error; span is the region, or a payload about to become the region. */
int nu_span_can_run(const nu_ctx_t *ctx, uint32_t kind, const nu_span_t *span);
int nu_region_span_can_run(const nu_ctx_t *ctx, uint32_t kind);

/* ---- backup (nu_backup.c) ---- */
/* Puts the region's current image into the backup slot (skipped when already there); digest of the backup out. */
int nu_backup_region(const nu_ctx_t *ctx, uint32_t kind, uint8_t digest[32]);

/* ---- install / revert (nu_install.c) ---- */
typedef struct nu_operation {
    uint32_t kind;
    uint8_t type;   /* NU_JOURNAL_INSTALL_BEGIN or NU_JOURNAL_REVERT_BEGIN */
    uint8_t mode;   /* NU_MODE_* or revert reason */
    uint8_t source; /* NU_SOURCE_* */
    nu_image_t image;
} nu_operation_t;

/* Runs an operation from wherever the journal says it stands (a new one starts with its BEGIN record). */
int nu_operation_run(const nu_ctx_t *ctx, nu_journal_t *journal, const nu_operation_t *op);
uint32_t nu_slot_offset(const nu_ctx_t *ctx, uint32_t kind, uint32_t source);

#endif /* NU_STAGE_INTERNAL_H */
