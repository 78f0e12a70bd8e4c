/* The boot order (contract §6): resume, revert, requests, recovery; then the caller launches. Also the public query
 * helpers, which share the same code paths. */
#include "nu_bytes.h"
#include "nu_stage_internal.h"

/* The boot order (contract §6): resume (1), revert (2), the requests (3, in four passes), recovery (4). */
#define STEP_RESUME 1u
#define STEP_REVERT 2u
#define STEP_CHECK 3u
#define STEP_INSTALL_OR_REJECT 4u
#define STEP_CONSUME_VALID 5u
#define STEP_CONSUME_FAILING 6u
#define STEP_RECOVER 7u

/* A pending request installs in the mode of the same number (a compile-time check). */
typedef char request_is_install_mode
    [NU_REQUEST_TEST == NU_MODE_TEST && NU_REQUEST_PERMANENT == NU_MODE_PERMANENT ? 1 : -1];

/* A kind's state in this run: its pending request as step 3 found it (NU_REQUEST_*, the reject reason, 0 when valid,
 * and the staged image's digest), and whether its interrupted operation was abandoned in this boot (the region is in
 * doubt: recovery runs even if it could run). */
typedef struct kind_state {
    int request;
    uint32_t reason;
    uint8_t digest[16];
    uint32_t force_recovery;
} kind_state_t;

/* The journal, the one image the steps share (an operation's source), each kind's state, and whether any request
 * failed its check. */
typedef struct run_state {
    nu_journal_t journal;
    nu_image_t image;
    kind_state_t kinds[NU_KIND_COUNT];
    uint32_t failed;
} run_state_t;

/* Whether an install or revert ran for the selected kind in this boot: its report says so. (The report is not updated
 * after a failure, but from then on nothing reaches the flash or the report, whatever the later steps decide.) */
static uint32_t ran(const nu_ctx_t *ctx)
{
    return ctx->kind_report->actions & (NU_DID_INSTALL | NU_DID_REVERT | NU_DID_RECOVER);
}

void nu_select_kind(nu_ctx_t *ctx, uint32_t kind)
{
    ctx->kind = kind;
    ctx->region = &ctx->platform->regions[kind - 1];
    ctx->kind_report = &ctx->report->kinds[kind - 1];
}

/* The checks that keep the stage's own arithmetic safe: every callback present, each region made of whole sectors
 * with numbers that fit the SECTOR_DONE mask, and slots big enough for the region plus header and TLVs. The HAL
 * bounds-checks addresses itself. nu_swap_stage_run does not repeat them on every boot: the booter's HAL and platform
 * are fixed when it is built, and its host test checks them here (the query helpers do check). */
