/* The cross-compiled stage on a Cortex-M7 under QEMU, over RAM-backed flash: one TEST install (with backup), then
 * one revert, checked from the flash contents. Also measures the stage's stack high-water mark by painting the
 * stack before each run. Exit status 0 = pass. */
#include <string.h>

#include "images.h"
#include "nu_swap_stage.h"
#include "qemu_semihosting.h"

#define INTERNAL_BASE 0x08010000u
#define INTERNAL_SIZE 0x001F0000u
#define NOR_SIZE 0x00510000u /* the part of the 16 MiB NOR the contract uses */
#define PAYLOAD 0x14000u     /* 80 KiB: S2, S3 and part of S4 */
#define STACK_PAINT 0xC5C5C5C5u

__attribute__((section(".flash_models"))) static uint8_t internal_flash[INTERNAL_SIZE];
__attribute__((section(".flash_models"))) static uint8_t nor_flash[NOR_SIZE];
static uint8_t image_a[PAYLOAD + 0x400], image_b[PAYLOAD + 0x400], payload[PAYLOAD];
static uint32_t image_a_length, image_b_length;
static uint8_t digest_a[32], digest_b[32];
static const uint8_t trusted_key_hash[32] = {0x42, 0x42, 0x42};

extern uint32_t __stack_bottom, __stack_top;

static int in_internal(uint32_t address, uint32_t length)
{
    return address >= INTERNAL_BASE && length <= INTERNAL_SIZE && address - INTERNAL_BASE <= INTERNAL_SIZE - length;
}

static int internal_read(void *context, uint32_t address, uint8_t *buffer, uint32_t length)
{
    (void)context;
    if (!in_internal(address, length)) {
        return -1;
    }
    memcpy(buffer, internal_flash + (address - INTERNAL_BASE), length);
    return 0;
}

static int internal_program(void *context, uint32_t address, const uint8_t *data, uint32_t length)
{
    uint32_t i;
    (void)context;
    if (!in_internal(address, length) || address % 4 != 0 || length % 4 != 0) {
        return -1;
    }
    for (i = 0; i < length; i++) {
        if (internal_flash[address - INTERNAL_BASE + i] != 0xFF) {
            return -2;
        }
        internal_flash[address - INTERNAL_BASE + i] = data[i];
    }
    return 0;
}

static int internal_erase_sector(void *context, uint32_t sector_address)
{
    static const uint32_t starts[] = {0x08010000u, 0x08018000u, 0x08020000u, 0x08040000u, 0x08080000u,
                                      0x080C0000u, 0x08100000u, 0x08140000u, 0x08180000u, 0x081C0000u, 0x08200000u};
    uint32_t i;
    (void)context;
    for (i = 0; i + 1 < sizeof(starts) / sizeof(starts[0]); i++) {
        if (starts[i] == sector_address) {
            memset(internal_flash + (sector_address - INTERNAL_BASE), 0xFF, starts[i + 1] - starts[i]);
            return 0;
        }
    }
    return -1;
}

static int nor_read(void *context, uint32_t offset, uint8_t *buffer, uint32_t length)
{
    (void)context;
    if (length > NOR_SIZE || offset > NOR_SIZE - length) {
        return -1;
    }
    memcpy(buffer, nor_flash + offset, length);
    return 0;
}

static int nor_program(void *context, uint32_t offset, const uint8_t *data, uint32_t length)
{
    uint32_t i;
    (void)context;
    if (length > 256 || offset / 256 != (offset + length - 1) / 256 || offset + length > NOR_SIZE) {
        return -1;
    }
    for (i = 0; i < length; i++) {
        nor_flash[offset + i] &= data[i];
    }
    return 0;
}

static int nor_erase(void *context, uint32_t offset, uint32_t length)
{
    (void)context;
    if ((length != 4096 && length != 65536) || offset % length != 0 || offset + length > NOR_SIZE) {
        return -1;
    }
    memset(nor_flash + offset, 0xFF, length);
    return 0;
}

