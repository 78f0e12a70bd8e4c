/* Behaviour of the stage, one scenario per function, on the simulated board: install TEST/PERMANENT, revert of an
 * unconfirmed or torn-confirmed TEST image, developer deployments never undone, every reject reason, recovery of a
 * region that cannot run, unsigned backups, REVERT_FAILED, combined updates, journal compaction, wear, idle boots
 * that write nothing, HAL errors and bad arguments. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "device.h"
#include "nu_stage_internal.h"

#define CLR_SIZE (180u * 1024u)   /* spans S2, S3, S4 and into S5 */
#define DEP_SIZE (300u * 1024u)

static device_t board;

static uint32_t total_erases(void)
{
    return board.flash.counts.internal_erases;
}

/* Old image A confirmed in the region, new image B staged with a request. */
static void setup_update(test_image_t *a, test_image_t *b, uint32_t kind, int request)
{
    uint32_t size = kind == NU_KIND_NANOCLR ? CLR_SIZE : DEP_SIZE;
    device_reset(&board);
    test_image_make(a, kind, size, 11, 1, 3, trusted_key_hash_a);
    test_image_make(b, kind, size, 22, 2, 3, trusted_key_hash_b);
    device_install_as_current(&board, a, NU_RECORD_CONFIRMED);
    device_stage(&board, b, request);
}

static void test_install_test_then_revert(uint32_t kind)
{
    test_image_t a, b;
    nu_report_t report;
    nu_journal_record_t last;
    uint8_t digest[32];
    uint32_t other = kind == NU_KIND_NANOCLR ? NU_KIND_DEPLOYMENT : NU_KIND_NANOCLR;
    uint8_t *other_before = malloc(device_region_size(&board, other));

    setup_update(&a, &b, kind, NU_REQUEST_TEST);
    memset(device_region(&board, other), 0x5A, 64); /* something in the other region that must not change */
    memcpy(other_before, device_region(&board, other), device_region_size(&board, other));

    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(report.kinds[kind - 1].actions & NU_DID_INSTALL);
    CHECK(report.kinds[kind - 1].actions & NU_DID_BACKUP_SIGNED);
    CHECK_EQ_INT(report.kinds[kind - 1].install_mode, NU_MODE_TEST);
    CHECK_EQ_INT(report.kinds[kind - 1].can_run, 1);
    CHECK(device_region_holds(&board, &b));
    CHECK_EQ_INT(device_record_state(&board, kind, digest), NU_RECORD_TEST_PENDING);
    CHECK(memcmp(digest, b.digest, 32) == 0);
    CHECK_EQ_INT(device_request_state(&board, kind), NU_REQUEST_NONE);
    CHECK(device_backup_holds(&board, &a));
    CHECK_EQ_INT(device_last_result(&board, kind, &last), 1);
    CHECK_EQ_INT(last.type, NU_JOURNAL_INSTALL_END);
    CHECK_EQ_INT(last.arg0, NU_MODE_TEST);
    CHECK(memcmp(last.digest, b.digest, 16) == 0);
    CHECK(memcmp(other_before, device_region(&board, other), device_region_size(&board, other)) == 0);

    /* not confirmed: the next boot reverts */
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(report.kinds[kind - 1].actions & NU_DID_REVERT);
    CHECK(device_region_holds(&board, &a));
    CHECK_EQ_INT(device_record_state(&board, kind, digest), NU_RECORD_CONFIRMED);
    CHECK(memcmp(digest, a.digest, 32) == 0);
    CHECK(device_backup_holds(&board, &a));
    CHECK_EQ_INT(device_last_result(&board, kind, &last), 1);
    CHECK_EQ_INT(last.type, NU_JOURNAL_REVERT_END);
    CHECK(memcmp(other_before, device_region(&board, other), device_region_size(&board, other)) == 0);

    /* settled: a boot writes nothing */
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK_EQ_INT(board.flash.counts.mutating_ops, 0);
    CHECK_EQ_INT(report.kinds[kind - 1].actions, 0);
    CHECK(board.flash.violation == NULL);
    free(other_before);
    test_image_free(&a);
    test_image_free(&b);
}

static void test_confirmed_test_image_stays(void)
{
    test_image_t a, b;
    nu_report_t report;
    setup_update(&a, &b, NU_KIND_NANOCLR, NU_REQUEST_TEST);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    device_confirm(&board, NU_KIND_NANOCLR);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK_EQ_INT(board.flash.counts.mutating_ops, 0);
    CHECK(device_region_holds(&board, &b));
    CHECK_EQ_INT(device_record_state(&board, NU_KIND_NANOCLR, NULL), NU_RECORD_CONFIRMED);
    test_image_free(&a);
    test_image_free(&b);
}

static void test_permanent_install(void)
{
    test_image_t a, b;
    nu_report_t report;
    setup_update(&a, &b, NU_KIND_DEPLOYMENT, NU_REQUEST_PERMANENT);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK_EQ_INT(report.kinds[1].install_mode, NU_MODE_PERMANENT);
    CHECK(device_region_holds(&board, &b));
    CHECK_EQ_INT(device_record_state(&board, NU_KIND_DEPLOYMENT, NULL), NU_RECORD_CONFIRMED);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(device_region_holds(&board, &b));
    CHECK_EQ_INT(board.flash.counts.mutating_ops, 0);
    test_image_free(&a);
    test_image_free(&b);
}

static void test_torn_confirm_reverts(void)
{
    test_image_t a, b;
    nu_report_t report;
    uint8_t *trailer;
    setup_update(&a, &b, NU_KIND_NANOCLR, NU_REQUEST_TEST);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    trailer = board.flash.nor + board.platform.regions[0].record_offset + 4096 - 48;
    trailer[24] = 0x41; /* image_ok programmed halfway: 0xFF -> 0x01 cut short */
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(report.kinds[0].actions & NU_DID_REVERT);
    CHECK(device_region_holds(&board, &a));
    test_image_free(&a);
    test_image_free(&b);
}

