/* Fuzz/property test, built with AddressSanitizer and UBSan. (1) The decoders take arbitrary bytes: random
 * trailers, journal records and record bodies (mutated valid ones and noise) never crash, and a journal record only
 * decodes as valid when its CRC holds. (2) The whole stage on a board whose metadata is randomly damaged — journal
 * sectors, installed records, request trailers, the backup's header and TLVs — never crashes, never breaks the HAL
 * contract, and, since the staged image stays valid, always ends with both regions able to run; a second boot then
 * writes nothing. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "device.h"

static uint32_t rng_state = 12345;

static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

static void damage(uint8_t *area, uint32_t length, uint32_t hits)
{
    while (hits-- > 0) {
        uint32_t at = rnd() % length;
        switch (rnd() % 3) {
        case 0:
            area[at] = (uint8_t)rnd();
            break;
        case 1:
            area[at] &= (uint8_t)rnd(); /* what a torn program does */
            break;
        default:
            memset(area + at, 0xFF, (rnd() % 64) < length - at ? rnd() % 64 : length - at);
            break;
        }
    }
}

static void fuzz_decoders(const test_image_t *image)
{
    uint8_t record[4096], body[4096], trailer[48], raw[32];
    uint32_t i, valid_noise = 0;
    record_sector(record, image->bytes, image->length, 2);
    for (i = 0; i < 20000; i++) {
        nu_journal_record_t decoded;
        nu_image_info_t info;
        uint32_t length = rnd() % sizeof(body), j;
        memcpy(body, record, sizeof(body));
        damage(body, 16 + 0x200 + 200, 1 + rnd() % 4);
        (void)nu_record_body_decode(body, length, &info);
        for (j = 0; j < sizeof(trailer); j++) {
            trailer[j] = (rnd() & 1) ? 0xFF : (uint8_t)rnd();
        }
        (void)nu_request_decode(trailer);
        (void)nu_record_trailer_decode(trailer);
        for (j = 0; j < sizeof(raw); j++) {
            raw[j] = (uint8_t)rnd();
        }
        if (nu_journal_decode(raw, &decoded) == NU_JOURNAL_VALID) {
            valid_noise++;
        }
    }
    CHECK_EQ_INT(valid_noise, 0);
    CHECK_EQ_INT(nu_record_body_decode(record, sizeof(record), NULL), NU_OK);
}

int main(int argc, char **argv)
{
    static device_t d;
    test_image_t a, b, dep;
    uint32_t round, rounds = argc > 1 ? (uint32_t)atoi(argv[1]) : 300u, unrunnable = 0, failed_boots = 0;
    const nu_region_layout_t *clr, *deployment;

    device_init(&d);
    clr = &d.platform.regions[0];
    deployment = &d.platform.regions[1];
    test_image_make(&a, NU_KIND_NANOCLR, 60000, 1, 1, 2, trusted_key_hash_a);
    test_image_make(&b, NU_KIND_NANOCLR, 60000, 2, 2, 2, trusted_key_hash_a);
    test_image_make(&dep, NU_KIND_DEPLOYMENT, 50000, 3, 1, 2, trusted_key_hash_a);
    fuzz_decoders(&a);

    for (round = 0; round < rounds; round++) {
        nu_report_t report;
        int rc;
        device_reset(&d);
        device_install_as_current(&d, &a, (int)(rnd() % 3));
        device_put_backup(&d, &a);
        device_stage(&d, &b, (int)(rnd() % 4));
        device_install_as_current(&d, &dep, (int)(rnd() % 3));
        device_stage(&d, &dep, (int)(rnd() % 4));
        if (rnd() % 2) { /* a boot first, so the journal has history to damage */
            (void)device_boot(&d, NULL);
        }
        if (rnd() % 2) {
            damage(d.flash.nor, 0x2000, 1 + rnd() % 40); /* journal */
        }
        if (rnd() % 2) {
            damage(d.flash.nor + clr->record_offset, 0x2000, 1 + rnd() % 20); /* both records */
        }
        if (rnd() % 2) {
            damage(d.flash.nor + clr->staging_offset + clr->slot_size - 48, 48, 1 + rnd() % 4);
            damage(d.flash.nor + deployment->staging_offset + deployment->slot_size - 48, 48, 1 + rnd() % 4);
        }
        if (rnd() % 3 == 0) {
            damage(d.flash.nor + clr->backup_offset, 0x200, 1 + rnd() % 4);
            damage(d.flash.nor + clr->backup_offset + a.length - 100, 100, 1 + rnd() % 4);
        }
        if (rnd() % 3 == 0) {
            damage(device_region(&d, NU_KIND_NANOCLR), 0x100, 1 + rnd() % 3); /* vector table */
        }
        rc = device_boot(&d, &report);
        CHECK(d.flash.violation == NULL);
        if (rc != NU_OK) {
            failed_boots++;
            fprintf(stderr, "round %u: boot returned %d\n", round, rc);
            continue;
        }
        if (nu_region_can_run(&d.hal, &d.platform, NU_KIND_NANOCLR) != 1 ||
            nu_region_can_run(&d.hal, &d.platform, NU_KIND_DEPLOYMENT) != 1) {
            unrunnable++;
            fprintf(stderr, "round %u: a region cannot run after the boot\n", round);
        }
        /* settled: unless a TEST image awaits its trial boot, the next boot changes nothing */
        if (device_record_state(&d, NU_KIND_NANOCLR, NULL) != NU_RECORD_TEST_PENDING &&
            device_record_state(&d, NU_KIND_DEPLOYMENT, NULL) != NU_RECORD_TEST_PENDING) {
            CHECK_EQ_INT(device_boot(&d, &report), NU_OK);
            CHECK_EQ_INT(d.flash.counts.internal_erases, 0);
        }
    }
    printf("fuzz: %u damaged boards booted, %u boots failed, %u left a region unrunnable\n", rounds, failed_boots,
           unrunnable);
    CHECK_EQ_INT(failed_boots, 0);
    CHECK_EQ_INT(unrunnable, 0);
    test_image_free(&a);
    test_image_free(&b);
    test_image_free(&dep);
    device_free(&d);
    CHECK_EXIT("test_fuzz");
}
