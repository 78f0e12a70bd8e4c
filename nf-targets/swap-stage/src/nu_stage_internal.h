/* Shared internals of the swap stage: the run context, the checked flash wrappers, and each module's entry points. */
#ifndef NU_STAGE_INTERNAL_H
#define NU_STAGE_INTERNAL_H

#include "nu_swap_stage.h"

/* One buffer size for every streamed copy, compare and hash: a NOR page, and small enough for the booter's stack. */
#define NU_CHUNK 256u
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

struct nu_journal;
struct nu_journal_kind;

/*
 * A run's context: the HAL, the platform and the report; the run's status; and the kind being worked on with its
 * region and its part of the report (nu_select_kind), so that the per-kind code takes the context alone.
 *
 * Errors are latched, not returned: every HAL result is checked by the wrapper that makes the call (nu_flash.c), and
 * the first failure (or a stage error: NU_ERR_VERIFY, NU_ERR_SOURCE, NU_ERR_JOURNAL) is kept in status. From then on
 * the wrappers make no HAL call at all (reads return erased bytes), so nothing is written, erased or reported after
 * a failure, whatever the code after it decides; the run returns status. The code in between is written as if flash
 * never failed, which is what keeps it small.
 */
typedef struct nu_ctx {
    const nu_flash_hal_t *hal;
    const nu_platform_t *platform;
    nu_report_t *report;
    int status;
    struct nu_journal *journal; /* during nu_swap_stage_run */
    uint32_t kind;
    const nu_region_layout_t *region;
    nu_kind_report_t *kind_report;
    struct nu_journal_kind *journal_kind; /* the selected kind's journal state, during nu_swap_stage_run */
} nu_ctx_t;

/* The query helpers' start: nu_platform_check, a kind and a slot (1 or 2) in range, then a context over report with
 * the kind selected. NU_OK or NU_ERR_ARGUMENT. */
int nu_query_init(nu_ctx_t *ctx, nu_report_t *report, const nu_flash_hal_t *hal, const nu_platform_t *platform,
                  uint32_t kind, uint32_t slot);
/* Selects the kind the per-kind code works on (an out-of-line call is smaller than the three stores inlined). */
void nu_select_kind(nu_ctx_t *ctx, uint32_t kind);
/* Latches a stage error (the first error is the one kept). */
void nu_fail(nu_ctx_t *ctx, int status);
/* Adds NU_DID_* bits to the selected kind's report, unless the run has failed. */
void nu_did(nu_ctx_t *ctx, uint32_t actions);

/* ---- flash (nu_flash.c): HAL calls with their result checked, latched and counted ---- */
/* The one HAL wrapper: op is NU_FLASH_READ, NU_FLASH_PROGRAM or NU_FLASH_ERASE, with NU_FLASH_INTERNAL for the
 * internal flash (address) rather than the NOR (offset). data is written by a read and only read by a program (so
 * nu_nor_program may pass const bytes). A NOR program never crosses a page (callers keep to that: fixed fields inside
 * one page, streamed data in page-aligned chunks); an internal erase takes a sector's start address. */
#define NU_FLASH_INTERNAL 1u
#define NU_FLASH_READ 0u
#define NU_FLASH_PROGRAM 2u
#define NU_FLASH_ERASE 4u
void nu_flash(nu_ctx_t *ctx, uint32_t op, uint32_t address, uint8_t *data, uint32_t length);
void nu_nor_erase_range(nu_ctx_t *ctx, uint32_t offset, uint32_t length); /* 4 KiB multiple, 64 KiB blocks used */
#define nu_nor_read(ctx, offset, buffer, length) nu_flash((ctx), NU_FLASH_READ, (offset), (buffer), (length))
#define nu_nor_program(ctx, offset, data, length)                                                                     \
    nu_flash((ctx), NU_FLASH_PROGRAM, (offset), (uint8_t *)(uintptr_t)(data), (length))

/* A byte range in RAM, the internal flash or the NOR; reads past length return erased bytes (a payload followed by
 * the erased rest of its region). For a RAM span, base is the offset of the range in ram, so a sub-range is always
 * just base + offset. */
typedef struct nu_span {
    const uint8_t *ram; /* the bytes, when they are in RAM */
    uint32_t base;      /* internal address, NOR offset, or offset into ram */
    uint32_t length;
    uint32_t internal;
} nu_span_t;
void nu_span_read(nu_ctx_t *ctx, const nu_span_t *span, uint32_t offset, uint8_t *buffer, uint32_t length);