static void test_developer_deploy_is_never_undone(void)
{
    test_image_t a, b, c;
    nu_report_t report;
    /* over a TEST-pending install: adopted */
    setup_update(&a, &b, NU_KIND_DEPLOYMENT, NU_REQUEST_TEST);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    test_image_make(&c, NU_KIND_DEPLOYMENT, 100u * 1024u, 33, 9, 3, NULL);
    device_developer_deploy(&board, NU_KIND_DEPLOYMENT, c.bytes + c.header_size, c.payload_size);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(report.kinds[1].actions & NU_DID_ADOPT);
    CHECK(!(report.kinds[1].actions & NU_DID_REVERT));
    CHECK(device_region_holds(&board, &c));
    CHECK_EQ_INT(device_record_state(&board, NU_KIND_DEPLOYMENT, NULL), NU_RECORD_ABSENT);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(device_region_holds(&board, &c));
    CHECK_EQ_INT(board.flash.counts.mutating_ops, 0);
    {
        nu_journal_record_t last;
        CHECK_EQ_INT(device_last_result(&board, NU_KIND_DEPLOYMENT, &last), 1);
        CHECK_EQ_INT(last.type, NU_JOURNAL_ADOPTED);
    }
    /* over a confirmed install: nothing to do, nothing done */
    device_reset(&board);
    device_install_as_current(&board, &a, NU_RECORD_CONFIRMED);
    device_developer_deploy(&board, NU_KIND_DEPLOYMENT, c.bytes + c.header_size, c.payload_size);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(device_region_holds(&board, &c));
    CHECK_EQ_INT(report.kinds[1].actions, 0);
    /* a developer erasing the application: an erased deployment region can run and is left alone */
    memset(device_region(&board, NU_KIND_DEPLOYMENT), 0xFF, device_region_size(&board, NU_KIND_DEPLOYMENT));
    device_put_backup(&board, &a);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK_EQ_INT(report.kinds[1].actions, 0);
    CHECK_EQ_INT(report.kinds[1].can_run, 1);
    test_image_free(&a);
    test_image_free(&b);
    test_image_free(&c);
}

static void expect_rejected(const test_image_t *current, uint32_t kind, uint8_t reason)
{
    nu_report_t report;
    nu_journal_record_t last;
    uint8_t digest[32];
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(report.kinds[kind - 1].actions & NU_DID_REJECT);
    CHECK(!(report.kinds[kind - 1].actions & NU_DID_INSTALL));
    CHECK_EQ_INT(report.kinds[kind - 1].reject_reason, reason);
    CHECK(device_region_holds(&board, current));
    CHECK_EQ_INT(device_record_state(&board, kind, digest), NU_RECORD_CONFIRMED);
    CHECK(memcmp(digest, current->digest, 32) == 0);
    CHECK_EQ_INT(device_request_state(&board, kind), NU_REQUEST_NONE);
    CHECK_EQ_INT(device_last_result(&board, kind, &last), 1);
    CHECK_EQ_INT(last.type, NU_JOURNAL_REJECTED);
    CHECK_EQ_INT(last.arg0, reason);
    CHECK_EQ_INT(board.flash.counts.internal_erases, 0);
    /* consumed: the next boot does not look at it again */
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK_EQ_INT(board.flash.counts.mutating_ops, 0);
}

