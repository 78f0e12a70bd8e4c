/* The power-cut campaign. For each scenario: run the boot once without faults (the reference), then for every
 * mutating flash operation N of that boot, cut the power before N, and again in the middle of N (a torn program or
 * a torn erase), boot again without faults, and require that the board ends exactly where the reference ended:
 * internal flash and NOR byte for byte (the journal excepted, which legitimately holds extra records), each region
 * runnable and matching its installed record, the other region untouched, the backup usable, the request consumed.
 * Anything else is a brick and is counted. One exception is exact, not tolerated: a cut in the middle of the boot's
 * last operation may still leave that operation complete; the board then holds exactly the reference state, and
 * the next boot is the unconfirmed trial boot, so it must end where the reference's next boot ends (a TEST image
 * is reverted: MCUboot's rule too).
 *
 *   test_campaign                      bounded run used by CTest (every cut of the 40 KiB scenarios, two of them
 *                                      and the 700 KB one at a stride)
 *   test_campaign --scenario NAME      one scenario (bounded)
 *   test_campaign --exhaustive         every cut of every scenario, the 700 KB one included, each followed by a
 *                                      second cut somewhere in the recovery boot and then a clean boot */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "device.h"

#define JOURNAL_END 0x2000u
#define NOR_USED_END 0x510000u

typedef struct scenario {
    const char *name;
    void (*setup)(device_t *d, uint32_t scale);
    uint32_t bounded_stride; /* every Nth operation in the bounded run */
    uint32_t image_kib;      /* image size in KiB */
} scenario_t;

typedef struct figures {
    uint64_t cuts;
    uint64_t bricks;
    uint32_t reference_ops;
    uint32_t completed_anyway; /* cuts during the last operation that still completed it */
    uint64_t double_cuts;      /* cuts followed by a second cut in the recovery boot */
} figures_t;

static int exhaustive;

static void make_pair(test_image_t *a, test_image_t *b, uint32_t kind, uint32_t kib)
{
    test_image_make(a, kind, kib * 1024u, kind * 100u + 1u, 1, 3, trusted_key_hash_a);
    test_image_make(b, kind, kib * 1024u, kind * 100u + 2u, 2, 3, trusted_key_hash_b);
}

static void setup_install(device_t *d, uint32_t kind, uint32_t kib, int request)
{
    test_image_t a, b;
    make_pair(&a, &b, kind, kib);
    device_install_as_current(d, &a, NU_RECORD_CONFIRMED);
    device_stage(d, &b, request);
    test_image_free(&a);
    test_image_free(&b);
}

static void install_test_nanoclr(device_t *d, uint32_t kib)
{
    setup_install(d, NU_KIND_NANOCLR, kib, NU_REQUEST_TEST);
}

static void install_permanent_nanoclr(device_t *d, uint32_t kib)
{
    setup_install(d, NU_KIND_NANOCLR, kib, NU_REQUEST_PERMANENT);
}

static void install_test_deployment(device_t *d, uint32_t kib)
{
    setup_install(d, NU_KIND_DEPLOYMENT, kib, NU_REQUEST_TEST);
}

/* One release of two images: tagged requests (contract §3.1), as the agent writes them. */
static void install_both_test(device_t *d, uint32_t kib)
{
    setup_install(d, NU_KIND_NANOCLR, kib, NU_REQUEST_TEST);
    setup_install(d, NU_KIND_DEPLOYMENT, kib, NU_REQUEST_TEST);
    device_tag_release(d, 0x5EEDC0DEu);
}

static void revert_nanoclr(device_t *d, uint32_t kib)
{
    nu_report_t report;
    setup_install(d, NU_KIND_NANOCLR, kib, NU_REQUEST_TEST);
    if (device_boot(d, &report) != NU_OK) { /* installed, not confirmed: the campaign's boot reverts */
        abort();
    }
}