int nu_platform_check(const nu_flash_hal_t *hal, const nu_platform_t *platform)
{
    const nu_region_layout_t *r;
    uint32_t i;
    if (hal == 0 || platform == 0 || hal->internal_read == 0 || hal->internal_program == 0 ||
        hal->internal_erase_sector == 0 || hal->nor_read == 0 || hal->nor_program == 0 || hal->nor_erase == 0 ||
        platform->sectors == 0 || (platform->trusted_key_hash_count != 0 && platform->trusted_key_hashes == 0)) {
        return NU_ERR_ARGUMENT;
    }
    for (r = platform->regions; r < platform->regions + NU_KIND_COUNT; r++) {
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
    return NU_OK;
}

/* Starts a context over a HAL and platform that passed nu_platform_check; the report is cleared. No kind is selected
 * yet (nu_select_kind), and journal is set by nu_swap_stage_run alone. */
static void ctx_init(nu_ctx_t *ctx, const nu_flash_hal_t *hal, const nu_platform_t *platform, nu_report_t *report)
{
    nu_fill_bytes((uint8_t *)report, 0, sizeof(*report));
    ctx->hal = hal;
    ctx->platform = platform;
    ctx->report = report;
    ctx->status = NU_OK;
}

void nu_did(nu_ctx_t *ctx, uint32_t actions)
{
    if (ctx->status == NU_OK) {
        ctx->kind_report->actions |= actions;
    }
}

/* A terminal journal record that is not the end of an operation (REJECTED, ADOPTED, REVERT_FAILED), reported. */
static void note(nu_ctx_t *ctx, uint32_t type, uint32_t arg0, const uint8_t *digest)
{
    static const uint8_t actions[3] = {NU_DID_REJECT, NU_DID_ADOPT, NU_DID_REVERT_FAILED};
    if (type == NU_JOURNAL_REJECTED && ctx->status == NU_OK) {
        ctx->kind_report->reject_reason = (uint8_t)arg0;
    }
    nu_did(ctx, actions[type - NU_JOURNAL_REJECTED]);
    nu_journal_append(ctx, type, arg0, 0, digest);
}

/* Starts a new operation on run->image: its BEGIN record (journal room made first; arg0 the mode or revert reason,
 * arg1 the source, 0 for a revert), then the run. */
static void start_operation(nu_ctx_t *ctx, run_state_t *run, uint32_t type, uint32_t arg0, uint32_t arg1)
{
    nu_journal_make_room(ctx);
    nu_journal_append(ctx, type, arg0, arg1, run->image.info.sha256);
    nu_operation_run(ctx, &run->image);
}

/* Reloads a source checked earlier in this run (the scratch image has been reused since) and installs it. */
static void install_checked_source(nu_ctx_t *ctx, run_state_t *run, uint32_t mode, uint32_t source)
{
    if (nu_image_load_slot(ctx, source, &run->image) != 0) {
        nu_fail(ctx, NU_ERR_SOURCE); /* verified above in this run: cannot change */
    }
    start_operation(ctx, run, NU_JOURNAL_INSTALL_BEGIN, mode, source);
}

/* Step 1. A resumed operation whose source no longer verifies (a damaged slot) cannot continue. It is closed:
 * REJECTED with the check's reason for an install, REVERT_FAILED for a revert, and its request consumed. If it had
 * already touched the region (anything but an install before BACKUP_DONE), step 4 restores the region from whichever
 * valid source is left, even if the mixed region would pass the can-run check. */
static void resume(nu_ctx_t *ctx, run_state_t *run, kind_state_t *k)
{
    const nu_journal_kind_t *state = ctx->journal_kind;
    const uint8_t *digest = state->begin + NU_JOURNAL_DIGEST_AT;
    uint32_t type = state->begin[NU_JOURNAL_TYPE_AT], mode = state->begin[NU_JOURNAL_ARG0_AT];
    uint32_t source = state->begin[NU_JOURNAL_ARG1_AT];
    uint32_t install = type == NU_JOURNAL_INSTALL_BEGIN;
    int rc = nu_image_check_slot(ctx, source, &run->image);

    if (rc == 0 && !nu_bytes_equal(run->image.info.sha256, digest, 16)) {
        rc = NU_REJECT_HASH; /* the slot holds another image now */
    }
    if (rc != 0) {
        /* untouched region: a TEST or PERMANENT install from staging (a revert's source is the backup) before its
         * BACKUP_DONE */
        k->force_recovery = !(mode != NU_MODE_RECOVERY && source == NU_SOURCE_STAGING && !state->backup_done);
        note(ctx, install ? NU_JOURNAL_REJECTED : NU_JOURNAL_REVERT_FAILED, install ? (uint32_t)rc : 1u, digest);
        nu_request_consume(ctx);
        return;
    }
    nu_did(ctx, NU_DID_RESUME);
    nu_operation_run(ctx, &run->image);
}

/* Step 2 for one kind: if its record is TEST pending, revert, adopt, or give up (REVERT_FAILED). The two halves of
 * a combined TEST update get their trial boot together: a TEST-pending record is not reverted while the other kind's
 * half is still to be installed (request pending) or was only just finished by a resume, and it is kept (confirmed)
 * when its release companion was confirmed. */
static void revert(nu_ctx_t *ctx, run_state_t *run)
{
    nu_image_t *image = &run->image;
    uint32_t other = NU_KIND_COUNT + 1 - ctx->kind;
    uint8_t digest[32];

    if (nu_record_load(ctx, image) != NU_RECORD_TEST_PENDING) {
        return;
    }
    if (nu_record_set_read(ctx) == NU_RECORD_CONFIRMED) {
        /* a confirm cut between the two records of one release: finish it rather than split the release */
        nu_did(ctx, NU_DID_CONFIRM_COMPLETED);
        nu_record_flag(ctx, NU_IMAGE_OK_AT);
        return;
    }
    if (nu_request_read(ctx, other) != NU_REQUEST_NONE ||
        (ctx->report->kinds[other - 1].actions & NU_DID_INSTALL)) { /* at step 2 only a resume installs */
        nu_did(ctx, NU_DID_REVERT_DEFERRED);
        return;
    }
    if (!nu_image_hash(ctx, image, 0, digest)) {
        /* the region no longer holds the TEST image: a developer deployed over it; keep what they put there */
        note(ctx, NU_JOURNAL_ADOPTED, 0, image->info.sha256);
        nu_record_erase(ctx);
    } else if (nu_image_check_slot(ctx, NU_SOURCE_BACKUP, image) != 0) {
        note(ctx, NU_JOURNAL_REVERT_FAILED, 1, digest); /* digest: the record's own */
        nu_record_flag(ctx, NU_IMAGE_OK_AT);
    } else {
        start_operation(ctx, run, NU_JOURNAL_REVERT_BEGIN, 1, 0);
    }
}

/* Full check of a pending request, security counter included (an image without the TLV counts as 0):
 * 0 or a reject reason; the staged image's digest out (erased when it has none). */
static int check_request(nu_ctx_t *ctx, nu_image_t *scratch, uint8_t digest16[16])
{
    uint32_t counter;
    int rc = nu_image_check_slot(ctx, NU_SOURCE_STAGING, scratch);
    nu_copy_bytes(digest16, scratch->info.sha256, 16);
    if (rc != 0) {
        return rc;
    }
    counter = scratch->info.security_counter;
    return nu_record_load(ctx, scratch) != NU_RECORD_ABSENT && counter < scratch->info.security_counter
               ? (int)NU_REJECT_DOWNGRADE
               : 0;
}

/* Step 3 for one kind, in passes: check its pending request (CHECK); then install every request (nanoCLR first) or
 * reject them all: every REJECTED record first (INSTALL_OR_REJECT), then the valid companions consumed
 * (CONSUME_VALID), then the failing ones (CONSUME_FAILING); a cut in between must not leave a valid companion pending
 * alone. */
static void handle_request(nu_ctx_t *ctx, run_state_t *run, kind_state_t *k, uint32_t step)
{
    if (step == STEP_CHECK) {
        k->request = nu_request_read(ctx, ctx->kind);
        if (k->request != NU_REQUEST_NONE) {
            k->reason = (uint32_t)check_request(ctx, &run->image, k->digest);
            run->failed |= k->reason;
        }
    } else if (k->request == NU_REQUEST_NONE) {
        return;
    } else if (step == STEP_INSTALL_OR_REJECT) {
        if (!run->failed) {
            install_checked_source(ctx, run, (uint32_t)k->request, NU_SOURCE_STAGING); /* the request is the mode */
        } else {
            note(ctx, NU_JOURNAL_REJECTED, k->reason != 0 ? k->reason : NU_REJECT_COMPANION, k->digest);
        }
    } else if (run->failed && step == STEP_CONSUME_VALID + (k->reason != 0)) {
        nu_request_consume(ctx);
    }
}

/* Step 4 for one kind whose region cannot run: the newest valid source (by version) whose payload would run; the
 * image the record names wins a tie. */
static void recover(nu_ctx_t *ctx, run_state_t *run)
{
    nu_image_t *image = &run->image;
    uint8_t record_digest[16];
    uint32_t source, best_source = 0;
    uint64_t best = 0;

    nu_record_load(ctx, image);
    nu_copy_bytes(record_digest, image->info.sha256, 16); /* erased when there is no record */
    for (source = NU_SOURCE_STAGING; source <= NU_SOURCE_BACKUP; source++) {
        if (nu_image_check_slot(ctx, source, image) == 0 && nu_span_can_run(ctx, &image->part[NU_PAYLOAD])) {
            /* version order: major, minor, revision, build; the record's image wins a tie, and best stays 0 until
             * a source is found, so the first one found always wins */
            const nu_image_info_t *info = &image->info;
            uint64_t version = (uint64_t)((uint32_t)info->version_major << 24 | (uint32_t)info->version_minor << 16 |
                                          info->version_revision)
                                   << 32 |
                               info->version_build;
            if (version > best ||
                (version == best && (best_source == 0 || nu_bytes_equal(info->sha256, record_digest, 16)))) {
                best = version;
                best_source = source;
            }
        }
    }
    if (best_source == 0) {
        nu_did(ctx, NU_DID_NO_RECOVERY_SOURCE);
    } else {
        install_checked_source(ctx, run, NU_MODE_RECOVERY, best_source);
    }
}

/* Every step runs for both kinds before the next one. */
static void run_steps(nu_ctx_t *ctx, run_state_t *run)
{
    uint32_t step, kind;

    ctx->journal = &run->journal;
    nu_journal_open(ctx);
    for (step = STEP_RESUME; step <= STEP_RECOVER; step++) {
        for (kind = 1; kind <= NU_KIND_COUNT; kind++) {
            kind_state_t *k = &run->kinds[kind - 1];
            const nu_journal_kind_t *state = ctx->journal_kind = &run->journal.kinds[kind - 1];
            nu_select_kind(ctx, kind);
            if (step == STEP_RESUME) {
                if (state->begin[NU_JOURNAL_TYPE_AT] != 0) {
                    resume(ctx, run, k);
                }
            } else if (step == STEP_REVERT) {
                if (!k->force_recovery && !ran(ctx)) {
                    revert(ctx, run);
                }
            } else if (step != STEP_RECOVER) {
                handle_request(ctx, run, k, step);
            } else {
                int can_run = nu_region_span_can_run(ctx);
                if ((!can_run || k->force_recovery) && !ran(ctx)) {
                    recover(ctx, run);
                    can_run = nu_region_span_can_run(ctx);
                }
                if (ctx->status == NU_OK) {
                    ctx->kind_report->can_run = (uint8_t)can_run;
                }
            }
        }
    }
}

int nu_swap_stage_run(const nu_flash_hal_t *hal, const nu_platform_t *platform, nu_report_t *report)
{
    nu_report_t local;
    nu_ctx_t ctx;
    run_state_t run;
    ctx_init(&ctx, hal, platform, report != 0 ? report : &local);
    nu_fill_bytes((uint8_t *)&run, 0, sizeof(run));
    run_steps(&ctx, &run);
    ctx.report->status = ctx.status;
    return ctx.status;
}

uint32_t nu_swap_stage_abi_version(void)
{
    return NU_SWAP_STAGE_ABI_VERSION;
}

/* The query helpers' shared start: a checked HAL and platform, a context over a throw-away report, and a kind (and
 * slot) in range. */
int nu_query_init(nu_ctx_t *ctx, nu_report_t *report, const nu_flash_hal_t *hal, const nu_platform_t *platform,
                  uint32_t kind, uint32_t slot)
{
    int rc = nu_platform_check(hal, platform);
    if (rc == NU_OK && (kind - 1 >= NU_KIND_COUNT || slot - 1 >= 2)) {
        rc = NU_ERR_ARGUMENT;
    }
    if (rc == NU_OK) {
        ctx_init(ctx, hal, platform, report);
        nu_select_kind(ctx, kind);
    }
    return rc;
}

/* A query's answer, or the error that made it meaningless. */
static int answer(const nu_ctx_t *ctx, int rc)
{
    return ctx->status != NU_OK ? ctx->status : rc;
}

int nu_region_can_run(const nu_flash_hal_t *hal, const nu_platform_t *platform, uint32_t kind)
{
    nu_report_t report;
    nu_ctx_t ctx;
    int rc = nu_query_init(&ctx, &report, hal, platform, kind, 1);
    return rc != NU_OK ? rc : answer(&ctx, nu_region_span_can_run(&ctx));
}

int nu_slot_check(const nu_flash_hal_t *hal, const nu_platform_t *platform, uint32_t kind, uint32_t slot,
                  nu_image_info_t *info)
{
    nu_report_t report;
    nu_ctx_t ctx;
    nu_image_t image;
    int rc = nu_query_init(&ctx, &report, hal, platform, kind, slot);
    if (rc != NU_OK) {
        return rc;
    }
    rc = nu_image_check_slot(&ctx, slot, &image);
    if (info != 0) {
        *info = image.info;
    }
    return answer(&ctx, rc);
}

int nu_record_read(const nu_flash_hal_t *hal, const nu_platform_t *platform, uint32_t kind, nu_image_info_t *info)
{
    nu_report_t report;
    nu_ctx_t ctx;
    nu_image_t image;
    int rc = nu_query_init(&ctx, &report, hal, platform, kind, 1);
    if (rc != NU_OK) {
        return rc;
    }
    rc = answer(&ctx, nu_record_load(&ctx, &image));
    if (info != 0 && rc > 0) {
        *info = image.info;
    }
    return rc;
}
