/* The journal (contract §5): two 4 KiB NOR sectors of 32-byte CRC'd records, append-only. A torn record reads as
 * absent; a non-blank slot is never programmed again; compaction copies what still matters into the other sector
 * and commits it by programming its header last. Records are handled in their raw 32-byte form throughout. */
#include <stddef.h>

#include "nu_bytes.h"
#include "nu_crc32.h"
#include "nu_stage_internal.h"

#define TYPE_AT NU_JOURNAL_TYPE_AT
#define KIND_AT NU_JOURNAL_KIND_AT
#define ARG0_AT NU_JOURNAL_ARG0_AT
#define ARG1_AT NU_JOURNAL_ARG1_AT
#define DIGEST_AT NU_JOURNAL_DIGEST_AT
#define CRC_AT NU_JOURNAL_CRC_AT

/* NU_JOURNAL_VALID, NU_JOURNAL_BLANK or NU_JOURNAL_TORN. */
static int raw_state(const uint8_t raw[32])
{
    if (nu_all_erased(raw, NU_JOURNAL_RECORD)) {
        return NU_JOURNAL_BLANK;
    }
    return nu_crc32(raw, CRC_AT) == nu_le32(raw + CRC_AT) ? NU_JOURNAL_VALID : NU_JOURNAL_TORN;
}

/* The CRC over a record's first 28 bytes, into its last 4. */
static void raw_seal(uint8_t raw[32])
{
    nu_put_le32(raw + CRC_AT, nu_crc32(raw, CRC_AT));
}

static void raw_build(uint8_t raw[32], uint32_t type, uint32_t kind, uint32_t arg0, uint32_t arg1,
                      const uint8_t *digest16)
{
    nu_put_le32(raw, 0xFFFF0000u + (kind << 8 | type)); /* reserved 0xFFFF */
    nu_put_le32(raw + ARG0_AT, arg0);
    nu_put_le32(raw + ARG1_AT, arg1);
    nu_copy_bytes(raw + DIGEST_AT, digest16, 16);
    raw_seal(raw);
}

void nu_journal_encode(const nu_journal_record_t *record, uint8_t raw[32])
{
    raw_build(raw, record->type, record->kind, record->arg0, record->arg1, record->digest);
}

int nu_journal_decode(const uint8_t raw[32], nu_journal_record_t *record)
{
    int state = raw_state(raw);
    if (state == NU_JOURNAL_VALID && record != 0) {
        record->type = raw[TYPE_AT];
        record->kind = raw[KIND_AT];
        record->reserved = nu_le16(raw + 2);
        record->arg0 = nu_le32(raw + ARG0_AT);
        record->arg1 = nu_le32(raw + ARG1_AT);
        nu_copy_bytes(record->digest, raw + DIGEST_AT, 16);
    }
    return state;
}

static int is_terminal(uint32_t type)
{
    return type == NU_JOURNAL_INSTALL_END || type == NU_JOURNAL_REVERT_END ||
           (type >= NU_JOURNAL_REJECTED && type <= NU_JOURNAL_REVERT_FAILED);
}

/* The kind's state for a valid record naming one, else NULL. */
static nu_journal_kind_t *kind_of(nu_journal_t *journal, const uint8_t raw[32])
{
    uint32_t kind = raw[KIND_AT];
    return kind - 1 < NU_KIND_COUNT ? &journal->kinds[kind - 1] : 0;
}

/* A valid record of a kind now at a slot of the active sector: the newest used slot, and what it means goes into its
 * kind's state. Shared by the scan and by appends. */