/* Streams [offset, offset + length) of a span, 256 bytes at a time, through whichever consumers are set: SHA-256, a
 * CRC, and a destination (NOR offset, or internal address with NU_FLASH_INTERNAL in to_flags; advanced as bytes go)
 * that is programmed (NU_TO_PROGRAM: erased chunks skipped, chunks end on 256-byte boundaries of the destination),
 * compared (NU_TO_COMPARE: the first difference ends the stream, and nu_feed returns 1), or both (program, then read
 * back). The one copy/compare loop of the stage: hashing, CRCs, backup, sector compare and rewrite, record writing.
 * Stops early once the run has failed. Returns 0 unless a compared byte differed. */
#define NU_TO_PROGRAM NU_FLASH_PROGRAM /* so that the flags give nu_flash its op */
#define NU_TO_COMPARE 4u
typedef struct nu_feed {
    struct nu_sha256 *sha;
    uint32_t (*crc_update)(uint32_t crc, const uint8_t *data, uint32_t length);
    uint32_t crc; /* used only when crc_update is set */
    uint32_t to;
    uint32_t to_flags;
} nu_feed_t;
uint32_t nu_feed(nu_ctx_t *ctx, const nu_span_t *span, uint32_t offset, uint32_t length, nu_feed_t *feed);
/* nu_feed to a destination alone: 1 when a compared byte differed, else 0. */
uint32_t nu_copy(nu_ctx_t *ctx, const nu_span_t *span, uint32_t offset, uint32_t length, uint32_t to,
                 uint32_t to_flags);

/* ---- images (nu_image.c) ---- */
/* An MCUboot image wherever its parts are: in a slot all three spans are on the NOR; for an installed image the
 * header and TLVs are in the record and the payload is the region. */
#define NU_HEADER 0
#define NU_PAYLOAD 1
#define NU_TLVS 2
/* The parts first: so they and info's size fields all sit within reach of 2-byte Thumb loads and stores. */
typedef struct nu_image {
    nu_span_t part[3];         /* header + padding (header_size), payload (image_size), TLV areas (tlv_size) */
    nu_image_info_t info;
    uint32_t signature_offset; /* within the TLVs, valid when info.has_signature */
    uint32_t signature_length;
    uint8_t has_sha; /* while parsing: the SHA-256 TLV was seen */
} nu_image_t;

/* Parses the image whose header starts part[NU_HEADER] and whose TLV areas start part[NU_TLVS] (its length the
 * limit), all else in image zero: header, then TLVs; the TLV span gets its exact length. 0, NU_REJECT_LAYOUT or
 * NU_REJECT_SIZE. */
int nu_image_parse(nu_ctx_t *ctx, nu_image_t *image);
/* Loads the image kept in one of the kind's slots (NU_SOURCE_STAGING or NU_SOURCE_BACKUP): 0 or NU_REJECT_*. */
int nu_image_load_slot(nu_ctx_t *ctx, uint32_t source, nu_image_t *image);
/* SHA-256 over header + padding + payload + protected TLVs; payload NULL means the image's own payload span. 1 when
 * the digest is the image's own (info.sha256), else 0. */
int nu_image_hash(nu_ctx_t *ctx, const nu_image_t *image, const nu_span_t *payload, uint8_t digest[32]);
/* Everything nu_slot_check checks; a staging source also needs a trusted key hash (and signature, secure build). */
int nu_image_check_slot(nu_ctx_t *ctx, uint32_t source, nu_image_t *image);

#ifdef NU_SWAP_STAGE_VERIFY_SIGNATURE
/* nu_signature_p256.c: 0 when the signature TLV verifies with the trusted key selected by the key hash, else
 * NU_REJECT_SIGNATURE. */
int nu_signature_check(nu_ctx_t *ctx, const nu_image_t *image, const uint8_t digest[32]);
/* The pieces, for the Wycheproof test: 0 or NU_REJECT_SIGNATURE; SHA-256 of the key's SubjectPublicKeyInfo DER. */
int nu_p256_verify(const uint8_t point[65], const uint8_t digest[32], const uint8_t *der, uint32_t length);
void nu_p256_key_hash(const uint8_t point[65], uint8_t hash[32]);
#endif

/* ---- trailers (nu_trailer.c) ---- */
#define NU_TAG_AT 0u        /* offsets inside the 48-byte trailer: end - 48, release tag (4 bytes) */
#define NU_COPY_DONE_AT 16u /* end - 32 */
#define NU_IMAGE_OK_AT 24u  /* end - 24 */
#define NU_MAGIC_AT 32u     /* end - 16 */
int nu_request_read(nu_ctx_t *ctx, uint32_t kind); /* NU_REQUEST_*, a half release set reads NONE */
/* The selected kind's record state with the set rule: a TEST record whose release companion is confirmed reads
 * NU_RECORD_CONFIRMED. */
