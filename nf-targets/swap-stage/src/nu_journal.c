/* The journal (contract §5): two 4 KiB NOR sectors of 32-byte CRC'd records, append-only. A torn record reads as
 * absent; a non-blank slot is never programmed again; compaction copies what still matters into the other sector
 * and commits it by programming its header last. */
#include "nu_bytes.h"
#include "nu_crc32.h"
#include "nu_stage_internal.h"

#define HEADER_SLOT 0u

void nu_journal_encode(const nu_journal_record_t *record, uint8_t raw[32])
{
    raw[0] = record->type;
    raw[1] = record->kind;
    nu_put_le16(raw + 2, 0xFFFFu);
    nu_put_le32(raw + 4, record->arg0);
    nu_put_le32(raw + 8, record->arg1);
    nu_copy_bytes(raw + 12, record->digest, 16);
    nu_put_le32(raw + 28, nu_crc32(raw, 28));
}

int nu_journal_decode(const uint8_t raw[32], nu_journal_record_t *record)
{
    if (nu_all_erased(raw, NU_JOURNAL_RECORD)) {
        return NU_JOURNAL_BLANK;
    }
    if (nu_crc32(raw, 28) != nu_le32(raw + 28)) {
        return NU_JOURNAL_TORN;
    }
    if (record != 0) {
        record->type = raw[0];
        record->kind = raw[1];
        record->reserved = nu_le16(raw + 2);
        record->arg0 = nu_le32(raw + 4);
        record->arg1 = nu_le32(raw + 8);
        nu_copy_bytes(record->digest, raw + 12, 16);
    }
    return NU_JOURNAL_VALID;
}

static int is_terminal(uint8_t type)
{
    return type == NU_JOURNAL_INSTALL_END || type == NU_JOURNAL_REVERT_END || type == NU_JOURNAL_REJECTED ||
           type == NU_JOURNAL_ADOPTED || type == NU_JOURNAL_REVERT_FAILED;
}

/* What a valid record at a slot means for its kind's state; shared by the scan and by appends. */
static void apply(nu_journal_t *journal, uint32_t slot, const nu_journal_record_t *record)
{
    nu_journal_kind_t *k;
    if (record->kind < 1 || record->kind > NU_KIND_COUNT) {
        return;
    }
    k = &journal->kinds[record->kind - 1];
    switch (record->type) {
    case NU_JOURNAL_INSTALL_BEGIN:
    case NU_JOURNAL_REVERT_BEGIN:
        k->op_type = record->type;
        k->op_mode = (uint8_t)record->arg0;
        k->op_source = record->type == NU_JOURNAL_REVERT_BEGIN ? (uint8_t)NU_SOURCE_BACKUP : (uint8_t)record->arg1;
        k->backup_done = 0;
        k->sectors_done = 0;
        k->op_slot = (uint8_t)slot;
        nu_copy_bytes(k->op_digest, record->digest, 16);
        break;
    case NU_JOURNAL_BACKUP_DONE:
        if (k->op_type == NU_JOURNAL_INSTALL_BEGIN) {
            k->backup_done = 1;
        }
        break;
    case NU_JOURNAL_SECTOR_DONE:
        if (k->op_type != 0 && record->arg0 < 32 && nu_bytes_equal(record->digest, k->op_digest, 16)) {
            k->sectors_done |= 1u << record->arg0;
        }
        break;
    default:
        if (is_terminal(record->type)) {
            k->op_type = 0;
            k->terminal_slot = (uint8_t)slot;
        }
        break;
    }
}

static int read_header(const nu_ctx_t *ctx, uint32_t sector, uint32_t *generation)
{
    uint8_t raw[NU_JOURNAL_RECORD];
    nu_journal_record_t record;
    NU_TRY(nu_nor_read(ctx, sector, raw, sizeof(raw)));
    if (nu_journal_decode(raw, &record) != NU_JOURNAL_VALID || record.type != NU_JOURNAL_SECTOR_HEADER) {
        return 0;
    }
    *generation = record.arg0;
    return 1;
}

