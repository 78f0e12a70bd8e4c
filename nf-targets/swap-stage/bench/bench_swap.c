/* Benchmark (not a test): flash operations, bytes programmed and modeled time of one install and one revert of a
 * 700 KB nanoCLR image by the swap stage, measured on the flash model, beside MCUboot's swap-scratch, swap-move and
 * overwrite-only modeled for the same image on the same layout (internal S2-S6, secondary and scratch on the NOR).
 * Prints a table and ratios; asserts nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "device.h"

#define IMAGE_SIZE (700u * 1024u)
#define HEADER_SIZE 0x200u
#define TLV_SIZE 84u
#define NOR_PAGE 256u

/* Timing model, typical values. W25Q128JV datasheet: page program 0.4 ms, 4 KiB erase 45 ms, 64 KiB erase 150 ms;
 * SPI2 at 25 MHz for transfers. STM32F76x: 16 us per 32-bit word at x32, sector erase 0.5 s (32 KiB), 1 s (128 KiB),
 * 2 s (256 KiB) as DESIGN §5 gives them (DS11532 could not be checked from here); reads of the internal flash at
 * ~100 MB/s. CPU time for hashing is not modeled. */
#define NOR_PAGE_PROGRAM_S 0.0004
#define NOR_ERASE_4K_S 0.045
#define NOR_ERASE_64K_S 0.150
#define SPI_BYTES_PER_S (25e6 / 8.0)
#define INTERNAL_WORD_PROGRAM_S 16e-6
#define INTERNAL_READ_BYTES_PER_S 100e6

typedef struct tally {
    uint32_t internal_erases;
    double internal_erase_s;
    uint32_t internal_program_ops;
    uint64_t internal_program_bytes;
    uint64_t internal_read_bytes;
    uint32_t nor_erases_4k;
    uint32_t nor_erases_64k;
    uint32_t nor_program_ops;
    uint64_t nor_program_bytes;
    uint64_t nor_read_bytes;
    uint32_t max_erases_one_sector;
} tally_t;

static const nu_internal_sector_t *sectors;
static uint32_t sector_count;

static double sector_erase_s(uint32_t size)
{
    return size <= 0x8000u ? 0.5 : size <= 0x20000u ? 1.0 : 2.0;
}

static uint32_t ops(const tally_t *t)
{
    return t->internal_erases + t->internal_program_ops + t->nor_erases_4k + t->nor_erases_64k + t->nor_program_ops;
}

static double seconds(const tally_t *t)
{
    return t->internal_erase_s + (double)t->internal_program_bytes / 4.0 * INTERNAL_WORD_PROGRAM_S +
           (double)t->internal_read_bytes / INTERNAL_READ_BYTES_PER_S + t->nor_erases_4k * NOR_ERASE_4K_S +
           t->nor_erases_64k * NOR_ERASE_64K_S + t->nor_program_ops * NOR_PAGE_PROGRAM_S +
           (double)(t->nor_program_bytes + t->nor_read_bytes) / SPI_BYTES_PER_S;
}

static void from_model(tally_t *t, const flash_counts_t *c)
{
    uint32_t i;
    memset(t, 0, sizeof(*t));
    for (i = 0; i < sector_count; i++) {
        uint32_t n = c->internal_erases_by_sector[sectors[i].number];
        t->internal_erase_s += n * sector_erase_s(sectors[i].size);
        if (n > t->max_erases_one_sector) {
            t->max_erases_one_sector = n;
        }
    }
    t->internal_erases = c->internal_erases;
    t->internal_program_ops = c->internal_program_calls;
    t->internal_program_bytes = c->internal_bytes_programmed;
    t->internal_read_bytes = c->internal_bytes_read;
    t->nor_erases_4k = c->nor_erases_4k;
    t->nor_erases_64k = c->nor_erases_64k;
    t->nor_program_ops = c->nor_program_calls;
    t->nor_program_bytes = c->nor_bytes_programmed;
    t->nor_read_bytes = c->nor_bytes_read;
}

/* NOR range erase the way a driver does it: 64 KiB blocks where aligned, 4 KiB sectors elsewhere. */
static void nor_erase(tally_t *t, uint32_t offset, uint32_t length)
{
    uint32_t end = offset + length;
    while (offset < end) {
        if (offset % 0x10000u == 0 && end - offset >= 0x10000u) {
            t->nor_erases_64k++;
            offset += 0x10000u;
        } else {
            t->nor_erases_4k++;
            offset += 0x1000u;
        }
    }
}

static void nor_write(tally_t *t, uint32_t bytes)
{
    t->nor_program_ops += (bytes + NOR_PAGE - 1) / NOR_PAGE;
    t->nor_program_bytes += bytes;
}

static void internal_write(tally_t *t, uint32_t bytes)
{
    t->internal_program_ops += (bytes + NOR_PAGE - 1) / NOR_PAGE; /* MCUboot copies through a 256-byte buffer */
    t->internal_program_bytes += bytes;
}