static void test_rejections(void)
{
    test_image_t a, b, c;
    const nu_region_layout_t *clr = &board.platform.regions[0];
    image_spec_t spec;
    uint8_t *payload;

    setup_update(&a, &b, NU_KIND_NANOCLR, NU_REQUEST_TEST);
    board.flash.nor[clr->staging_offset + b.header_size + 5000] ^= 0x10; /* tampered after the agent checked it */
    expect_rejected(&a, NU_KIND_NANOCLR, NU_REJECT_HASH);
    test_image_free(&b);

    device_reset(&board);
    device_install_as_current(&board, &a, NU_RECORD_CONFIRMED);
    test_image_make(&b, NU_KIND_NANOCLR, CLR_SIZE, 22, 2, 3, untrusted_key_hash);
    device_stage(&board, &b, NU_REQUEST_PERMANENT);
    expect_rejected(&a, NU_KIND_NANOCLR, NU_REJECT_KEY);
    test_image_free(&b);

    device_reset(&board);
    device_install_as_current(&board, &a, NU_RECORD_CONFIRMED);
    test_image_make(&b, NU_KIND_NANOCLR, CLR_SIZE, 22, 2, 3, NULL);
    device_stage(&board, &b, NU_REQUEST_TEST);
    expect_rejected(&a, NU_KIND_NANOCLR, NU_REJECT_KEY);
    test_image_free(&b);

    device_reset(&board);
    device_install_as_current(&board, &a, NU_RECORD_CONFIRMED);
    test_image_make(&b, NU_KIND_NANOCLR, CLR_SIZE, 22, 2, 2, trusted_key_hash_a); /* counter 2 < installed 3 */
    device_stage(&board, &b, NU_REQUEST_TEST);
    expect_rejected(&a, NU_KIND_NANOCLR, NU_REJECT_DOWNGRADE);
    test_image_free(&b);

    /* no security counter TLV at all counts as 0: below the installed 3 */
    payload = malloc(CLR_SIZE);
    payload_nanoclr(payload, CLR_SIZE, 78);
    memset(&spec, 0, sizeof(spec));
    spec.load_address = 0x08010000u;
    spec.header_size = 0x200;
    spec.payload = payload;
    spec.payload_size = CLR_SIZE;
    spec.version_major = 5;
    spec.key_hash = trusted_key_hash_a;
    device_reset(&board);
    device_install_as_current(&board, &a, NU_RECORD_CONFIRMED);
    test_image_make_from_spec(&b, NU_KIND_NANOCLR, &spec);
    device_stage(&board, &b, NU_REQUEST_TEST);
    expect_rejected(&a, NU_KIND_NANOCLR, NU_REJECT_DOWNGRADE);
    test_image_free(&b);
    free(payload);

    /* a deployment image staged for nanoCLR: another board's (or region's) load address */
    device_reset(&board);
    device_install_as_current(&board, &a, NU_RECORD_CONFIRMED);
    test_image_make(&b, NU_KIND_DEPLOYMENT, 40000, 5, 2, 3, trusted_key_hash_a);
    b.kind = NU_KIND_NANOCLR;
    device_stage(&board, &b, NU_REQUEST_TEST);
    expect_rejected(&a, NU_KIND_NANOCLR, NU_REJECT_LOAD_ADDRESS);
    test_image_free(&b);

    /* larger than the region */
    device_reset(&board);
    device_install_as_current(&board, &a, NU_RECORD_CONFIRMED);
    test_image_make(&b, NU_KIND_NANOCLR, CLR_SIZE, 22, 2, 3, trusted_key_hash_a);
    device_stage(&board, &b, NU_REQUEST_TEST);
    test_put_le32(board.flash.nor + clr->staging_offset + 12, clr->region_size + 4);
    expect_rejected(&a, NU_KIND_NANOCLR, NU_REJECT_SIZE);
    test_image_free(&b);

    /* header and TLV layout: bad magic; a security counter in the unprotected area (MCUboot's allow list) */
    device_reset(&board);
    device_install_as_current(&board, &a, NU_RECORD_CONFIRMED);
    test_image_make(&b, NU_KIND_NANOCLR, CLR_SIZE, 22, 2, 3, trusted_key_hash_a);
    device_stage(&board, &b, NU_REQUEST_TEST);
    board.flash.nor[clr->staging_offset] ^= 1;
    expect_rejected(&a, NU_KIND_NANOCLR, NU_REJECT_LAYOUT);
    test_image_free(&b);

    payload = malloc(CLR_SIZE);
    payload_nanoclr(payload, CLR_SIZE, 77);
    memset(&spec, 0, sizeof(spec));
    spec.load_address = 0x08010000u;
    spec.header_size = 0x200;
    spec.payload = payload;
    spec.payload_size = CLR_SIZE;
    spec.version_major = 3;
    spec.has_security_counter = 1;
    spec.security_counter = 3;
    spec.key_hash = trusted_key_hash_a;
    spec.unknown_unprotected_tlv = 1;
    device_reset(&board);
    device_install_as_current(&board, &a, NU_RECORD_CONFIRMED);
    test_image_make_from_spec(&b, NU_KIND_NANOCLR, &spec);
    device_stage(&board, &b, NU_REQUEST_TEST);
    expect_rejected(&a, NU_KIND_NANOCLR, NU_REJECT_LAYOUT);
    test_image_free(&b);

    /* an unknown protected TLV is accepted (MCUboot ignores unknown protected TLVs) */
    spec.unknown_unprotected_tlv = 0;
    spec.unknown_protected_tlv = 1;
    device_reset(&board);
    device_install_as_current(&board, &a, NU_RECORD_CONFIRMED);
    test_image_make_from_spec(&b, NU_KIND_NANOCLR, &spec);
    device_stage(&board, &b, NU_REQUEST_PERMANENT);
    {
        nu_report_t report;
        CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
        CHECK(report.kinds[0].actions & NU_DID_INSTALL);
        CHECK(device_region_holds(&board, &b));
    }
    test_image_free(&b);
    free(payload);

    /* two requests, one bad: both rejected, the good one with reason 8, both consumed */
    device_reset(&board);
    test_image_make(&b, NU_KIND_NANOCLR, CLR_SIZE, 22, 2, 3, trusted_key_hash_a);
    test_image_make(&c, NU_KIND_DEPLOYMENT, DEP_SIZE, 44, 2, 3, trusted_key_hash_a);
    device_install_as_current(&board, &a, NU_RECORD_CONFIRMED);
    device_stage(&board, &b, NU_REQUEST_TEST);
    device_stage(&board, &c, NU_REQUEST_TEST);
    board.flash.nor[board.platform.regions[1].staging_offset + c.header_size + 100] ^= 0x80;
    {
        nu_report_t report;
        CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
        CHECK_EQ_INT(report.kinds[0].reject_reason, NU_REJECT_COMPANION);
        CHECK_EQ_INT(report.kinds[1].reject_reason, NU_REJECT_HASH);
        CHECK(device_region_holds(&board, &a));
        CHECK_EQ_INT(device_request_state(&board, NU_KIND_NANOCLR), NU_REQUEST_NONE);
        CHECK_EQ_INT(device_request_state(&board, NU_KIND_DEPLOYMENT), NU_REQUEST_NONE);
        CHECK_EQ_INT(board.flash.counts.internal_erases, 0);
    }
    test_image_free(&a);
    test_image_free(&b);
    test_image_free(&c);
}

static void test_security_counter_equal_or_higher_accepted(void)
{
    test_image_t a, b;
    nu_report_t report;
    device_reset(&board);
    test_image_make(&a, NU_KIND_NANOCLR, CLR_SIZE, 11, 1, 3, trusted_key_hash_a);
    test_image_make(&b, NU_KIND_NANOCLR, CLR_SIZE, 22, 0, 3, trusted_key_hash_a); /* older version, same counter */
    device_install_as_current(&board, &a, NU_RECORD_CONFIRMED);
    device_stage(&board, &b, NU_REQUEST_PERMANENT);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(device_region_holds(&board, &b));
    test_image_free(&b);
    test_image_make(&b, NU_KIND_NANOCLR, CLR_SIZE, 23, 0, 9, trusted_key_hash_a);
    device_stage(&board, &b, NU_REQUEST_PERMANENT);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(device_region_holds(&board, &b));
    test_image_free(&a);
    test_image_free(&b);
}