static int write_header(const nu_ctx_t *ctx, uint32_t sector, uint32_t generation)
{
    uint8_t raw[NU_JOURNAL_RECORD];
    nu_journal_record_t record;
    nu_fill_bytes((uint8_t *)&record, 0xFF, sizeof(record));
    record.type = NU_JOURNAL_SECTOR_HEADER;
    record.kind = 0;
    record.arg0 = generation;
    nu_journal_encode(&record, raw);
    NU_TRY(nu_nor_program(ctx, sector, raw, sizeof(raw)));
    ctx->report->journal_records_written++;
    return NU_OK;
}

/* Reads the active sector's records into the in-memory state. */
static int scan(const nu_ctx_t *ctx, nu_journal_t *journal)
{
    uint8_t buffer[NU_CHUNK];
    uint32_t slot, last_used = HEADER_SLOT;
    nu_fill_bytes((uint8_t *)journal->kinds, 0, sizeof(journal->kinds));
    for (slot = 0; slot < NU_JOURNAL_SLOTS; slot++) {
        const uint8_t *raw = buffer + (slot * NU_JOURNAL_RECORD) % NU_CHUNK;
        nu_journal_record_t record;
        int state;
        if ((slot * NU_JOURNAL_RECORD) % NU_CHUNK == 0) {
            NU_TRY(nu_nor_read(ctx, journal->active_offset + slot * NU_JOURNAL_RECORD, buffer, NU_CHUNK));
        }
        if (slot == HEADER_SLOT) {
            continue;
        }
        state = nu_journal_decode(raw, &record);
        if (state == NU_JOURNAL_BLANK) {
            continue;
        }
        last_used = slot;
        if (state == NU_JOURNAL_VALID) {
            apply(journal, slot, &record);
        }
    }
    journal->next_slot = last_used + 1;
    return NU_OK;
}

static int newer(uint32_t a, uint32_t b)
{
    return (int32_t)(a - b) > 0;
}

int nu_journal_open(const nu_ctx_t *ctx, nu_journal_t *journal)
{
    const uint32_t *sectors = ctx->platform->journal_offsets;
    uint32_t gen0 = 0, gen1 = 0;
    int valid0, valid1;

    valid0 = read_header(ctx, sectors[0], &gen0);
    if (valid0 < 0) {
        return valid0;
    }
    valid1 = read_header(ctx, sectors[1], &gen1);
    if (valid1 < 0) {
        return valid1;
    }
    if (!valid0 && !valid1) {
        NU_TRY(nu_nor_erase_range(ctx, sectors[0], NU_NOR_SECTOR));
        NU_TRY(write_header(ctx, sectors[0], 1));
        valid0 = 1;
        gen0 = 1;
    }
    if (valid0 && (!valid1 || !newer(gen1, gen0))) {
        journal->active_offset = sectors[0];
        journal->other_offset = sectors[1];
        journal->generation = gen0;
    } else {
        journal->active_offset = sectors[1];
        journal->other_offset = sectors[0];
        journal->generation = gen1;
    }
    return scan(ctx, journal);
}

/* Erase the other sector, copy the newest terminal record of each kind and every record of an operation in progress
 * (in their order), then program the new header: until that last program the old sector stays the active one. */
