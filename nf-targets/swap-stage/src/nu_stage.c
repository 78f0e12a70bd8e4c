/* The boot order (contract §6): resume, revert, requests, recovery; then the caller launches. Also the public query
 * helpers, which share the same code paths. */
#include "nu_bytes.h"
#include "nu_stage_internal.h"

/* Per-run facts that decide the later steps. */
typedef struct run_state {
    uint8_t ran[NU_KIND_COUNT];             /* an install or revert ran for the kind in this boot */
    uint8_t resumed_install[NU_KIND_COUNT]; /* an interrupted TEST/PERMANENT install was finished in this boot */
    uint8_t force_recovery[NU_KIND_COUNT];  /* an interrupted operation was abandoned: the region is in doubt */
} run_state_t;

/* The checks that keep the stage's own arithmetic safe: every callback present, each region made of whole sectors
 * with numbers that fit the SECTOR_DONE mask, and slots big enough for the region plus header and TLVs. The HAL
 * bounds-checks addresses itself. */
int nu_ctx_init(nu_ctx_t *ctx, const nu_flash_hal_t *hal, const nu_platform_t *platform, nu_report_t *report)
{
    uint32_t k, i;
    if (hal == 0 || platform == 0 || hal->internal_read == 0 || hal->internal_program == 0 ||
        hal->internal_erase_sector == 0 || hal->nor_read == 0 || hal->nor_program == 0 || hal->nor_erase == 0 ||
        platform->sectors == 0 || (platform->trusted_key_hash_count != 0 && platform->trusted_key_hashes == 0)) {
        return NU_ERR_ARGUMENT;
    }
    for (k = 0; k < NU_KIND_COUNT; k++) {
        const nu_region_layout_t *r = &platform->regions[k];
        uint32_t covered = 0;
        for (i = 0; i < platform->sector_count; i++) {
            const nu_internal_sector_t *s = &platform->sectors[i];
            if (s->address - r->region_address < r->region_size) {
                if (s->address != r->region_address + covered || s->number >= 32 || s->size % NU_CHUNK != 0) {
                    return NU_ERR_ARGUMENT;
                }
                covered += s->size;
            }
        }
        if (covered == 0 || covered != r->region_size ||
            r->region_size > r->slot_size - NU_NOR_SECTOR - NU_RECORD_BODY_MAX) {
            return NU_ERR_ARGUMENT;
        }
    }
    nu_fill_bytes((uint8_t *)report, 0, sizeof(*report));
    ctx->hal = hal;
    ctx->platform = platform;
    ctx->report = report;
    return NU_OK;
}

const nu_region_layout_t *nu_region(const nu_ctx_t *ctx, uint32_t kind)
{
    return &ctx->platform->regions[kind - 1];
}

nu_kind_report_t *nu_kind_report(const nu_ctx_t *ctx, uint32_t kind)
{
    return &ctx->report->kinds[kind - 1];
}

/* A terminal journal record that is not the end of an operation (REJECTED, ADOPTED, REVERT_FAILED), reported. */
static int note(const nu_ctx_t *ctx, nu_journal_t *journal, uint8_t type, uint32_t kind, uint32_t arg0,
                const uint8_t *digest, uint32_t action)
{
    nu_kind_report(ctx, kind)->actions |= action;
    return nu_journal_append(ctx, journal, type, kind, arg0, 0, digest);
}

static int run_operation(const nu_ctx_t *ctx, nu_journal_t *journal, nu_operation_t *op, uint32_t kind, uint8_t type,
                         uint32_t mode, uint32_t source, run_state_t *run)
{
    op->kind = kind;
    op->type = type;
    op->mode = (uint8_t)mode;
    op->source = (uint8_t)source;
    NU_TRY(nu_operation_run(ctx, journal, op));
    run->ran[kind - 1] = 1;
    return NU_OK;
}

/* Step 1. A resumed operation whose source no longer verifies (a damaged slot) cannot continue. It is closed:
 * REJECTED with the check's reason for an install, REVERT_FAILED for a revert, and its request consumed. If it had
 * already touched the region (anything but an install before BACKUP_DONE), step 4 restores the region from whichever
 * valid source is left, even if the mixed region would pass the can-run check. */