static void test_recovery(void)
{
    test_image_t a, b;
    nu_report_t report;
    uint8_t digest[32];

    /* from the backup: region erased, staging empty */
    device_reset(&board);
    test_image_make(&a, NU_KIND_NANOCLR, CLR_SIZE, 11, 1, 3, trusted_key_hash_a);
    test_image_make(&b, NU_KIND_NANOCLR, CLR_SIZE, 22, 2, 3, trusted_key_hash_a);
    device_install_as_current(&board, &a, NU_RECORD_CONFIRMED);
    device_put_backup(&board, &a);
    memset(device_region(&board, NU_KIND_NANOCLR), 0xFF, 0x8000); /* S2 erased: the vector table is gone */
    CHECK_EQ_INT(nu_region_can_run(&board.hal, &board.platform, NU_KIND_NANOCLR), 0);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(report.kinds[0].actions & NU_DID_RECOVER);
    CHECK_EQ_INT(report.kinds[0].install_source, NU_SOURCE_BACKUP);
    CHECK_EQ_INT(report.kinds[0].can_run, 1);
    CHECK(device_region_holds(&board, &a));
    CHECK_EQ_INT(device_record_state(&board, NU_KIND_NANOCLR, digest), NU_RECORD_CONFIRMED);
    CHECK(memcmp(digest, a.digest, 32) == 0);

    /* from staging when the staged image is newer (its request long consumed) */
    device_stage(&board, &b, 3);
    memset(device_region(&board, NU_KIND_NANOCLR) + 0x20000, 0x00, 0x100); /* torn S4: vector table still fine */
    memset(device_region(&board, NU_KIND_NANOCLR), 0x00, 8);                /* ...and now it is not */
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK_EQ_INT(report.kinds[0].install_source, NU_SOURCE_STAGING);
    CHECK(device_region_holds(&board, &b));
    CHECK_EQ_INT(device_request_state(&board, NU_KIND_NANOCLR), NU_REQUEST_NONE);

    /* a tie on version: the image the record names wins */
    test_image_free(&b);
    {
        image_spec_t spec;
        uint8_t *payload = malloc(CLR_SIZE);
        payload_nanoclr(payload, CLR_SIZE, 12);
        memset(&spec, 0, sizeof(spec));
        spec.load_address = 0x08010000u;
        spec.header_size = 0x200;
        spec.payload = payload;
        spec.payload_size = CLR_SIZE;
        spec.version_major = 1; /* the same version as a: 1.3.3+11 */
        spec.version_minor = 3;
        spec.version_revision = 3;
        spec.version_build = 11;
        spec.key_hash = trusted_key_hash_b;
        test_image_make_from_spec(&b, NU_KIND_NANOCLR, &spec);
        free(payload);
    }
    device_reset(&board);
    device_install_as_current(&board, &b, NU_RECORD_CONFIRMED);
    device_put_backup(&board, &a);
    device_stage(&board, &b, 3);
    memset(device_region(&board, NU_KIND_NANOCLR), 0xFF, 8);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK_EQ_INT(report.kinds[0].install_source, NU_SOURCE_STAGING);
    CHECK(device_region_holds(&board, &b));
    /* ...and when the record names the backup's image, the backup wins the same tie */
    device_install_as_current(&board, &a, NU_RECORD_CONFIRMED);
    memset(device_region(&board, NU_KIND_NANOCLR), 0xFF, 8);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK_EQ_INT(report.kinds[0].install_source, NU_SOURCE_BACKUP);
    CHECK(device_region_holds(&board, &a));

    /* no valid source: reported, nothing written to the region */
    device_reset(&board);
    memset(device_region(&board, NU_KIND_NANOCLR), 0x00, 16);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(report.kinds[0].actions & NU_DID_NO_RECOVERY_SOURCE);
    CHECK_EQ_INT(report.kinds[0].can_run, 0);
    CHECK_EQ_INT(board.flash.counts.internal_erases, 0);
    test_image_free(&a);
    test_image_free(&b);

    /* deployment: a broken assembly CRC makes the region unrunnable; the backup restores it */
    device_reset(&board);
    test_image_make(&a, NU_KIND_DEPLOYMENT, DEP_SIZE, 12, 1, 3, trusted_key_hash_a);
    device_install_as_current(&board, &a, NU_RECORD_CONFIRMED);
    device_put_backup(&board, &a);
    device_region(&board, NU_KIND_DEPLOYMENT)[5000] ^= 0x01;
    CHECK_EQ_INT(nu_region_can_run(&board.hal, &board.platform, NU_KIND_DEPLOYMENT), 0);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(report.kinds[1].actions & NU_DID_RECOVER);
    CHECK(device_region_holds(&board, &a));
    /* stale bytes after the chain also make it unrunnable (the scan would pick them up) */
    device_region(&board, NU_KIND_DEPLOYMENT)[a.payload_size + 64] = 0x12;
    CHECK_EQ_INT(nu_region_can_run(&board.hal, &board.platform, NU_KIND_DEPLOYMENT), 0);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(device_region_holds(&board, &a));
    test_image_free(&a);
}

static void test_can_run_rules(void)
{
    uint8_t *clr;
    device_reset(&board);
    clr = device_region(&board, NU_KIND_NANOCLR);
    CHECK_EQ_INT(nu_region_can_run(&board.hal, &board.platform, NU_KIND_NANOCLR), 0); /* erased */
    CHECK_EQ_INT(nu_region_can_run(&board.hal, &board.platform, NU_KIND_DEPLOYMENT), 1);
    test_put_le32(clr, 0x20080000u);
    test_put_le32(clr + 4, 0x08010401u);
    CHECK_EQ_INT(nu_region_can_run(&board.hal, &board.platform, NU_KIND_NANOCLR), 1);
    test_put_le32(clr + 4, 0x08010400u); /* no Thumb bit */
    CHECK_EQ_INT(nu_region_can_run(&board.hal, &board.platform, NU_KIND_NANOCLR), 0);
    test_put_le32(clr + 4, 0x08000401u); /* reset handler in the booter */
    CHECK_EQ_INT(nu_region_can_run(&board.hal, &board.platform, NU_KIND_NANOCLR), 0);
    test_put_le32(clr + 4, 0x08010401u);
    test_put_le32(clr, 0x20080004u); /* stack above SRAM */
    CHECK_EQ_INT(nu_region_can_run(&board.hal, &board.platform, NU_KIND_NANOCLR), 0);
    test_put_le32(clr, 0x20000000u); /* stack at the very bottom: nothing below it */
    CHECK_EQ_INT(nu_region_can_run(&board.hal, &board.platform, NU_KIND_NANOCLR), 0);
    {
        uint8_t *dep = device_region(&board, NU_KIND_DEPLOYMENT);
        uint32_t n = payload_deployment(dep, 0x40000, 3, 3000, 5, 0);
        uint32_t m = payload_deployment(dep + n, 0x40000, 2, 2000, 6, 1); /* NFMRK1 then NFMRK2 assemblies */
        CHECK_EQ_INT(nu_region_can_run(&board.hal, &board.platform, NU_KIND_DEPLOYMENT), 1);
        dep[9] ^= 0x04; /* header CRC */
        CHECK_EQ_INT(nu_region_can_run(&board.hal, &board.platform, NU_KIND_DEPLOYMENT), 0);
        dep[9] ^= 0x04;
        dep[n + m - 20] ^= 0x55; /* last assembly's data (its last bytes may be padding, outside the CRC) */
        CHECK_EQ_INT(nu_region_can_run(&board.hal, &board.platform, NU_KIND_DEPLOYMENT), 0);
        dep[n + m - 20] ^= 0x55;
        memcpy(dep + n, "NFMRK3", 6); /* unknown marker */
        CHECK_EQ_INT(nu_region_can_run(&board.hal, &board.platform, NU_KIND_DEPLOYMENT), 0);
        memcpy(dep + n, "NFMRK2", 6);
        memset(dep + n + m - 100, 0xFF, 100); /* tail of the last assembly erased: a torn deployment */
        CHECK_EQ_INT(nu_region_can_run(&board.hal, &board.platform, NU_KIND_DEPLOYMENT), 0);
    }
}

