/* Install and revert, step by step (contract §7), each step journaled so a restart continues where it stopped:
 * BEGIN (journaled by the caller, nu_stage.c), backup (installs from staging and backup-sourced TEST/PERMANENT
 * only), one pass over the region's sectors (compare; erase + program + read back only when different), verify,
 * record, consume, END. */
#include "nu_bytes.h"
#include "nu_stage_internal.h"

/* Every sector of the region whose bit is not set in done (the kind's SECTOR_DONE mask, or 0 to recheck them all):
 * compared with its target (the payload bytes that fall in it, then erased bytes); erased, programmed and read back
 * when different. After a failure the sectors left are still walked, but nothing reaches the flash or the report. */
static void copy_sectors(nu_ctx_t *ctx, const nu_image_t *image, uint32_t done)
{
    const nu_region_layout_t *region = ctx->region;
    const nu_span_t *payload = &image->part[NU_PAYLOAD];
    uint32_t i;
    for (i = 0; i < ctx->platform->sector_count; i++) {
        const nu_internal_sector_t *sector = &ctx->platform->sectors[i];
        uint32_t offset = sector->address - region->region_address, differs;
        if (offset >= region->region_size || (done & (1u << sector->number)) != 0) {
            continue;
        }
        differs = nu_copy(ctx, payload, offset, sector->size, sector->address, NU_FLASH_INTERNAL | NU_TO_COMPARE);
        if (differs) {
            nu_flash(ctx, NU_FLASH_ERASE | NU_FLASH_INTERNAL, sector->address, 0, 0);
            if (nu_copy(ctx, payload, offset, sector->size, sector->address,
                        NU_FLASH_INTERNAL | NU_TO_PROGRAM | NU_TO_COMPARE)) {
                nu_fail(ctx, NU_ERR_VERIFY);
            }
        }
        *(differs ? &ctx->kind_report->sectors_erased : &ctx->kind_report->sectors_skipped) +=
            ctx->status == NU_OK;
        nu_journal_append(ctx, NU_JOURNAL_SECTOR_DONE, sector->number, 0, image->info.sha256);
    }
}

/* 1 when the region now hashes (with the source's header and protected TLVs) to the source's digest. */
static int region_verifies(nu_ctx_t *ctx, const nu_image_t *image)
{
    nu_span_t region;
    uint8_t digest[32];
    nu_region_span(ctx, &region);
    return nu_image_hash(ctx, image, &region, digest);
}

void nu_operation_run(nu_ctx_t *ctx, const nu_image_t *image)
{
    const nu_journal_kind_t *state = ctx->journal_kind;
    const uint8_t *digest = image->info.sha256;
    uint32_t mode = state->begin[NU_JOURNAL_ARG0_AT], source = state->begin[NU_JOURNAL_ARG1_AT];
    uint32_t install = state->begin[NU_JOURNAL_TYPE_AT] == NU_JOURNAL_INSTALL_BEGIN, pass;
    uint32_t done = state->sectors_done; /* journaling BACKUP_DONE leaves it as it is */

    if (install && mode != NU_MODE_RECOVERY && !state->backup_done) {
        nu_backup_region(ctx);
    }
    /* a second pass compares every sector again: ones journaled as done may have been flashed over between an
     * interrupted boot and this one */
    for (pass = 0;; pass++) {
        copy_sectors(ctx, image, pass != 0 ? 0u : done);
        if (region_verifies(ctx, image)) {
            break;
        }
        if (pass != 0) {
            nu_fail(ctx, NU_ERR_VERIFY);
            break;
        }
    }
    nu_record_write(ctx, image, install && mode == NU_MODE_TEST ? NU_COPY_DONE_AT : NU_IMAGE_OK_AT);
    if (source == NU_SOURCE_STAGING) {
        nu_request_consume(ctx);
    }
    nu_journal_append(ctx, install ? NU_JOURNAL_INSTALL_END : NU_JOURNAL_REVERT_END, mode, 0, digest);
    if (ctx->status == NU_OK) {
        nu_kind_report_t *report = ctx->kind_report;
        if (!install) {
            report->actions |= NU_DID_REVERT;
        } else {
            report->actions |= mode == NU_MODE_RECOVERY ? NU_DID_RECOVER : NU_DID_INSTALL;
            report->install_mode = (uint8_t)mode;
        }
        report->install_source = (uint8_t)source;
    }
}
