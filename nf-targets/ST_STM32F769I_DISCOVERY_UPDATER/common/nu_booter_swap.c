/*
 * nanoBooter glue (ChibiOS): NOR on SPID2, internal flash through the nf-interpreter STM32 flash driver, trusted keys
 * from the generated header, then nu_swap_stage_run. Everything the stage needs lives on this function's stack or in
 * this file's statics; nothing survives into the CLR except the flash contents.
 */
#include <ch.h>
#include <hal.h>

#include <string.h>

#include "nu_board_platform.h"
#include "nu_booter_swap.h"
#include "nu_internal_flash.h"
#include "nu_spi_nor.h"
#include "nu_spi_nor_chibios.h"
#include "nu_swap_stage.h"

/* nf-interpreter ChibiOS overlay flash driver (hal_stm32_flash.h, HAL_NF_USE_STM32_FLASH in halconf_nf.h). */
int stm32FlashWrite(uint32_t startAddress, uint32_t length, const uint8_t *buffer);
int stm32FlashErase(uint32_t address);

static nu_spi_nor_t nor;
static nu_board_key_storage_t key_storage;
static nu_platform_t platform;

static void flash_read(uint32_t address, uint8_t *buffer, uint32_t length)
{
    memcpy(buffer, (const void *)address, length);
}

static void flash_invalidate(uint32_t address, uint32_t length)
{
    /* The stage reads flash through the AXI bus, which the D-cache may hold: drop the lines the controller changed.
     * The range is widened to whole 32-byte lines. */
    if ((SCB->CCR & SCB_CCR_DC_Msk) != 0U) {
        uint32_t start = address & ~31U;
        uint32_t end = (address + length + 31U) & ~31U;
        SCB_InvalidateDCache_by_Addr((void *)start, (int32_t)(end - start));
    }
}

static void flash_activity(void)
{
    palToggleLine(LINE_LED1_RED);
}

static const nu_stm32_flash_driver_t stm32_driver = {
    stm32FlashWrite, stm32FlashErase, flash_read, flash_invalidate, flash_activity,
};

static const nu_internal_flash_t internal_flash = {&stm32_driver, nu_stm32f769_sector_starts, 12U};

static int nor_read(void *context, uint32_t offset, uint8_t *buffer, uint32_t length)
{
    return nu_spi_nor_read(context, offset, buffer, length);
}

static int nor_program(void *context, uint32_t offset, const uint8_t *data, uint32_t length)
{
    return nu_spi_nor_program(context, offset, data, length);
}

static int nor_erase(void *context, uint32_t offset, uint32_t length)
{
    return nu_spi_nor_erase(context, offset, length);
}

/* Each callback gets its own context: the flash adapters are two objects behind one nu_flash_hal_t. */
static int internal_read(void *context, uint32_t address, uint8_t *buffer, uint32_t length)
{
    (void)context;
    return nu_internal_flash_read((void *)&internal_flash, address, buffer, length);
}

static int internal_program(void *context, uint32_t address, const uint8_t *data, uint32_t length)
{
    (void)context;
    return nu_internal_flash_program((void *)&internal_flash, address, data, length);
}

static int internal_erase(void *context, uint32_t sector_address)
{
    (void)context;
    return nu_internal_flash_erase_sector((void *)&internal_flash, sector_address);
}

/* After the stage may have rewritten the CLR region, no cache may still hold its old instructions or data: the CPU
 * caches and the ART accelerator (instruction fetches over ITCM, which is how nanoCLR runs) are cleared before the
 * launch. */
static void forget_cached_flash(void)
{
    SCB_InvalidateICache();
    if ((SCB->CCR & SCB_CCR_DC_Msk) != 0U) {
        SCB_CleanInvalidateDCache();
    }
    FLASH->ACR &= ~FLASH_ACR_ARTEN;
    FLASH->ACR |= FLASH_ACR_ARTRST;
    FLASH->ACR &= ~FLASH_ACR_ARTRST;
    FLASH->ACR |= FLASH_ACR_ARTEN;
}

static bool stage_acted(const nu_report_t *report)
{
    uint32_t kind;
    for (kind = 0; kind < NU_KIND_COUNT; kind++) {
        if (report->kinds[kind].actions != 0U) {
            return true;
        }
    }
    return false;
}

nu_booter_outcome_t NuBooter_RunSwapStage(void)
{
    nu_booter_outcome_t outcome = {false, 0};
    nu_flash_hal_t hal;
    nu_report_t report;
    const nu_board_key_t *keys;
    uint32_t key_count;

    keys = nu_board_trusted_keys(&key_count);
    outcome.stage_status = nu_board_platform_init(&platform, &key_storage, keys, key_count);
    if (outcome.stage_status != 0) {
        return outcome; /* a firmware built with a bad key header: never touch flash, launch as usual */
    }

    outcome.stage_status = nu_spi_nor_chibios_start();
    if (outcome.stage_status == 0) {
        outcome.stage_status = nu_spi_nor_probe(&nor, nu_spi_nor_chibios_transport());
    }
    if (outcome.stage_status != 0) {
        /* No staging flash (not fitted, not answering): no update can be pending, the CLR launches as usual. */
        nu_spi_nor_chibios_stop();
        return outcome;
    }

    memset(&report, 0, sizeof report);
    hal.context = &nor;
    hal.internal_read = internal_read;
    hal.internal_program = internal_program;
    hal.internal_erase_sector = internal_erase;
    hal.nor_read = nor_read;
    hal.nor_program = nor_program;
    hal.nor_erase = nor_erase;

    outcome.stage_status = nu_swap_stage_run(&hal, &platform, &report);
    outcome.drop_stay_request = stage_acted(&report);
    forget_cached_flash(); /* every boot: microseconds, and right even when the stage stopped part-way */
    palClearLine(LINE_LED1_RED);
    nu_spi_nor_chibios_stop();
    return outcome;
}
