/* Install and revert, step by step (contract §7), each step journaled so a restart continues where it stopped:
 * BEGIN, backup (installs from staging and backup-sourced TEST/PERMANENT only), one pass over the region's sectors
 * (compare; erase + program + read back only when different), verify, record, consume, END. */
#include "nu_bytes.h"
#include "nu_stage_internal.h"

uint32_t nu_slot_offset(const nu_ctx_t *ctx, uint32_t kind, uint32_t source)
{
    const nu_region_layout_t *region = nu_region(ctx, kind);
    return source == NU_SOURCE_STAGING ? region->staging_offset : region->backup_offset;
}

/* 1 when the sector already holds its target bytes (payload, then erased). */
static int sector_holds_target(const nu_ctx_t *ctx, const nu_operation_t *op, const nu_internal_sector_t *sector,
                               uint32_t region_offset)
{
    uint8_t current[NU_CHUNK], target[NU_CHUNK];
    uint32_t done;
    for (done = 0; done < sector->size; done += NU_CHUNK) {
        NU_TRY(nu_internal_read(ctx, sector->address + done, current, NU_CHUNK));
        NU_TRY(nu_span_read(ctx, &op->image.payload, region_offset + done, target, NU_CHUNK));
        if (!nu_bytes_equal(current, target, NU_CHUNK)) {
            return 0;
        }
    }
    return 1;
}

static int rewrite_sector(const nu_ctx_t *ctx, const nu_operation_t *op, const nu_internal_sector_t *sector,
                          uint32_t region_offset)
{
    uint8_t target[NU_CHUNK], readback[NU_CHUNK];
    uint32_t done;
    NU_TRY(nu_internal_erase(ctx, sector));
    for (done = 0; done < sector->size; done += NU_CHUNK) {
        NU_TRY(nu_span_read(ctx, &op->image.payload, region_offset + done, target, NU_CHUNK));
        if (!nu_all_erased(target, NU_CHUNK)) {
            NU_TRY(nu_internal_program(ctx, sector->address + done, target, NU_CHUNK));
        }
        NU_TRY(nu_internal_read(ctx, sector->address + done, readback, NU_CHUNK));
        if (!nu_bytes_equal(readback, target, NU_CHUNK)) {
            return NU_ERR_VERIFY;
        }
    }
    return NU_OK;
}

/* Every sector without a SECTOR_DONE (every sector at all when recheck is set): compare, and rewrite if different. */
static int copy_sectors(const nu_ctx_t *ctx, nu_journal_t *journal, const nu_operation_t *op, int recheck)
{
    const nu_region_layout_t *region = nu_region(ctx, op->kind);
    nu_kind_report_t *report = nu_kind_report(ctx, op->kind);
    uint32_t i;
    for (i = 0; i < ctx->platform->sector_count; i++) {
        const nu_internal_sector_t *sector = &ctx->platform->sectors[i];
        uint32_t region_offset = sector->address - region->region_address;
        int same;
        if (sector->address < region->region_address || region_offset >= region->region_size ||
            (!recheck && (journal->kinds[op->kind - 1].sectors_done & (1u << sector->number)) != 0)) {
            continue;
        }
        same = sector_holds_target(ctx, op, sector, region_offset);
        if (same < 0) {
            return same;
        }
        if (same) {
            report->sectors_skipped++;
        } else {
            NU_TRY(rewrite_sector(ctx, op, sector, region_offset));
            report->sectors_erased++;
        }
        NU_TRY(nu_journal_append(ctx, journal, NU_JOURNAL_SECTOR_DONE, op->kind, sector->number, 0,
                                 op->image.info.sha256));
    }
    return NU_OK;
}

/* The region now hashes (with the source's header and protected TLVs) to the source's digest. */
static int verify_region(const nu_ctx_t *ctx, const nu_operation_t *op)
{
    nu_span_t region = op->image.payload;
    uint8_t digest[32];
    region.ram = 0;
    region.internal = 1;
    region.base = nu_region(ctx, op->kind)->region_address;
    NU_TRY(nu_image_hash(ctx, &op->image, &region, digest));
    return nu_bytes_equal(digest, op->image.info.sha256, 32) ? NU_OK : NU_ERR_VERIFY;
}

static int finish(const nu_ctx_t *ctx, nu_journal_t *journal, const nu_operation_t *op)
{
    int install = op->type == NU_JOURNAL_INSTALL_BEGIN;
    NU_TRY(nu_record_write(ctx, op->kind, &op->image, install && op->mode == NU_MODE_TEST));
    if (op->source == NU_SOURCE_STAGING) {
        int request = nu_request_read(ctx, op->kind);
        if (request < 0) {
            return request;
        }
        if (request != NU_REQUEST_NONE) {
            NU_TRY(nu_request_consume(ctx, op->kind));
        }
    }
    return nu_journal_append(ctx, journal, install ? NU_JOURNAL_INSTALL_END : NU_JOURNAL_REVERT_END, op->kind,
                             op->mode, 0, op->image.info.sha256);
}

int nu_operation_run(const nu_ctx_t *ctx, nu_journal_t *journal, const nu_operation_t *op)
{
    nu_journal_kind_t *state = &journal->kinds[op->kind - 1];
    nu_kind_report_t *report = nu_kind_report(ctx, op->kind);
    int rc;

    if (state->op_type == 0) {
        NU_TRY(nu_journal_make_room(ctx, journal));
        NU_TRY(nu_journal_append(ctx, journal, op->type, op->kind, op->mode,
                                 op->type == NU_JOURNAL_INSTALL_BEGIN ? op->source : 0u, op->image.info.sha256));
    } else if (state->op_type != op->type || !nu_bytes_equal(state->op_digest, op->image.info.sha256, 16)) {
        return NU_ERR_ARGUMENT;
    }
    if (op->type == NU_JOURNAL_INSTALL_BEGIN && op->mode != NU_MODE_RECOVERY && !state->backup_done) {
        uint8_t backup_digest[32];
        NU_TRY(nu_backup_region(ctx, op->kind, backup_digest));
        NU_TRY(nu_journal_append(ctx, journal, NU_JOURNAL_BACKUP_DONE, op->kind, 0, 0, backup_digest));
    }
    NU_TRY(copy_sectors(ctx, journal, op, 0));
    rc = verify_region(ctx, op);
    if (rc == NU_ERR_VERIFY) {
        /* sectors journaled as done no longer hold their target (the region was flashed over between an
         * interrupted boot and this one): compare them all again */
        NU_TRY(copy_sectors(ctx, journal, op, 1));
        rc = verify_region(ctx, op);
    }
    NU_TRY(rc);
    NU_TRY(finish(ctx, journal, op));

    if (op->type == NU_JOURNAL_REVERT_BEGIN) {
        report->actions |= NU_DID_REVERT;
    } else {
        report->actions |= op->mode == NU_MODE_RECOVERY ? NU_DID_RECOVER : NU_DID_INSTALL;
        report->install_mode = op->mode;
    }
    report->install_source = op->source;
    return NU_OK;
}