static void test_unsigned_backup_and_revert_restores_developer_bytes(void)
{
    test_image_t b;
    uint8_t *developer = malloc(100000);
    nu_report_t report;
    nu_image_info_t info;
    uint32_t length = 99998; /* not a multiple of 4: the backup keeps whole words */

    device_reset(&board);
    payload_nanoclr(developer, length, 5);
    device_developer_deploy(&board, NU_KIND_NANOCLR, developer, length); /* flashed over ST-LINK, no record */
    test_image_make(&b, NU_KIND_NANOCLR, CLR_SIZE, 22, 2, 3, trusted_key_hash_a);
    device_stage(&board, &b, NU_REQUEST_TEST);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(report.kinds[0].actions & NU_DID_BACKUP);
    CHECK(!(report.kinds[0].actions & NU_DID_BACKUP_SIGNED));
    CHECK_EQ_INT(nu_slot_check(&board.hal, &board.platform, NU_KIND_NANOCLR, NU_SLOT_BACKUP, &info), 0);
    CHECK_EQ_INT(info.header_size, 32);
    CHECK_EQ_INT(info.image_size, 100000);
    CHECK_EQ_INT(info.version_major + info.version_minor + info.version_revision + info.version_build, 0);
    CHECK_EQ_INT(info.has_key_hash, 0);
    CHECK(device_region_holds(&board, &b));
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(report.kinds[0].actions & NU_DID_REVERT);
    CHECK(memcmp(device_region(&board, NU_KIND_NANOCLR), developer, length) == 0);
    CHECK_EQ_INT(device_region(&board, NU_KIND_NANOCLR)[length], 0xFF);
    CHECK_EQ_INT(device_record_state(&board, NU_KIND_NANOCLR, NULL), NU_RECORD_CONFIRMED);
    /* the same install again: the backup already holds this region, by hash, and is not rewritten */
    device_set_request(&board, NU_KIND_NANOCLR, NU_REQUEST_TEST);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(report.kinds[0].actions & NU_DID_BACKUP_SKIPPED);
    CHECK(!(report.kinds[0].actions & NU_DID_BACKUP));
    CHECK_EQ_INT(board.flash.counts.nor_erases_64k, 0);
    free(developer);
    test_image_free(&b);
}

/* A cut while the backup's TLVs were being programmed can leave the SHA-256 TLV whole and the key-hash TLV torn:
 * the hash still holds, but the bytes are not the original image's, so the backup must be written again. */
static void test_backup_with_torn_tlv_is_rewritten(void)
{
    test_image_t a, b;
    nu_report_t report;
    const nu_region_layout_t *clr = &board.platform.regions[0];
    setup_update(&a, &b, NU_KIND_NANOCLR, NU_REQUEST_TEST);
    device_put_backup(&board, &a);
    board.flash.nor[clr->backup_offset + a.length - 3] &= 0x0F; /* inside the key-hash TLV, after the SHA-256 one */
    CHECK_EQ_INT(nu_slot_check(&board.hal, &board.platform, NU_KIND_NANOCLR, NU_SLOT_BACKUP, NULL), 0);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(report.kinds[0].actions & NU_DID_BACKUP);
    CHECK(!(report.kinds[0].actions & NU_DID_BACKUP_SKIPPED));
    CHECK(device_backup_holds(&board, &a));
    /* and an intact backup is kept as it is */
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK); /* revert */
    device_set_request(&board, NU_KIND_NANOCLR, NU_REQUEST_TEST);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(report.kinds[0].actions & NU_DID_BACKUP_SKIPPED);
    test_image_free(&a);
    test_image_free(&b);
}

static void test_revert_failed_without_backup(void)
{
    test_image_t b;
    nu_report_t report;
    nu_journal_record_t last;
    device_reset(&board);
    test_image_make(&b, NU_KIND_NANOCLR, CLR_SIZE, 22, 2, 3, trusted_key_hash_a);
    device_install_as_current(&board, &b, NU_RECORD_TEST_PENDING);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(report.kinds[0].actions & NU_DID_REVERT_FAILED);
    CHECK(device_region_holds(&board, &b));
    CHECK_EQ_INT(device_record_state(&board, NU_KIND_NANOCLR, NULL), NU_RECORD_CONFIRMED);
    CHECK_EQ_INT(device_last_result(&board, NU_KIND_NANOCLR, &last), 1);
    CHECK_EQ_INT(last.type, NU_JOURNAL_REVERT_FAILED);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK_EQ_INT(board.flash.counts.mutating_ops, 0);
    test_image_free(&b);
}