static void internal_erase(tally_t *t, const nu_internal_sector_t *s, uint32_t *per_sector)
{
    t->internal_erases++;
    t->internal_erase_s += sector_erase_s(s->size);
    if (++per_sector[s->number] > t->max_erases_one_sector) {
        t->max_erases_one_sector = per_sector[s->number];
    }
}

static void status_write(tally_t *t, int internal)
{
    if (internal) {
        internal_write(t, 8);
    } else {
        nor_write(t, 8);
    }
}

/* MCUboot swap-scratch (swap_scratch.c, boot_swap_sectors): sectors grouped from the top while they fit the scratch
 * (256 KiB here, the largest primary sector): [S6], [S5], [S2 S3 S4]. Per group: erase scratch, copy secondary ->
 * scratch, status; erase secondary range, copy primary -> secondary, status; erase primary sectors, copy scratch ->
 * primary, status. The group holding the trailer keeps its status in scratch, then copies it and writes
 * image_ok/swap_info/swap_size/magic to the primary and erases scratch again. The swap covers the whole primary slot
 * (image + trailer): all five sectors. A revert is the same swap again. */
static void mcuboot_swap_scratch(tally_t *t)
{
    static const int groups[3][2] = {{4, 4}, {3, 3}, {0, 2}}; /* indexes into S2..S6 */
    uint32_t per_sector[32] = {0};
    uint32_t g, i, scratch = 0x40000u;
    memset(t, 0, sizeof(*t));
    for (g = 0; g < 3; g++) {
        uint32_t first = (uint32_t)groups[g][0], last = (uint32_t)groups[g][1], size = 0, offset;
        int trailer_group = g == 0;
        for (i = first; i <= last; i++) {
            size += sectors[i].size;
        }
        offset = sectors[first].address - sectors[0].address;
        nor_erase(t, 0, scratch); /* scratch slot, block aligned */
        if (trailer_group) {
            nor_write(t, 8 * 3); /* swap_status_init in scratch: swap_info, swap_size, magic */
        }
        t->nor_read_bytes += size;
        nor_write(t, size);
        status_write(t, !trailer_group);
        nor_erase(t, offset, size); /* secondary range */
        t->internal_read_bytes += size;
        nor_write(t, size);
        status_write(t, !trailer_group);
        for (i = first; i <= last; i++) {
            internal_erase(t, &sectors[i], per_sector);
        }
        t->nor_read_bytes += size;
        internal_write(t, size);
        if (trailer_group) {
            internal_write(t, 2 * 8);     /* status copied from scratch */
            internal_write(t, 4 * 8);     /* image_ok, swap_info, swap_size, magic */
            status_write(t, 1);
            nor_erase(t, 0, scratch);
        } else {
            status_write(t, 1);
        }
    }
    internal_write(t, 8); /* copy_done after the swap */
}

/* MCUboot swap-move (swap_move.c): needs equal, uniform sectors in both slots, which the F769 region (32/128/256 KiB)
 * and a 4 KiB NOR do not have, so MCUboot refuses this layout. Modeled as if the region had uniform 32 KiB sectors:
 * move every sector up by one (erase + copy), then per sector erase primary, copy secondary -> primary, erase
 * secondary, copy primary -> secondary; a status write after each step. Primary sectors are erased twice. */
static void mcuboot_swap_move(tally_t *t)
{
    const uint32_t sector = 0x8000u, count = (IMAGE_SIZE + HEADER_SIZE + TLV_SIZE + sector - 1) / sector;
    uint32_t i;
    memset(t, 0, sizeof(*t));
    for (i = 0; i < count; i++) { /* move up */
        t->internal_erases++;
        t->internal_erase_s += sector_erase_s(sector);
        t->internal_read_bytes += sector;
        internal_write(t, sector);
        status_write(t, 1);
    }
    for (i = 0; i < count; i++) { /* swap */
        t->internal_erases++;
        t->internal_erase_s += sector_erase_s(sector);
        t->nor_read_bytes += sector;
        internal_write(t, sector);
        status_write(t, 1);
        nor_erase(t, 0x10000u + i * sector, sector);
        t->internal_read_bytes += sector;
        nor_write(t, sector);
        status_write(t, 1);
    }
    t->max_erases_one_sector = 2;
}

/* MCUboot overwrite-only: erase the primary sectors the image needs, copy the secondary in. No revert possible. */
static void mcuboot_overwrite_only(tally_t *t)
{
    uint32_t per_sector[32] = {0};
    uint32_t i;
    memset(t, 0, sizeof(*t));
    for (i = 0; i < 5; i++) {
        internal_erase(t, &sectors[i], per_sector);
    }
    t->nor_read_bytes += IMAGE_SIZE + HEADER_SIZE + TLV_SIZE;
    internal_write(t, IMAGE_SIZE + HEADER_SIZE + TLV_SIZE);
    internal_write(t, 3 * 8);
}