static void revert_both(device_t *d, uint32_t kib)
{
    nu_report_t report;
    install_both_test(d, kib);
    if (device_boot(d, &report) != NU_OK) {
        abort();
    }
}

/* Both installed as TEST, the agent's confirm cut after the nanoCLR's record: the boot finishes the confirm. */
static void complete_half_confirm(device_t *d, uint32_t kib)
{
    nu_report_t report;
    install_both_test(d, kib);
    if (device_boot(d, &report) != NU_OK) {
        abort();
    }
    device_confirm(d, NU_KIND_NANOCLR);
}

static void recovery_nanoclr_from_staging(device_t *d, uint32_t kib)
{
    test_image_t a, b;
    make_pair(&a, &b, NU_KIND_NANOCLR, kib);
    device_install_as_current(d, &a, NU_RECORD_CONFIRMED);
    device_put_backup(d, &a);
    device_stage(d, &b, 3);                          /* installed once, request consumed */
    memset(device_region(d, NU_KIND_NANOCLR), 0x00, 8); /* vector table destroyed */
    test_image_free(&a);
    test_image_free(&b);
}

static void recovery_deployment_from_backup(device_t *d, uint32_t kib)
{
    test_image_t a;
    test_image_make(&a, NU_KIND_DEPLOYMENT, kib * 1024u, 7, 1, 3, trusted_key_hash_a);
    device_install_as_current(d, &a, NU_RECORD_CONFIRMED);
    device_put_backup(d, &a);
    device_region(d, NU_KIND_DEPLOYMENT)[300] ^= 0x20; /* an assembly's CRC fails */
    test_image_free(&a);
}

static void install_over_developer_region(device_t *d, uint32_t kib)
{
    test_image_t b;
    uint8_t *developer = malloc(kib * 1024u);
    payload_nanoclr(developer, kib * 1024u - 6u, 9);
    device_developer_deploy(d, NU_KIND_NANOCLR, developer, kib * 1024u - 6u);
    test_image_make(&b, NU_KIND_NANOCLR, kib * 1024u, 8, 2, 3, trusted_key_hash_a);
    device_stage(d, &b, NU_REQUEST_TEST);
    free(developer);
    test_image_free(&b);
}

static void revert_to_developer_region(device_t *d, uint32_t kib)
{
    nu_report_t report;
    install_over_developer_region(d, kib);
    if (device_boot(d, &report) != NU_OK) {
        abort();
    }
}

/* A journal close to full: the install's BEGIN first compacts it into the other sector. */
static void install_with_compaction(device_t *d, uint32_t kib)
{
    test_image_t small[2];
    nu_report_t report;
    uint32_t round;
    test_image_make(&small[0], NU_KIND_DEPLOYMENT, 8000, 1, 1, 0, trusted_key_hash_a);
    test_image_make(&small[1], NU_KIND_DEPLOYMENT, 8000, 2, 1, 0, trusted_key_hash_a);
    device_install_as_current(d, &small[0], NU_RECORD_CONFIRMED);
    for (round = 0; round < 13; round++) {
        device_stage(d, &small[(round + 1) % 2], NU_REQUEST_PERMANENT);
        if (device_boot(d, &report) != NU_OK) {
            abort();
        }
    }
    setup_install(d, NU_KIND_NANOCLR, kib, NU_REQUEST_TEST);
    test_image_free(&small[0]);
    test_image_free(&small[1]);
}

/* Two requests, the deployment one tampered with: both rejected, the good one consumed first. */
static void reject_with_companion(device_t *d, uint32_t kib)
{
    install_both_test(d, kib);
    d->flash.nor[d->platform.regions[1].staging_offset + 0x200 + 1000] ^= 0x01;
}