static void test_combined_update_stays_together(void)
{
    test_image_t a1, b1, a2, b2;
    nu_report_t report;
    device_reset(&board);
    test_image_make(&a1, NU_KIND_NANOCLR, CLR_SIZE, 11, 1, 3, trusted_key_hash_a);
    test_image_make(&b1, NU_KIND_NANOCLR, CLR_SIZE, 22, 2, 3, trusted_key_hash_a);
    test_image_make(&a2, NU_KIND_DEPLOYMENT, DEP_SIZE, 13, 1, 3, trusted_key_hash_a);
    test_image_make(&b2, NU_KIND_DEPLOYMENT, DEP_SIZE, 24, 2, 3, trusted_key_hash_a);
    device_install_as_current(&board, &a1, NU_RECORD_CONFIRMED);
    device_install_as_current(&board, &a2, NU_RECORD_CONFIRMED);
    device_stage(&board, &b1, NU_REQUEST_TEST);
    device_stage(&board, &b2, NU_REQUEST_TEST);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(device_region_holds(&board, &b1));
    CHECK(device_region_holds(&board, &b2));
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(device_region_holds(&board, &a1));
    CHECK(device_region_holds(&board, &a2));

    /* the state a cut between the two installs leaves: nanoCLR done (TEST pending), deployment still requested */
    device_reset(&board);
    device_install_as_current(&board, &b1, NU_RECORD_TEST_PENDING);
    device_put_backup(&board, &a1);
    device_stage(&board, &b1, 3);
    device_install_as_current(&board, &a2, NU_RECORD_CONFIRMED);
    device_stage(&board, &b2, NU_REQUEST_TEST);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(report.kinds[0].actions & NU_DID_REVERT_DEFERRED);
    CHECK(device_region_holds(&board, &b1));
    CHECK(device_region_holds(&board, &b2));
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK); /* trial boot not confirmed: both go back */
    CHECK(device_region_holds(&board, &a1));
    CHECK(device_region_holds(&board, &a2));
    test_image_free(&a1);
    test_image_free(&b1);
    test_image_free(&a2);
    test_image_free(&b2);
}

/* A release set (contract §3.1): a tagged request waits for its companion's magic; the records carry the tag, and a
 * confirm cut between the two records is finished at boot instead of reverting one half. */
static void test_release_set_commits_and_confirms_together(void)
{
    test_image_t a1, b1, a2, b2;
    nu_report_t report;
    uint8_t digest[32];
    uint32_t confirmed_first;
    test_image_make(&a1, NU_KIND_NANOCLR, CLR_SIZE, 11, 1, 3, trusted_key_hash_a);
    test_image_make(&b1, NU_KIND_NANOCLR, CLR_SIZE, 22, 2, 3, trusted_key_hash_a);
    test_image_make(&a2, NU_KIND_DEPLOYMENT, DEP_SIZE, 13, 1, 3, trusted_key_hash_a);
    test_image_make(&b2, NU_KIND_DEPLOYMENT, DEP_SIZE, 24, 2, 3, trusted_key_hash_a);
    for (confirmed_first = NU_KIND_NANOCLR; confirmed_first <= NU_KIND_DEPLOYMENT; confirmed_first++) {
        uint32_t other = NU_KIND_DEPLOYMENT + NU_KIND_NANOCLR - confirmed_first;
        device_reset(&board);
        device_install_as_current(&board, &a1, NU_RECORD_CONFIRMED);
        device_install_as_current(&board, &a2, NU_RECORD_CONFIRMED);
        device_stage(&board, &b1, NU_REQUEST_TEST);
        device_stage(&board, &b2, 0); /* the agent was cut before the deployment's magic */
        device_tag_release(&board, 0x12345678u);
        CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
        CHECK_EQ_INT(report.kinds[0].actions | report.kinds[1].actions, 0);
        CHECK(device_region_holds(&board, &a1));
        CHECK(device_region_holds(&board, &a2));
        CHECK_EQ_INT(device_request_state(&board, NU_KIND_NANOCLR), NU_REQUEST_TEST); /* left as it was */

        device_set_request(&board, NU_KIND_DEPLOYMENT, NU_REQUEST_TEST); /* the agent commits the set again */
        device_tag_release(&board, 0x12345678u);
        CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
        CHECK(device_region_holds(&board, &b1));
        CHECK(device_region_holds(&board, &b2));

        device_confirm(&board, confirmed_first); /* cut before the second confirm */
        CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
        CHECK(report.kinds[other - 1].actions & NU_DID_CONFIRM_COMPLETED);
        CHECK_EQ_INT(device_record_state(&board, other, digest), NU_RECORD_CONFIRMED);
        CHECK(memcmp(digest, other == NU_KIND_NANOCLR ? b1.digest : b2.digest, 32) == 0);
        CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
        CHECK(device_region_holds(&board, &b1));
        CHECK(device_region_holds(&board, &b2));
    }

    /* a tag that does not match is no set: the nanoCLR request alone is not installed */
    device_reset(&board);
    device_install_as_current(&board, &a1, NU_RECORD_CONFIRMED);
    device_stage(&board, &b1, NU_REQUEST_TEST);
    device_stage(&board, &b2, NU_REQUEST_TEST);
    device_tag_release(&board, 0x12345678u);
    test_put_le32(board.flash.nor + board.platform.regions[1].staging_offset + board.platform.regions[1].slot_size - 48,
                  0x12345679u);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(device_region_holds(&board, &a1));
    test_image_free(&a1);
    test_image_free(&b1);
    test_image_free(&a2);
    test_image_free(&b2);
}