static int resume(const nu_ctx_t *ctx, nu_journal_t *journal, uint32_t kind, run_state_t *run)
{
    const nu_journal_kind_t *state = &journal->kinds[kind - 1];
    uint32_t source = state->op_source;
    nu_operation_t op;
    int rc = nu_image_check_slot(ctx, kind, nu_slot_offset(ctx, kind, source), source == NU_SOURCE_STAGING, &op.image);

    if (rc == 0 && !nu_bytes_equal(op.image.info.sha256, state->op_digest, 16)) {
        rc = NU_REJECT_HASH; /* the slot holds another image now */
    }
    if (rc > 0) {
        int install = state->op_type == NU_JOURNAL_INSTALL_BEGIN;
        run->force_recovery[kind - 1] = !install || source != NU_SOURCE_STAGING ||
                                        state->op_mode == NU_MODE_RECOVERY || state->backup_done;
        if (install) {
            nu_kind_report(ctx, kind)->reject_reason = (uint8_t)rc;
        }
        NU_TRY(note(ctx, journal, install ? NU_JOURNAL_REJECTED : NU_JOURNAL_REVERT_FAILED, kind,
                    install ? (uint32_t)rc : 1u, state->op_digest, install ? NU_DID_REJECT : NU_DID_REVERT_FAILED));
        rc = nu_request_read(ctx, kind);
        return rc > 0 ? nu_request_consume(ctx, kind) : rc;
    }
    if (rc < 0) {
        return rc;
    }
    nu_kind_report(ctx, kind)->actions |= NU_DID_RESUME;
    run->resumed_install[kind - 1] = state->op_type == NU_JOURNAL_INSTALL_BEGIN && state->op_mode != NU_MODE_RECOVERY;
    return run_operation(ctx, journal, &op, kind, state->op_type, state->op_mode, source, run);
}

/* The two halves of a combined TEST update get their trial boot together: a TEST-pending record is not reverted
 * while the other kind's half is still to be installed (request pending) or was only just finished by a resume.
 * 1 deferred, 0 not, < 0 error. */
static int revert_deferred(const nu_ctx_t *ctx, uint32_t kind, const run_state_t *run)
{
    uint32_t other = NU_KIND_COUNT + 1 - kind;
    int request = nu_request_read(ctx, other);
    return request < 0 ? request : run->resumed_install[other - 1] || request != NU_REQUEST_NONE;
}

/* Step 2 for one kind: if its record is TEST pending, revert, adopt, or give up (REVERT_FAILED). */
static int revert(const nu_ctx_t *ctx, nu_journal_t *journal, uint32_t kind, run_state_t *run)
{
    nu_operation_t op;
    uint8_t digest[32], record_digest[16];
    int rc = nu_record_load(ctx, kind, &op.image);

    if (rc != NU_RECORD_TEST_PENDING) {
        return rc < 0 ? rc : NU_OK;
    }
    rc = revert_deferred(ctx, kind, run);
    if (rc != 0) {
        nu_kind_report(ctx, kind)->actions |= rc > 0 ? NU_DID_REVERT_DEFERRED : 0u;
        return rc < 0 ? rc : NU_OK;
    }
    nu_copy_bytes(record_digest, op.image.info.sha256, 16);
    NU_TRY(nu_image_hash(ctx, &op.image, 0, digest));
    if (!nu_bytes_equal(digest, op.image.info.sha256, 32)) {
        /* the region no longer holds the TEST image: a developer deployed over it; keep what they put there */
        NU_TRY(note(ctx, journal, NU_JOURNAL_ADOPTED, kind, 0, record_digest, NU_DID_ADOPT));
        return nu_record_erase(ctx, kind);
    }
    rc = nu_image_check_slot(ctx, kind, nu_region(ctx, kind)->backup_offset, 0, &op.image);
    if (rc > 0) {
        NU_TRY(note(ctx, journal, NU_JOURNAL_REVERT_FAILED, kind, 1, record_digest, NU_DID_REVERT_FAILED));
        return nu_record_set_image_ok(ctx, kind);
    }
    return rc < 0 ? rc : run_operation(ctx, journal, &op, kind, NU_JOURNAL_REVERT_BEGIN, 1, NU_SOURCE_BACKUP, run);
}

/* Full check of a pending request, security counter included (an image without the TLV counts as 0):
 * 0 or a reject reason. */