static const scenario_t scenarios[] = {
    {"install_test_nanoclr", install_test_nanoclr, 1, 40},
    {"install_permanent_nanoclr", install_permanent_nanoclr, 1, 40},
    {"install_test_deployment", install_test_deployment, 1, 40},
    {"install_both_test", install_both_test, 2, 40},
    {"revert_nanoclr", revert_nanoclr, 1, 40},
    {"revert_both", revert_both, 2, 40},
    {"complete_half_confirm", complete_half_confirm, 1, 40},
    {"recovery_nanoclr_from_staging", recovery_nanoclr_from_staging, 1, 40},
    {"recovery_deployment_from_backup", recovery_deployment_from_backup, 1, 40},
    {"install_over_developer_region", install_over_developer_region, 1, 40},
    {"revert_to_developer_region", revert_to_developer_region, 1, 40},
    {"install_with_compaction", install_with_compaction, 1, 40},
    {"reject_with_companion", reject_with_companion, 1, 40},
    {"install_test_nanoclr_700k", install_test_nanoclr, 23, 700},
};

static device_t board, snapshot, reference, reference_next;

static void save(device_t *to, device_t *from)
{
    memcpy(to->flash.internal, from->flash.internal, MODEL_INTERNAL_SIZE);
    memcpy(to->flash.nor, from->flash.nor, NOR_USED_END);
}

static uint32_t first_difference(const uint8_t *a, const uint8_t *b, uint32_t length)
{
    uint32_t i;
    for (i = 0; i < length; i++) {
        if (a[i] != b[i]) {
            return i;
        }
    }
    return length;
}

/* The end state must be the reference end state, and sound on its own terms. */
static int same_contents(device_t *a, device_t *b)
{
    return memcmp(a->flash.internal, b->flash.internal, MODEL_INTERNAL_SIZE) == 0 &&
           memcmp(a->flash.nor, b->flash.nor, NOR_USED_END) == 0;
}

static int ends_like(device_t *d, device_t *reference, const char *name, uint32_t op, int mode)
{
    uint32_t kind, at;
    const char *what = NULL;
    if (memcmp(d->flash.internal, reference->flash.internal, MODEL_INTERNAL_SIZE) != 0) {
        at = first_difference(d->flash.internal, reference->flash.internal, MODEL_INTERNAL_SIZE);
        fprintf(stderr, "%s: cut %s op %u: internal flash differs at 0x%08x\n", name,
                mode == CUT_BEFORE ? "before" : "during", op, MODEL_INTERNAL_BASE + at);
        return 0;
    }
    if (memcmp(d->flash.nor + JOURNAL_END, reference->flash.nor + JOURNAL_END, NOR_USED_END - JOURNAL_END) != 0) {
        at = JOURNAL_END + first_difference(d->flash.nor + JOURNAL_END, reference->flash.nor + JOURNAL_END,
                                            NOR_USED_END - JOURNAL_END);
        fprintf(stderr, "%s: cut %s op %u: NOR differs at 0x%06x\n", name, mode == CUT_BEFORE ? "before" : "during",
                op, at);
        return 0;
    }
    for (kind = 1; kind <= NU_KIND_COUNT; kind++) {
        nu_journal_record_t got, want;
        int has_got = device_last_result(d, kind, &got), has_want = device_last_result(reference, kind, &want);
        if (nu_region_can_run(&d->hal, &d->platform, kind) != nu_region_can_run(&reference->hal, &reference->platform,
                                                                                 kind)) {
            what = "can-run differs";
        } else if (has_got != has_want || (has_got == 1 && (got.type != want.type || got.arg0 != want.arg0 ||
                                                            memcmp(got.digest, want.digest, 16) != 0))) {
            what = "last result differs";
        }
        if (what != NULL) {
            fprintf(stderr, "%s: cut %s op %u: kind %u %s\n", name, mode == CUT_BEFORE ? "before" : "during", op,
                    kind, what);
            return 0;
        }
    }
    return 1;
}