static void apply(nu_journal_t *journal, nu_journal_kind_t *k, uint32_t slot, const uint8_t raw[32])
{
    uint32_t type = raw[TYPE_AT], arg0 = nu_le32(raw + ARG0_AT);
    journal->last_slot = slot;
    if (type == NU_JOURNAL_INSTALL_BEGIN || type == NU_JOURNAL_REVERT_BEGIN) {
        nu_copy_bytes(k->begin, raw, NU_JOURNAL_RECORD);
        k->begin[ARG1_AT] |= (uint8_t)(type >> 4 & NU_SOURCE_BACKUP); /* a revert's: its arg1 is 0, its type 0x20 */
        k->backup_done = 0;
        k->sectors_done = 0;
        k->begin_slot = (uint8_t)slot;
    } else if (type == NU_JOURNAL_BACKUP_DONE) {
        k->backup_done = k->begin[TYPE_AT] == NU_JOURNAL_INSTALL_BEGIN;
    } else if (type == NU_JOURNAL_SECTOR_DONE) {
        if (k->begin[TYPE_AT] != 0 && arg0 < 32 && nu_bytes_equal(raw + DIGEST_AT, k->begin + DIGEST_AT, 16)) {
            k->sectors_done |= 1u << arg0;
        }
    } else if (is_terminal(type)) {
        k->begin[TYPE_AT] = 0;
        k->terminal_slot = (uint8_t)slot;
    }
}

/* 1 with the generation when the sector's header record is valid, else 0. */
static int read_header(nu_ctx_t *ctx, uint32_t sector, uint32_t *generation)
{
    uint8_t raw[NU_JOURNAL_RECORD];
    nu_nor_read(ctx, sector, raw, sizeof(raw));
    *generation = nu_le32(raw + ARG0_AT);
    return raw_state(raw) == NU_JOURNAL_VALID && raw[TYPE_AT] == NU_JOURNAL_SECTOR_HEADER;
}

/* A header record: type and generation (arg0), the rest erased. */
static void write_header(nu_ctx_t *ctx, uint32_t sector, uint32_t generation)
{
    uint8_t raw[NU_JOURNAL_RECORD];
    nu_fill_bytes(raw, 0xFF, sizeof(raw));
    raw[TYPE_AT] = NU_JOURNAL_SECTOR_HEADER;
    raw[KIND_AT] = 0;
    nu_put_le32(raw + ARG0_AT, generation);
    raw_seal(raw);
    nu_nor_program(ctx, sector, raw, NU_JOURNAL_RECORD);
}

/* Walks the active sector's records: into the in-memory state, or (compacting) copying the ones that still matter,
 * in their order, into the other sector's slots 1...: the newest terminal record of each kind and every record of an
 * operation in progress. */
static void walk(nu_ctx_t *ctx, nu_journal_t *journal, uint32_t compacting)
{
    uint8_t raw[NU_JOURNAL_RECORD];
    uint32_t slot, to = journal->other_offset + NU_JOURNAL_RECORD;
    if (!compacting) {
        nu_fill_bytes((uint8_t *)&journal->last_slot, 0, sizeof(*journal) - offsetof(nu_journal_t, last_slot));
    }
    for (slot = 1; slot < NU_JOURNAL_SLOTS; slot++) {
        nu_journal_kind_t *k;
        int state;
        nu_nor_read(ctx, journal->active_offset + slot * NU_JOURNAL_RECORD, raw, sizeof(raw));
        state = raw_state(raw);
        k = state == NU_JOURNAL_VALID ? kind_of(journal, raw) : 0; /* a valid record of a kind */
        if (compacting) {
            if (k != 0 && (slot == k->terminal_slot || (k->begin[TYPE_AT] != 0 && slot >= k->begin_slot))) {
                nu_nor_program(ctx, to, raw, NU_JOURNAL_RECORD);
                to += NU_JOURNAL_RECORD;
            }
        } else if (k != 0) {
            apply(journal, k, slot, raw);
        } else if (state != NU_JOURNAL_BLANK) {
            journal->last_slot = slot;
        }
    }
}

/* The active sector: the one whose header is valid and whose generation is newer (serial-number arithmetic), J0
 * when neither is valid. 1 when one is, else 0. */