static int check_request(const nu_ctx_t *ctx, uint32_t kind, nu_image_t *scratch, uint8_t digest16[16])
{
    uint32_t counter;
    int rc = nu_image_check_slot(ctx, kind, nu_region(ctx, kind)->staging_offset, 1, scratch);
    nu_copy_bytes(digest16, scratch->info.sha256, 16);
    if (rc != 0) {
        return rc;
    }
    counter = scratch->info.security_counter;
    rc = nu_record_load(ctx, kind, scratch);
    if (rc < 0) {
        return rc;
    }
    return rc > 0 && counter < scratch->info.security_counter ? (int)NU_REJECT_DOWNGRADE : 0;
}

/* Step 3: validate every pending request, then install all or reject all. */
static int handle_requests(const nu_ctx_t *ctx, nu_journal_t *journal, run_state_t *run)
{
    int request[NU_KIND_COUNT];
    uint8_t reason[NU_KIND_COUNT], digests[NU_KIND_COUNT][16];
    uint32_t kind, failed = 0, pass;
    nu_operation_t op;

    for (kind = 1; kind <= NU_KIND_COUNT; kind++) {
        int rc = request[kind - 1] = nu_request_read(ctx, kind);
        if (rc > 0) {
            rc = check_request(ctx, kind, &op.image, digests[kind - 1]);
            failed |= rc != 0;
        }
        if (rc < 0) {
            return rc;
        }
        reason[kind - 1] = (uint8_t)rc;
    }
    for (pass = 0; pass < 3; pass++) {
        for (kind = 1; kind <= NU_KIND_COUNT; kind++) {
            nu_kind_report_t *report = nu_kind_report(ctx, kind);
            if (request[kind - 1] == NU_REQUEST_NONE) {
                continue;
            }
            if (!failed) {
                if (pass == 0) {
                    int rc = nu_image_load_slot(ctx, kind, nu_region(ctx, kind)->staging_offset, &op.image);
                    if (rc != 0) {
                        return rc < 0 ? rc : NU_ERR_SOURCE; /* verified above in this run: cannot change */
                    }
                    NU_TRY(run_operation(ctx, journal, &op, kind, NU_JOURNAL_INSTALL_BEGIN,
                                         request[kind - 1] == NU_REQUEST_PERMANENT ? NU_MODE_PERMANENT : NU_MODE_TEST,
                                         NU_SOURCE_STAGING, run));
                }
            } else if (pass == 0) {
                report->reject_reason = reason[kind - 1] != 0 ? reason[kind - 1] : (uint8_t)NU_REJECT_COMPANION;
                NU_TRY(note(ctx, journal, NU_JOURNAL_REJECTED, kind, report->reject_reason, digests[kind - 1],
                            NU_DID_REJECT));
            } else if ((reason[kind - 1] != 0) == (pass == 2)) {
                /* valid companions are consumed first: a cut in between must not leave one pending alone */
                NU_TRY(nu_request_consume(ctx, kind));
            }
        }
    }
    return NU_OK;
}

/* Step 4 for one kind whose region cannot run: the newest valid source (by version) whose payload would run; the
 * image the record names wins a tie. */
static int recover(const nu_ctx_t *ctx, nu_journal_t *journal, uint32_t kind, run_state_t *run)
{
    nu_operation_t op;
    nu_image_info_t best;
    uint8_t record_digest[16];
    uint32_t source, best_source = 0;
    int rc = nu_record_load(ctx, kind, &op.image);

    if (rc < 0) {
        return rc;
    }
    nu_copy_bytes(record_digest, op.image.info.sha256, 16); /* erased when there is no record */
    for (source = NU_SOURCE_STAGING; source <= NU_SOURCE_BACKUP; source++) {
        int order;
        rc = nu_image_check_slot(ctx, kind, nu_slot_offset(ctx, kind, source), source == NU_SOURCE_STAGING, &op.image);
        if (rc == 0) {
            rc = nu_span_can_run(ctx, kind, &op.image.payload);
            if (rc == 1) {
                order = best_source == 0 ? 1 : nu_version_compare(&op.image.info, &best);
                if (order == 0) {
                    order = nu_bytes_equal(op.image.info.sha256, record_digest, 16) ? 1 : -1;
                }
                if (order > 0) {
                    best = op.image.info;
                    best_source = source;
                }
            }
        }
        if (rc < 0) {
            return rc;
        }
    }
    if (best_source == 0) {
        nu_kind_report(ctx, kind)->actions |= NU_DID_NO_RECOVERY_SOURCE;
        return NU_OK;
    }
    rc = nu_image_load_slot(ctx, kind, nu_slot_offset(ctx, kind, best_source), &op.image);
    if (rc != 0) {
        return rc < 0 ? rc : NU_ERR_SOURCE;
    }
    return run_operation(ctx, journal, &op, kind, NU_JOURNAL_INSTALL_BEGIN, NU_MODE_RECOVERY, best_source, run);
}