static void row(const char *name, const tally_t *t, const tally_t *baseline)
{
    printf("%-44s %7u %5u %4u %10llu %6u %10llu %9.1f", name, ops(t), t->internal_erases, t->max_erases_one_sector,
           (unsigned long long)t->internal_program_bytes, t->nor_erases_4k + t->nor_erases_64k,
           (unsigned long long)t->nor_program_bytes, seconds(t));
    if (baseline != NULL) {
        printf("   x%.2f", seconds(t) / seconds(baseline));
    }
    printf("\n");
}

static void measure(device_t *d, tally_t *t)
{
    nu_report_t report;
    if (device_boot(d, &report) != NU_OK) {
        fprintf(stderr, "boot failed\n");
        exit(1);
    }
    from_model(t, &d->flash.counts);
}

int main(void)
{
    static device_t d;
    test_image_t a, b, b_small_change;
    tally_t install, revert, install_delta, revert_delta, again, scratch, move, overwrite;
    image_spec_t spec;
    uint8_t *payload = malloc(IMAGE_SIZE);

    device_init(&d);
    sectors = d.platform.sectors;
    sector_count = d.platform.sector_count;
    test_image_make(&a, NU_KIND_NANOCLR, IMAGE_SIZE, 1, 1, 0, trusted_key_hash_a);
    test_image_make(&b, NU_KIND_NANOCLR, IMAGE_SIZE, 2, 2, 0, trusted_key_hash_a);
    memcpy(payload, a.bytes + a.header_size, IMAGE_SIZE);
    payload[0x50000] ^= 0xFF; /* a patch that touches one 256 KiB sector */
    memset(&spec, 0, sizeof(spec));
    spec.load_address = 0x08010000u;
    spec.header_size = HEADER_SIZE;
    spec.payload = payload;
    spec.payload_size = IMAGE_SIZE;
    spec.version_major = 3;
    spec.key_hash = trusted_key_hash_a;
    test_image_make_from_spec(&b_small_change, NU_KIND_NANOCLR, &spec);

    device_install_as_current(&d, &a, NU_RECORD_CONFIRMED);
    device_stage(&d, &b, NU_REQUEST_TEST);
    measure(&d, &install);
    measure(&d, &revert);
    device_set_request(&d, NU_KIND_NANOCLR, NU_REQUEST_TEST);
    measure(&d, &again); /* the backup already holds the running image: skipped by hash */
    device_reset(&d);
    device_install_as_current(&d, &a, NU_RECORD_CONFIRMED);
    device_stage(&d, &b_small_change, NU_REQUEST_TEST);
    measure(&d, &install_delta);
    measure(&d, &revert_delta);
    mcuboot_swap_scratch(&scratch);
    mcuboot_swap_move(&move);
    mcuboot_overwrite_only(&overwrite);

    printf("700 KB nanoCLR image, region S2-S6 (32+32+128+256+256 KiB), W25Q128JV NOR; modeled time = typical\n");
    printf("datasheet timings, flash only (no hashing CPU time). ops = program calls (<= 256 B) + erases.\n\n");
    printf("%-44s %7s %5s %4s %10s %6s %10s %9s\n", "", "ops", "int.", "max/", "internal", "NOR", "NOR bytes",
           "time [s]");
    printf("%-44s %7s %5s %4s %10s %6s %10s %9s\n", "", "", "erase", "sect", "bytes prog", "erase", "programmed",
           "");
    row("swap stage: install (TEST, every sector new)", &install, NULL);
    row("swap stage: revert", &revert, NULL);
    row("swap stage: install again, backup kept", &again, NULL);
    row("swap stage: install, one sector changed", &install_delta, NULL);
    row("swap stage: revert, one sector changed", &revert_delta, NULL);
    row("MCUboot swap-scratch: install (= revert)", &scratch, &install);
    row("MCUboot swap-move*: install (= revert)", &move, &install);
    row("MCUboot overwrite-only: install (no revert)", &overwrite, &install);
    printf("\ninstall + revert: swap stage %.1f s, swap-scratch %.1f s (x%.2f), swap-move* %.1f s (x%.2f)\n",
           seconds(&install) + seconds(&revert), 2 * seconds(&scratch),
           2 * seconds(&scratch) / (seconds(&install) + seconds(&revert)), 2 * seconds(&move),
           2 * seconds(&move) / (seconds(&install) + seconds(&revert)));
    printf("NOR bytes read by the swap stage per install: %llu (hash checks, backup verify, sector compare)\n",
           (unsigned long long)install.nor_read_bytes);
    printf("* swap-move cannot run on this layout (it needs equal uniform sectors in both slots); modeled as if the\n"
           "  region had uniform 32 KiB sectors. Swap-scratch uses a 256 KiB NOR scratch (the largest sector) and\n"
           "  swaps the whole 704 KiB primary slot, image trailer included.\n");
    test_image_free(&a);
    test_image_free(&b);
    test_image_free(&b_small_change);
    free(payload);
    device_free(&d);
    return 0;
}