static void run_scenario(const scenario_t *s, figures_t *figures)
{
    nu_report_t report;
    uint32_t scale = s->image_kib;
    uint32_t stride = exhaustive ? 1 : s->bounded_stride;
    uint32_t op, ops;
    int mode;

    device_reset(&board);
    s->setup(&board, scale);
    save(&snapshot, &board);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    ops = board.flash.counts.mutating_ops;
    save(&reference, &board);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    save(&reference_next, &board);
    figures->reference_ops = ops;
    for (op = 0; op < ops; op += stride) {
        for (mode = CUT_BEFORE; mode <= CUT_DURING; mode++) {
            uint32_t seed = op * 2u + (uint32_t)mode;
            int rc, sound;
            device_t *expected;
            save(&board, &snapshot);
            rc = device_boot_with_cut(&board, (enum cut_mode)mode, op, seed, &report);
            CHECK_EQ_INT(rc, NU_ERR_HAL);
            CHECK_EQ_INT(report.hal_error, MODEL_POWER_CUT);
            expected = same_contents(&board, &reference) ? &reference_next : &reference;
            figures->completed_anyway += expected == &reference_next;
            if (exhaustive || op % 4 == 0) {
                /* a second cut somewhere in the recovery boot, then a clean boot (bounded: every 4th cut) */
                rc = device_boot_with_cut(&board, (enum cut_mode)(1 + (seed & 1u)), (seed * 7919u) % (ops + 1u),
                                          seed + 1u, &report);
                if (rc != NU_OK) {
                    figures->double_cuts++; /* the second cut fired before that boot finished */
                    rc = device_boot(&board, &report);
                }
            } else {
                rc = device_boot(&board, &report);
            }
            sound = rc == NU_OK && board.flash.violation == NULL && ends_like(&board, expected, s->name, op, mode);
            if (rc != NU_OK) {
                fprintf(stderr, "%s: cut %s op %u: recovery boot returned %d\n", s->name,
                        mode == CUT_BEFORE ? "before" : "during", op, rc);
            }
            figures->cuts++;
            figures->bricks += sound ? 0u : 1u;
        }
    }
    CHECK(board.flash.violation == NULL);
}

int main(int argc, char **argv)
{
    const char *only = NULL;
    uint64_t cuts = 0, bricks = 0, second = 0;
    size_t i;
    int ran = 0;

    for (i = 1; i < (size_t)argc; i++) {
        if (strcmp(argv[i], "--exhaustive") == 0) {
            exhaustive = 1;
        } else if (strcmp(argv[i], "--scenario") == 0 && i + 1 < (size_t)argc) {
            only = argv[++i];
        } else {
            fprintf(stderr, "usage: test_campaign [--exhaustive] [--scenario NAME]\n");
            return 2;
        }
    }
    device_init(&board);
    device_init(&snapshot);
    device_init(&reference);
    device_init(&reference_next);
    printf("%-34s %10s %10s %12s %8s %s\n", "scenario", "flash ops", "cuts", "second cuts", "bricks",
           exhaustive ? "(exhaustive)" : "");
    for (i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++) {
        figures_t f;
        if (only != NULL && strcmp(only, scenarios[i].name) != 0) {
            continue;
        }
        memset(&f, 0, sizeof(f));
        run_scenario(&scenarios[i], &f);
        printf("%-34s %10u %10llu %12llu %8llu%s\n", scenarios[i].name, f.reference_ops, (unsigned long long)f.cuts,
               (unsigned long long)f.double_cuts, (unsigned long long)f.bricks,
               !exhaustive && scenarios[i].bounded_stride > 1 ? "  (every op sampled at a stride)" : "");
        fflush(stdout);
        cuts += f.cuts;
        second += f.double_cuts;
        bricks += f.bricks;
        ran++;
    }
    printf("power-cut campaign: %llu cuts tried (%llu of them followed by a second cut), %llu bricks\n",
           (unsigned long long)cuts, (unsigned long long)second, (unsigned long long)bricks);
    CHECK(ran > 0);
    CHECK_EQ_INT(bricks, 0);
    device_free(&board);
    device_free(&snapshot);
    device_free(&reference);
    device_free(&reference_next);
    CHECK_EXIT("test_campaign");
}