static int run_steps(const nu_ctx_t *ctx)
{
    nu_journal_t journal;
    run_state_t run;
    uint32_t kind;

    nu_fill_bytes((uint8_t *)&run, 0, sizeof(run));
    NU_TRY(nu_journal_open(ctx, &journal));
    for (kind = 1; kind <= NU_KIND_COUNT; kind++) {
        if (journal.kinds[kind - 1].op_type != 0) {
            NU_TRY(resume(ctx, &journal, kind, &run));
        }
    }
    for (kind = 1; kind <= NU_KIND_COUNT; kind++) {
        if (!run.ran[kind - 1] && !run.force_recovery[kind - 1]) {
            NU_TRY(revert(ctx, &journal, kind, &run));
        }
    }
    NU_TRY(handle_requests(ctx, &journal, &run));
    for (kind = 1; kind <= NU_KIND_COUNT; kind++) {
        int can_run = nu_region_span_can_run(ctx, kind);
        if (can_run >= 0 && (can_run == 0 || run.force_recovery[kind - 1]) && !run.ran[kind - 1]) {
            NU_TRY(recover(ctx, &journal, kind, &run));
            can_run = nu_region_span_can_run(ctx, kind);
        }
        if (can_run < 0) {
            return can_run;
        }
        nu_kind_report(ctx, kind)->can_run = (uint8_t)can_run;
    }
    return NU_OK;
}

int nu_swap_stage_run(const nu_flash_hal_t *hal, const nu_platform_t *platform, nu_report_t *report)
{
    nu_report_t local;
    nu_ctx_t ctx;
    int rc = nu_ctx_init(&ctx, hal, platform, report != 0 ? report : &local);
    if (rc == NU_OK) {
        rc = run_steps(&ctx);
    }
    if (report != 0) {
        report->status = rc;
    }
    return rc;
}

uint32_t nu_swap_stage_abi_version(void)
{
    return NU_SWAP_STAGE_ABI_VERSION;
}

int nu_region_can_run(const nu_flash_hal_t *hal, const nu_platform_t *platform, uint32_t kind)
{
    nu_report_t report;
    nu_ctx_t ctx;
    NU_TRY(nu_ctx_init(&ctx, hal, platform, &report));
    if (kind < 1 || kind > NU_KIND_COUNT) {
        return NU_ERR_ARGUMENT;
    }
    return nu_region_span_can_run(&ctx, kind);
}

int nu_slot_check(const nu_flash_hal_t *hal, const nu_platform_t *platform, uint32_t kind, uint32_t slot,
                  nu_image_info_t *info)
{
    nu_report_t report;
    nu_ctx_t ctx;
    nu_image_t image;
    int rc;
    NU_TRY(nu_ctx_init(&ctx, hal, platform, &report));
    if (kind < 1 || kind > NU_KIND_COUNT || (slot != NU_SLOT_STAGING && slot != NU_SLOT_BACKUP)) {
        return NU_ERR_ARGUMENT;
    }
    rc = nu_image_check_slot(&ctx, kind, nu_slot_offset(&ctx, kind, slot), slot == NU_SLOT_STAGING, &image);
    if (info != 0) {
        *info = image.info;
    }
    return rc;
}

int nu_record_read(const nu_flash_hal_t *hal, const nu_platform_t *platform, uint32_t kind, nu_image_info_t *info)
{
    nu_report_t report;
    nu_ctx_t ctx;
    nu_image_t image;
    int rc;
    NU_TRY(nu_ctx_init(&ctx, hal, platform, &report));
    if (kind < 1 || kind > NU_KIND_COUNT) {
        return NU_ERR_ARGUMENT;
    }
    rc = nu_record_load(&ctx, kind, &image);
    if (info != 0 && rc > 0) {
        *info = image.info;
    }
    return rc;
}