static void test_wear_one_erase_per_changed_sector(void)
{
    test_image_t a, b;
    nu_report_t report;
    image_spec_t spec;
    uint8_t *payload = malloc(0xB0000);
    uint32_t size = 700u * 1024u, n;

    device_reset(&board);
    payload_nanoclr(payload, size, 3);
    memset(&spec, 0, sizeof(spec));
    spec.load_address = 0x08010000u;
    spec.header_size = 0x200;
    spec.payload = payload;
    spec.payload_size = size;
    spec.version_major = 1;
    spec.key_hash = trusted_key_hash_a;
    test_image_make_from_spec(&a, NU_KIND_NANOCLR, &spec);
    payload[0x20000 + 77] ^= 0xFF; /* one byte in S4 */
    payload[0x40000 + 5] ^= 0xFF;  /* one byte in S5 */
    spec.version_major = 2;
    test_image_make_from_spec(&b, NU_KIND_NANOCLR, &spec);
    device_install_as_current(&board, &a, NU_RECORD_CONFIRMED);
    device_stage(&board, &b, NU_REQUEST_TEST);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(device_region_holds(&board, &b));
    for (n = 2; n <= 11; n++) {
        CHECK_EQ_INT(board.flash.counts.internal_erases_by_sector[n], (n == 4 || n == 5) ? 1 : 0);
    }
    CHECK_EQ_INT(report.kinds[0].sectors_erased, 2);
    CHECK_EQ_INT(report.kinds[0].sectors_skipped, 3);
    CHECK_EQ_INT(board.flash.counts.internal_erases, 2);
    /* the revert erases the same two sectors once each */
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(device_region_holds(&board, &a));
    for (n = 2; n <= 11; n++) {
        CHECK_EQ_INT(board.flash.counts.internal_erases_by_sector[n], (n == 4 || n == 5) ? 1 : 0);
    }
    /* a completely different image: every sector of the region exactly once */
    test_image_free(&b);
    test_image_make(&b, NU_KIND_NANOCLR, size, 99, 3, 0, trusted_key_hash_a);
    device_stage(&board, &b, NU_REQUEST_PERMANENT);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    for (n = 2; n <= 11; n++) {
        CHECK_EQ_INT(board.flash.counts.internal_erases_by_sector[n], n <= 6 ? 1 : 0);
    }
    (void)total_erases;
    free(payload);
    test_image_free(&a);
    test_image_free(&b);
}

/* The newer of the two journal sectors' generations (header record arg0, contract §5). */
static uint32_t journal_generation(device_t *d)
{
    uint32_t g0, g1;
    memcpy(&g0, d->flash.nor + d->platform.journal_offsets[0] + NU_JOURNAL_ARG0_AT, 4);
    memcpy(&g1, d->flash.nor + d->platform.journal_offsets[1] + NU_JOURNAL_ARG0_AT, 4);
    return g1 != 0xFFFFFFFFu && (int32_t)(g1 - g0) > 0 ? g1 : g0;
}

static void test_journal_compaction_over_many_updates(void)
{
    test_image_t images[2];
    nu_report_t report;
    uint32_t round, compactions = 0;
    nu_journal_record_t last;
    device_reset(&board);
    test_image_make(&images[0], NU_KIND_DEPLOYMENT, 20000, 1, 1, 0, trusted_key_hash_a);
    test_image_make(&images[1], NU_KIND_DEPLOYMENT, 20000, 2, 2, 0, trusted_key_hash_a);
    device_install_as_current(&board, &images[0], NU_RECORD_CONFIRMED);
    for (round = 0; round < 60; round++) {
        const test_image_t *next = &images[(round + 1) % 2];
        device_stage(&board, next, NU_REQUEST_TEST);
        CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
        CHECK(device_region_holds(&board, next));
        device_confirm(&board, NU_KIND_DEPLOYMENT);
    }
    compactions = journal_generation(&board) - 1; /* each compaction commits the next generation */
    CHECK(compactions >= 3);
    CHECK_EQ_INT(device_last_result(&board, NU_KIND_DEPLOYMENT, &last), 1);
    CHECK_EQ_INT(last.type, NU_JOURNAL_INSTALL_END);
    CHECK(memcmp(last.digest, images[0].digest, 16) == 0);
    test_image_free(&images[0]);
    test_image_free(&images[1]);
}

static int failing_read(void *context, uint32_t address, uint8_t *buffer, uint32_t length)
{
    (void)context;
    (void)address;
    (void)buffer;
    (void)length;
    return 42;
}

static void test_errors_and_arguments(void)
{
    nu_report_t report;
    nu_flash_hal_t hal = board.hal;
    nu_platform_t platform = board.platform;
    device_reset(&board);
    hal.nor_read = failing_read;
    CHECK_EQ_INT(nu_swap_stage_run(&hal, &board.platform, &report), NU_ERR_HAL);
    CHECK_EQ_INT(report.hal_error, 42);
    CHECK_EQ_INT(report.status, NU_ERR_HAL);
    CHECK_EQ_INT(nu_platform_check(&board.hal, &board.platform), NU_OK);
    CHECK_EQ_INT(nu_platform_check(NULL, &board.platform), NU_ERR_ARGUMENT);
    CHECK_EQ_INT(nu_platform_check(&board.hal, NULL), NU_ERR_ARGUMENT);
    hal.nor_read = NULL;
    CHECK_EQ_INT(nu_platform_check(&hal, &board.platform), NU_ERR_ARGUMENT);
    platform.regions[0].region_size += 0x1000; /* no longer whole sectors */
    CHECK_EQ_INT(nu_platform_check(&board.hal, &platform), NU_ERR_ARGUMENT);
    CHECK_EQ_INT(nu_region_can_run(&board.hal, &platform, NU_KIND_NANOCLR), NU_ERR_ARGUMENT); /* queries check */
    platform = board.platform;
    platform.regions[1].slot_size = 0x100000; /* too small for the deployment region */
    CHECK_EQ_INT(nu_platform_check(&board.hal, &platform), NU_ERR_ARGUMENT);
    platform = board.platform;
    platform.sector_count = 4; /* neither region covered by whole sectors any more */
    CHECK_EQ_INT(nu_platform_check(&board.hal, &platform), NU_ERR_ARGUMENT);
    platform = board.platform;
    platform.trusted_key_hashes = NULL;
    CHECK_EQ_INT(nu_platform_check(&board.hal, &platform), NU_ERR_ARGUMENT); /* two key hashes counted, none given */
    CHECK_EQ_INT(nu_region_can_run(&board.hal, &board.platform, 3), NU_ERR_ARGUMENT);
    CHECK_EQ_INT(nu_journal_last_result(&board.hal, &board.platform, 0, NULL), NU_ERR_ARGUMENT);
    CHECK_EQ_INT(nu_swap_stage_abi_version(), NU_SWAP_STAGE_ABI_VERSION);
    /* the very first boot of a blank board: only the journal is initialised */
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK_EQ_INT(board.flash.counts.nor_erases_4k, 1);
    CHECK_EQ_INT(board.flash.counts.nor_program_calls, 1);
    CHECK_EQ_INT(board.flash.counts.internal_erases, 0);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK_EQ_INT(board.flash.counts.mutating_ops, 0);
}

