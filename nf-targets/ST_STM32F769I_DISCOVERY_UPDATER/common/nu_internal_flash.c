/* Fenced, verified internal flash access for the swap stage (see nu_internal_flash.h). */
#include "nu_internal_flash.h"

#include <stddef.h>
#include <string.h>

#define VERIFY_CHUNK 256u

const uint32_t nu_stm32f769_sector_starts[13] = {
    0x08000000u, 0x08008000u, 0x08010000u, 0x08018000u, /* S0-S3, 32 KiB */
    0x08020000u,                                        /* S4, 128 KiB */
    0x08040000u, 0x08080000u, 0x080C0000u, 0x08100000u, /* S5-S8, 256 KiB */
    0x08140000u, 0x08180000u, 0x081C0000u,              /* S9-S11, 256 KiB */
    0x08200000u,                                        /* end of flash */
};

static int in_writable_range(uint32_t address, uint32_t length)
{
    return address >= NU_INTERNAL_WRITABLE_START && address < NU_INTERNAL_WRITABLE_END &&
           length <= NU_INTERNAL_WRITABLE_END - address;
}

static void invalidate(const nu_internal_flash_t *flash, uint32_t address, uint32_t length)
{
    if (flash->driver->invalidate != NULL) {
        flash->driver->invalidate(address, length);
    }
}

int nu_internal_flash_read(void *context, uint32_t address, uint8_t *buffer, uint32_t length)
{
    const nu_internal_flash_t *flash = context;
    uint32_t first = flash->sector_starts[0];
    uint32_t end = flash->sector_starts[flash->sector_count];

    if (buffer == NULL || address < first || address > end || length > end - address) {
        return NU_INTERNAL_ERR_RANGE;
    }
    flash->driver->read(address, buffer, length);
    return 0;
}

int nu_internal_flash_program(void *context, uint32_t address, const uint8_t *data, uint32_t length)
{
    const nu_internal_flash_t *flash = context;
    uint8_t readback[VERIFY_CHUNK];

    if (data == NULL || length == 0 || length > VERIFY_CHUNK || address % 4u != 0 ||
        !in_writable_range(address, length)) {
        return NU_INTERNAL_ERR_RANGE;
    }
    (void)flash->driver->write(address, length, data); /* judged by the read-back below */
    invalidate(flash, address, length);
    flash->driver->read(address, readback, length);
    return memcmp(readback, data, length) == 0 ? 0 : NU_INTERNAL_ERR_PROGRAM_VERIFY;
}

int nu_internal_flash_erase_sector(void *context, uint32_t sector_address)
{
    const nu_internal_flash_t *flash = context;
    uint8_t readback[VERIFY_CHUNK];
    uint32_t index;
    uint32_t size = 0;
    uint32_t offset;

    for (index = 0; index < flash->sector_count; index++) {
        if (flash->sector_starts[index] == sector_address) {
            size = flash->sector_starts[index + 1] - sector_address;
            break;
        }
    }
    if (size == 0 || !in_writable_range(sector_address, size)) {
        return NU_INTERNAL_ERR_RANGE;
    }
    if (flash->driver->activity != NULL) {
        flash->driver->activity();
    }
    (void)flash->driver->erase(sector_address); /* judged by the blank check below */
    invalidate(flash, sector_address, size);
    for (offset = 0; offset < size; offset += VERIFY_CHUNK) {
        uint32_t i;
        flash->driver->read(sector_address + offset, readback, VERIFY_CHUNK);
        for (i = 0; i < VERIFY_CHUNK; i++) {
            if (readback[i] != 0xFFu) {
                return NU_INTERNAL_ERR_ERASE_VERIFY;
            }
        }
    }
    return 0;
}