static int compact(const nu_ctx_t *ctx, nu_journal_t *journal)
{
    uint8_t raw[NU_JOURNAL_RECORD];
    uint32_t slot, to = 1, target = journal->other_offset;

    NU_TRY(nu_nor_erase_range(ctx, target, NU_NOR_SECTOR));
    for (slot = 1; slot < journal->next_slot; slot++) {
        nu_journal_record_t record;
        const nu_journal_kind_t *k;
        NU_TRY(nu_nor_read(ctx, journal->active_offset + slot * NU_JOURNAL_RECORD, raw, sizeof(raw)));
        if (nu_journal_decode(raw, &record) != NU_JOURNAL_VALID || record.kind < 1 || record.kind > NU_KIND_COUNT) {
            continue;
        }
        k = &journal->kinds[record.kind - 1];
        if (slot == k->terminal_slot || (k->op_type != 0 && slot >= k->op_slot)) {
            NU_TRY(nu_nor_program(ctx, target + to * NU_JOURNAL_RECORD, raw, sizeof(raw)));
            ctx->report->journal_records_written++;
            to++;
        }
    }
    NU_TRY(write_header(ctx, target, journal->generation + 1));
    ctx->report->journal_compactions++;
    journal->other_offset = journal->active_offset;
    journal->active_offset = target;
    journal->generation++;
    return scan(ctx, journal);
}

int nu_journal_make_room(const nu_ctx_t *ctx, nu_journal_t *journal)
{
    if (NU_JOURNAL_SLOTS - journal->next_slot >= NU_JOURNAL_MIN_BLANK) {
        return NU_OK;
    }
    return compact(ctx, journal);
}

int nu_journal_append(const nu_ctx_t *ctx, nu_journal_t *journal, uint8_t type, uint32_t kind, uint32_t arg0,
                      uint32_t arg1, const uint8_t *digest16)
{
    nu_journal_record_t record;
    uint8_t raw[NU_JOURNAL_RECORD];

    if (journal->next_slot >= NU_JOURNAL_SLOTS) {
        NU_TRY(compact(ctx, journal));
        if (journal->next_slot >= NU_JOURNAL_SLOTS) {
            return NU_ERR_JOURNAL;
        }
    }
    record.type = type;
    record.kind = (uint8_t)kind;
    record.reserved = 0xFFFFu;
    record.arg0 = arg0;
    record.arg1 = arg1;
    if (digest16 != 0) {
        nu_copy_bytes(record.digest, digest16, 16);
    } else {
        nu_fill_bytes(record.digest, 0xFF, 16);
    }
    nu_journal_encode(&record, raw);
    NU_TRY(nu_nor_program(ctx, journal->active_offset + journal->next_slot * NU_JOURNAL_RECORD, raw, sizeof(raw)));
    ctx->report->journal_records_written++;
    apply(journal, journal->next_slot, &record);
    journal->next_slot++;
    return NU_OK;
}

int nu_journal_last_result(const nu_flash_hal_t *hal, const nu_platform_t *platform, uint32_t kind,
                           nu_journal_record_t *record)
{
    nu_report_t report;
    nu_ctx_t ctx;
    uint8_t raw[NU_JOURNAL_RECORD];
    uint32_t gen0 = 0, gen1 = 0, active;
    int valid0, valid1, slot;

    NU_TRY(nu_ctx_init(&ctx, hal, platform, &report));
    if (kind < 1 || kind > NU_KIND_COUNT) {
        return NU_ERR_ARGUMENT;
    }
    /* read-only: no initialisation of an empty journal here */
    valid0 = read_header(&ctx, platform->journal_offsets[0], &gen0);
    valid1 = read_header(&ctx, platform->journal_offsets[1], &gen1);
    if (valid0 < 0 || valid1 < 0) {
        return NU_ERR_HAL;
    }
    if (!valid0 && !valid1) {
        return 0;
    }
    active = (valid0 && (!valid1 || !newer(gen1, gen0))) ? platform->journal_offsets[0] : platform->journal_offsets[1];
    for (slot = (int)NU_JOURNAL_SLOTS - 1; slot > 0; slot--) {
        nu_journal_record_t candidate;
        NU_TRY(nu_nor_read(&ctx, active + (uint32_t)slot * NU_JOURNAL_RECORD, raw, sizeof(raw)));
        if (nu_journal_decode(raw, &candidate) == NU_JOURNAL_VALID && candidate.kind == kind &&
            is_terminal(candidate.type)) {
            if (record != 0) {
                *record = candidate;
            }
            return 1;
        }
    }
    return 0;
}