static void test_resume_with_tampered_source_is_rejected(void)
{
    test_image_t a, b;
    nu_report_t report;
    setup_update(&a, &b, NU_KIND_NANOCLR, NU_REQUEST_TEST);
    /* op 0 is the INSTALL_BEGIN record; cut before the backup's first erase */
    CHECK_EQ_INT(device_boot_with_cut(&board, CUT_BEFORE, 1, 1, &report), NU_ERR_HAL);
    CHECK_EQ_INT(report.hal_error, MODEL_POWER_CUT);
    board.flash.nor[board.platform.regions[0].staging_offset + b.header_size + 1] ^= 0x01;
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(report.kinds[0].actions & NU_DID_REJECT);
    CHECK_EQ_INT(report.kinds[0].reject_reason, NU_REJECT_HASH);
    CHECK(device_region_holds(&board, &a));
    CHECK_EQ_INT(device_request_state(&board, NU_KIND_NANOCLR), NU_REQUEST_NONE);
    test_image_free(&a);
    test_image_free(&b);
}

/* An interrupted operation whose source is damaged afterwards is closed, and the region restored from the other
 * valid source, instead of failing every boot. */
static void test_interrupted_operation_with_damaged_source(void)
{
    test_image_t a, b;
    nu_report_t report;
    nu_journal_record_t last;
    const nu_region_layout_t *clr = &board.platform.regions[0];

    /* install cut halfway through the sectors, then the staged image damaged: back to the backup (a) */
    setup_update(&a, &b, NU_KIND_NANOCLR, NU_REQUEST_TEST);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK); /* reverted: a in the region, backup a */
    device_set_request(&board, NU_KIND_NANOCLR, NU_REQUEST_TEST);
    CHECK_EQ_INT(device_boot_with_cut(&board, CUT_DURING, 40, 3, &report), NU_ERR_HAL); /* in S3's programs */
    board.flash.nor[clr->staging_offset + b.header_size + 9] ^= 0x01;
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(report.kinds[0].actions & NU_DID_REJECT);
    CHECK(report.kinds[0].actions & NU_DID_RECOVER);
    CHECK_EQ_INT(report.kinds[0].install_source, NU_SOURCE_BACKUP);
    CHECK(device_region_holds(&board, &a));
    CHECK_EQ_INT(device_request_state(&board, NU_KIND_NANOCLR), NU_REQUEST_NONE);
    CHECK_EQ_INT(device_last_result(&board, NU_KIND_NANOCLR, &last), 1);
    CHECK_EQ_INT(last.type, NU_JOURNAL_INSTALL_END);
    CHECK_EQ_INT(last.arg0, NU_MODE_RECOVERY);
    test_image_free(&a);
    test_image_free(&b);

    /* revert cut halfway, then the backup damaged: forward to the staged image (b) */
    setup_update(&a, &b, NU_KIND_NANOCLR, NU_REQUEST_TEST);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK_EQ_INT(device_boot_with_cut(&board, CUT_BEFORE, 20, 4, &report), NU_ERR_HAL);
    board.flash.nor[clr->backup_offset + a.header_size + 9] ^= 0x01;
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(report.kinds[0].actions & NU_DID_REVERT_FAILED);
    CHECK_EQ_INT(report.kinds[0].install_source, NU_SOURCE_STAGING);
    CHECK(device_region_holds(&board, &b));
    CHECK_EQ_INT(device_record_state(&board, NU_KIND_NANOCLR, NULL), NU_RECORD_CONFIRMED);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK_EQ_INT(board.flash.counts.mutating_ops, 0);
    test_image_free(&a);
    test_image_free(&b);
}

/* Sectors journaled as done but changed before the next boot: the resumed install compares them again. */
static void test_resume_rechecks_sectors_that_changed(void)
{
    test_image_t a, b;
    nu_report_t report;
    setup_update(&a, &b, NU_KIND_NANOCLR, NU_REQUEST_PERMANENT);
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    {
        /* a boot that stops right after the last SECTOR_DONE: rebuild that state by cutting before the record */
        uint32_t ops = board.flash.counts.mutating_ops;
        setup_update(&a, &b, NU_KIND_NANOCLR, NU_REQUEST_PERMANENT);
        CHECK_EQ_INT(device_boot_with_cut(&board, CUT_BEFORE, ops - 6, 5, &report), NU_ERR_HAL);
    }
    memset(device_region(&board, NU_KIND_NANOCLR) + 0x100, 0x00, 16); /* flashed over between the two boots */
    CHECK_EQ_INT(device_boot(&board, &report), NU_OK);
    CHECK(device_region_holds(&board, &b));
    CHECK_EQ_INT(board.flash.counts.internal_erases, 1);
    test_image_free(&a);
    test_image_free(&b);
}

int main(void)
{
    device_init(&board);
    test_install_test_then_revert(NU_KIND_NANOCLR);
    test_install_test_then_revert(NU_KIND_DEPLOYMENT);
    test_confirmed_test_image_stays();
    test_permanent_install();
    test_torn_confirm_reverts();
    test_developer_deploy_is_never_undone();
    test_rejections();
    test_security_counter_equal_or_higher_accepted();
    test_recovery();
    test_can_run_rules();
    test_unsigned_backup_and_revert_restores_developer_bytes();
    test_backup_with_torn_tlv_is_rewritten();
    test_revert_failed_without_backup();
    test_combined_update_stays_together();
    test_release_set_commits_and_confirms_together();
    test_wear_one_erase_per_changed_sector();
    test_journal_compaction_over_many_updates();
    test_errors_and_arguments();
    test_resume_with_tampered_source_is_rejected();
    test_interrupted_operation_with_damaged_source();
    test_resume_rechecks_sectors_that_changed();
    CHECK(board.flash.violation == NULL);
    if (board.flash.violation != NULL) {
        fprintf(stderr, "HAL contract violation: %s\n", board.flash.violation);
    }
    device_free(&board);
    CHECK_EXIT("test_scenarios");
}