static uint32_t build(uint8_t *out, uint32_t seed, uint8_t major, uint8_t digest[32])
{
    image_spec_t spec;
    payload_nanoclr(payload, PAYLOAD, seed);
    memset(&spec, 0, sizeof(spec));
    spec.load_address = INTERNAL_BASE;
    spec.header_size = 0x200;
    spec.payload = payload;
    spec.payload_size = PAYLOAD;
    spec.version_major = major;
    spec.has_security_counter = 1;
    spec.security_counter = 1;
    spec.key_hash = trusted_key_hash;
    return image_build(&spec, out, sizeof(image_a), digest);
}

static int region_holds(const uint8_t *image)
{
    uint32_t i;
    if (memcmp(internal_flash, image + 0x200, PAYLOAD) != 0) {
        return 0;
    }
    for (i = PAYLOAD; i < 0xB0000u; i++) {
        if (internal_flash[i] != 0xFF) {
            return 0;
        }
    }
    return 1;
}

/* Runs the stage with a painted stack; returns its status and the deepest stack use seen. */
static int run_stage(const nu_flash_hal_t *hal, const nu_platform_t *platform, nu_report_t *report,
                     uint32_t *stack_used)
{
    volatile uint32_t *word = &__stack_bottom;
    uint32_t here = (uint32_t)__builtin_frame_address(0) - 64u; /* leave this frame alone */
    int rc;
    while ((uint32_t)word < here) {
        *word++ = STACK_PAINT;
    }
    rc = nu_swap_stage_run(hal, platform, report);
    for (word = &__stack_bottom; *word == STACK_PAINT; word++) {
    }
    *stack_used = (uint32_t)__builtin_frame_address(0) - (uint32_t)word;
    return rc;
}

int main(void)
{
    nu_flash_hal_t hal = {0, internal_read, internal_program, internal_erase_sector, nor_read, nor_program, nor_erase};
    nu_platform_t platform;
    nu_report_t report;
    uint8_t trailer[48];
    uint32_t stack_install, stack_revert;
    int failures = 0;

    memset(internal_flash, 0xFF, sizeof(internal_flash));
    memset(nor_flash, 0xFF, sizeof(nor_flash));
    nu_platform_init_stm32f769_w25q128(&platform);
    platform.trusted_key_hashes = trusted_key_hash;
    platform.trusted_key_hash_count = 1;

    image_a_length = build(image_a, 1, 1, digest_a);
    image_b_length = build(image_b, 2, 2, digest_b);
    memcpy(internal_flash, image_a + 0x200, PAYLOAD);
    record_sector(nor_flash + 0x2000, image_a, image_a_length, 2);
    memcpy(nor_flash + 0x10000, image_b, image_b_length);
    request_trailer(trailer, 1);
    memcpy(nor_flash + 0x10000 + 0x100000 - 48, trailer, 48);

    semihosting_print("swap stage on Cortex-M7 (QEMU mps2-an500): TEST install\n");
    if (run_stage(&hal, &platform, &report, &stack_install) != NU_OK || !(report.kinds[0].actions & NU_DID_INSTALL) ||
        !region_holds(image_b) || nu_record_trailer_decode(nor_flash + 0x3000 - 48) != NU_RECORD_TEST_PENDING) {
        semihosting_print("FAIL: install\n");
        failures++;
    }
    semihosting_print_number("  internal sectors erased: ", report.kinds[0].sectors_erased);
    semihosting_print_number("  stack used by the stage (bytes): ", stack_install);

    semihosting_print("not confirmed: revert\n");
    if (run_stage(&hal, &platform, &report, &stack_revert) != NU_OK || !(report.kinds[0].actions & NU_DID_REVERT) ||
        !region_holds(image_a) || nu_record_trailer_decode(nor_flash + 0x3000 - 48) != NU_RECORD_CONFIRMED) {
        semihosting_print("FAIL: revert\n");
        failures++;
    }
    semihosting_print_number("  internal sectors erased: ", report.kinds[0].sectors_erased);
    semihosting_print_number("  stack used by the stage (bytes): ", stack_revert);
    semihosting_print(failures == 0 ? "PASS\n" : "FAILED\n");
    return failures;
}