static int select_active(nu_ctx_t *ctx, nu_journal_t *journal)
{
    const uint32_t *sectors = ctx->platform->journal_offsets;
    uint32_t generation0, generation1, newest;
    int valid0 = read_header(ctx, sectors[0], &generation0), valid1 = read_header(ctx, sectors[1], &generation1);

    newest = valid1 && (!valid0 || (int32_t)(generation1 - generation0) > 0);
    journal->active_offset = sectors[newest];
    journal->other_offset = sectors[!newest];
    journal->generation = newest ? generation1 : generation0;
    return valid0 | valid1;
}

/* With no valid header, J0 is initialised with generation 1. */
void nu_journal_open(nu_ctx_t *ctx)
{
    nu_journal_t *journal = ctx->journal;
    if (!select_active(ctx, journal)) {
        nu_nor_erase_range(ctx, journal->active_offset, NU_NOR_SECTOR);
        journal->generation = 1;
        write_header(ctx, journal->active_offset, 1);
    }
    walk(ctx, journal, 0);
}

/* Erase the other sector, copy what still matters, then program the new header: until that last program the old
 * sector stays the active one. */
static void compact(nu_ctx_t *ctx, nu_journal_t *journal)
{
    uint32_t target = journal->other_offset;
    nu_nor_erase_range(ctx, target, NU_NOR_SECTOR);
    walk(ctx, journal, 1);
    write_header(ctx, target, ++journal->generation);
    journal->other_offset = journal->active_offset;
    journal->active_offset = target;
    walk(ctx, journal, 0);
}

/* Compacts when fewer than blank slots are blank. */
static void keep_blank(nu_ctx_t *ctx, uint32_t blank)
{
    if (NU_JOURNAL_SLOTS - 1 - ctx->journal->last_slot < blank) {
        compact(ctx, ctx->journal);
    }
}

void nu_journal_make_room(nu_ctx_t *ctx)
{
    keep_blank(ctx, NU_JOURNAL_MIN_BLANK);
}

void nu_journal_append(nu_ctx_t *ctx, uint32_t type, uint32_t arg0, uint32_t arg1, const uint8_t *digest16)
{
    nu_journal_t *journal = ctx->journal;
    uint8_t raw[NU_JOURNAL_RECORD];
    uint32_t slot;

    raw_build(raw, type, ctx->kind, arg0, arg1, digest16); /* first: a compaction does not change it */
    keep_blank(ctx, 1);
    slot = journal->last_slot + 1;
    if (slot >= NU_JOURNAL_SLOTS) {
        nu_fail(ctx, NU_ERR_JOURNAL);
        return;
    }
    nu_nor_program(ctx, journal->active_offset + slot * NU_JOURNAL_RECORD, raw, NU_JOURNAL_RECORD);
    apply(journal, ctx->journal_kind, slot, raw);
}

int nu_journal_last_result(const nu_flash_hal_t *hal, const nu_platform_t *platform, uint32_t kind,
                           nu_journal_record_t *record)
{
    nu_report_t report;
    nu_ctx_t ctx;
    nu_journal_t journal;
    uint8_t raw[NU_JOURNAL_RECORD];
    uint32_t slot;
    int rc = nu_query_init(&ctx, &report, hal, platform, kind, 1);

    if (rc != NU_OK) {
        return rc;
    }
    rc = select_active(&ctx, &journal); /* read-only: no initialisation of an empty journal here */
    for (slot = NU_JOURNAL_SLOTS - 1; rc == 1 && slot > 0; slot--) {
        nu_nor_read(&ctx, journal.active_offset + slot * NU_JOURNAL_RECORD, raw, sizeof(raw));
        if (raw_state(raw) == NU_JOURNAL_VALID && raw[KIND_AT] == kind && is_terminal(raw[TYPE_AT])) {
            rc = 2;
            nu_journal_decode(raw, record);
        }
    }
    return ctx.status != NU_OK ? ctx.status : rc == 2;
}
