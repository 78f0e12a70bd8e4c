/* The internal-flash adapter over a simulated STM32F769 flash: fences, read-back verification, cache calls. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "nu_internal_flash.h"

#define BASE 0x08000000u
#define SIZE 0x00200000u

static uint8_t *flash;
static int lazy_writes;       /* the driver "succeeds" without programming */
static int sticky_byte;       /* an erase leaves one byte programmed */
static uint32_t invalidated_address;
static uint32_t invalidated_length;
static int activity_calls;
static int erases;

static int sim_write(uint32_t address, uint32_t length, const uint8_t *data)
{
    uint32_t i;
    if (!lazy_writes) {
        for (i = 0; i < length; i++) {
            flash[address - BASE + i] &= data[i];
        }
    }
    return 1;
}

static int sim_erase(uint32_t sector_address)
{
    uint32_t i;
    erases++;
    for (i = 0; i < 13; i++) {
        if (nu_stm32f769_sector_starts[i] == sector_address) {
            memset(flash + (sector_address - BASE), 0xFF, nu_stm32f769_sector_starts[i + 1] - sector_address);
        }
    }
    if (sticky_byte) {
        flash[sector_address - BASE + 1000] = 0x00;
    }
    return 0; /* deliberately the "wrong" convention: the adapter must not care */
}

static void sim_read(uint32_t address, uint8_t *buffer, uint32_t length)
{
    memcpy(buffer, flash + (address - BASE), length);
}

static void sim_invalidate(uint32_t address, uint32_t length)
{
    invalidated_address = address;
    invalidated_length = length;
}

static void sim_activity(void)
{
    activity_calls++;
}

static const nu_stm32_flash_driver_t driver = {sim_write, sim_erase, sim_read, sim_invalidate, sim_activity};
static nu_internal_flash_t adapter = {&driver, nu_stm32f769_sector_starts, 12};

int main(void)
{
    uint8_t data[256];
    uint8_t back[256];
    uint32_t i;

    flash = malloc(SIZE);
    if (flash == NULL) {
        return 1;
    }
    memset(flash, 0x00, SIZE); /* a fully programmed part: erases must really happen */
    for (i = 0; i < sizeof data; i++) {
        data[i] = (uint8_t)(0xFF - i);
    }

    /* Erase of every writable sector, with the blank check and the cache call. */
    for (i = 2; i < 12; i++) {
        uint32_t start = nu_stm32f769_sector_starts[i];
        CHECK(nu_internal_flash_erase_sector(&adapter, start) == 0, "erase sector %u", (unsigned)i);
        CHECK(invalidated_address == start && invalidated_length == nu_stm32f769_sector_starts[i + 1] - start,
              "cache invalidated over sector %u", (unsigned)i);
    }
    CHECK(activity_calls == 10, "activity signalled per erase");

    /* The fence: booter and configuration sectors, addresses inside a sector, outside the flash. */
    erases = 0;
    CHECK(nu_internal_flash_erase_sector(&adapter, 0x08000000u) == NU_INTERNAL_ERR_RANGE, "nanoBooter sector");
    CHECK(nu_internal_flash_erase_sector(&adapter, 0x08008000u) == NU_INTERNAL_ERR_RANGE, "configuration sector");
    CHECK(nu_internal_flash_erase_sector(&adapter, 0x08040100u) == NU_INTERNAL_ERR_RANGE, "not a sector start");
    CHECK(nu_internal_flash_erase_sector(&adapter, 0x08200000u) == NU_INTERNAL_ERR_RANGE, "past the flash");
    CHECK(erases == 0, "no refused erase reached the driver");
    CHECK(nu_internal_flash_program(&adapter, 0x08008000u, data, 4) == NU_INTERNAL_ERR_RANGE, "program config block");
    CHECK(nu_internal_flash_program(&adapter, 0x0800FFFCu, data, 8) == NU_INTERNAL_ERR_RANGE, "straddles the fence");
    CHECK(nu_internal_flash_program(&adapter, 0x08010002u, data, 4) == NU_INTERNAL_ERR_RANGE, "unaligned");
    CHECK(nu_internal_flash_program(&adapter, 0x081FFFFCu, data, 8) == NU_INTERNAL_ERR_RANGE, "past the end");
    CHECK(nu_internal_flash_program(&adapter, 0x08010000u, data, 0) == NU_INTERNAL_ERR_RANGE, "empty");

    /* Program and read back. */
    CHECK(nu_internal_flash_program(&adapter, 0x08010000u, data, 256) == 0, "program 256 bytes");
    CHECK(invalidated_address == 0x08010000u && invalidated_length == 256, "cache invalidated over the program");
    CHECK(nu_internal_flash_read(&adapter, 0x08010000u, back, 256) == 0 && memcmp(back, data, 256) == 0,
          "read back");
    CHECK(nu_internal_flash_read(&adapter, 0x08000000u, back, 16) == 0, "reads may cover the booter sector");
    CHECK(nu_internal_flash_read(&adapter, 0x081FFFF8u, back, 16) == NU_INTERNAL_ERR_RANGE, "read past the end");

    /* Verification catches a driver that claims success without doing the work. */
    lazy_writes = 1;
    CHECK(nu_internal_flash_program(&adapter, 0x08010100u, data, 16) == NU_INTERNAL_ERR_PROGRAM_VERIFY,
          "program not done is detected");
    lazy_writes = 0;
    CHECK(nu_internal_flash_program(&adapter, 0x08010000u, data + 1, 16) == NU_INTERNAL_ERR_PROGRAM_VERIFY,
          "programming over programmed bytes is detected");
    sticky_byte = 1;
    CHECK(nu_internal_flash_erase_sector(&adapter, 0x08040000u) == NU_INTERNAL_ERR_ERASE_VERIFY,
          "incomplete erase is detected");
    sticky_byte = 0;

    free(flash);
    return summary("internal flash");
}