int nu_record_set_read(nu_ctx_t *ctx);
/* Marks the selected kind's pending request consumed (copy_done = 0x01); nothing when none is pending. */
void nu_request_consume(nu_ctx_t *ctx);
/* Record trailer: programs 0x01 at a flag offset (NU_COPY_DONE_AT, NU_IMAGE_OK_AT); commit adds the release tag
 * (TEST only), the flag, and the magic last. */
void nu_record_flag(nu_ctx_t *ctx, uint32_t at);
void nu_record_commit(nu_ctx_t *ctx, uint32_t flag_at);
/* The selected kind's record state from its trailer alone (no set rule): NU_RECORD_*. */
int nu_record_state_read(nu_ctx_t *ctx);

/* ---- installed records (nu_record.c) ---- */
/* Returns NU_RECORD_*; image is filled (header/TLVs in the record, payload in the region) when present, and its
 * digest reads erased when absent. */
int nu_record_load(nu_ctx_t *ctx, nu_image_t *image);
/* Erase, body from the source image, copy_done or image_ok (flag_at), magic last. */
void nu_record_write(nu_ctx_t *ctx, const nu_image_t *source, uint32_t flag_at);
void nu_record_erase(nu_ctx_t *ctx);

/* ---- journal (nu_journal.c) ---- */
/* A journal record's fields (contract §5): type, kind, reserved, arg0, arg1, digest prefix, CRC. */
#define NU_JOURNAL_TYPE_AT 0
#define NU_JOURNAL_KIND_AT 1
#define NU_JOURNAL_ARG0_AT 4
#define NU_JOURNAL_ARG1_AT 8
#define NU_JOURNAL_DIGEST_AT 12
#define NU_JOURNAL_CRC_AT 28

/* A kind's state in the journal. The operation in progress is its BEGIN record as journaled: begin[TYPE_AT] is
 * NU_JOURNAL_INSTALL_BEGIN or NU_JOURNAL_REVERT_BEGIN (0 when none), begin[ARG0_AT] the mode or revert reason,
 * begin[ARG1_AT] the source (NU_SOURCE_BACKUP for a revert), begin + DIGEST_AT the source image's digest prefix. */
typedef struct nu_journal_kind {
    uint32_t sectors_done; /* bit n = SECTOR_DONE for internal sector number n */
    uint8_t backup_done;
    uint8_t begin_slot;    /* slot of the BEGIN */
    uint8_t terminal_slot; /* slot of the newest terminal record, 0 when none */
    uint8_t begin[NU_JOURNAL_RECORD]; /* last: the small fields get the short (Thumb-2 16-bit) encodings */
} nu_journal_kind_t;

typedef struct nu_journal {
    uint32_t active_offset;
    uint32_t other_offset;
    uint32_t generation;
    uint32_t last_slot; /* newest non-blank slot, 0 (the header's) when none; right before kinds: zeroed with them */
    nu_journal_kind_t kinds[NU_KIND_COUNT];
} nu_journal_t;

/* Opens ctx->journal. Appends go to ctx->journal, for the selected kind; digest16 is 16 bytes (never NULL). */
void nu_journal_open(nu_ctx_t *ctx);
void nu_journal_append(nu_ctx_t *ctx, uint32_t type, uint32_t arg0, uint32_t arg1, const uint8_t *digest16);
/* Compacts when fewer than NU_JOURNAL_MIN_BLANK slots are blank: called before an operation begins. */
void nu_journal_make_room(nu_ctx_t *ctx);

/* ---- can-run rule (nu_can_run.c) ---- */
/* 1 runnable, 0 not; span is the region, or a payload about to become the region. */
int nu_span_can_run(nu_ctx_t *ctx, const nu_span_t *span);
int nu_region_span_can_run(nu_ctx_t *ctx);
void nu_region_span(const nu_ctx_t *ctx, nu_span_t *span);

/* ---- backup (nu_backup.c) ---- */
/* Puts the region's current image into the backup slot (skipped when already there), then journals BACKUP_DONE with
 * the backup's digest. */
void nu_backup_region(nu_ctx_t *ctx);

/* ---- install / revert (nu_install.c) ---- */
/* Runs the selected kind's operation in progress, which is what its BEGIN record says (nu_journal_kind_t.begin: a new
 * operation is started by journaling that record first), from wherever the journal says it stands. image is its
 * source image (for a resumed operation, the caller checked its digest against the BEGIN record's). */
void nu_operation_run(nu_ctx_t *ctx, const nu_image_t *image);

#endif /* NU_STAGE_INTERNAL_H */
