/* What the booter links (nf-targets/ST_STM32F769I_DISCOVERY_UPDATER/common/nu_booter_swap.c): the platform
 * description, the stage, and the can-run query it makes when the stage returns an error; over a HAL whose functions
 * live elsewhere. Built without the stage (baseline), with it (PROBE_WITH_STAGE), and with the stage call alone
 * (PROBE_RUN_ONLY, the figure measured before the query was counted); all build the HAL table and call memcpy/memset
 * (which nanoBooter has anyway), so the differences are the stage's own cost. */
#include <string.h>

#include "nu_swap_stage.h"

extern int hal_internal_read(void *context, uint32_t address, uint8_t *buffer, uint32_t length);
extern int hal_internal_program(void *context, uint32_t address, const uint8_t *data, uint32_t length);
extern int hal_internal_erase_sector(void *context, uint32_t sector_address);
extern int hal_nor_read(void *context, uint32_t offset, uint8_t *buffer, uint32_t length);
extern int hal_nor_program(void *context, uint32_t offset, const uint8_t *data, uint32_t length);
extern int hal_nor_erase(void *context, uint32_t offset, uint32_t length);
extern void probe_keep(const void *anything);
extern volatile int probe_result;

static const uint8_t key_hashes[32] = {1};

int main(void)
{
    nu_flash_hal_t hal = {0, hal_internal_read, hal_internal_program, hal_internal_erase_sector,
                          hal_nor_read, hal_nor_program, hal_nor_erase};
    volatile uint32_t length = sizeof(key_hashes);
    uint8_t scratch[sizeof(key_hashes)];
    memcpy(scratch, key_hashes, length);
    memset(scratch, probe_result, length);
    probe_keep(&hal);
    probe_keep(scratch);
#ifdef PROBE_WITH_STAGE
    {
        nu_platform_t platform;
        nu_report_t report;
        nu_platform_init_stm32f769_w25q128(&platform);
        platform.trusted_key_hashes = key_hashes;
        platform.trusted_key_hash_count = 1;
        probe_result = nu_swap_stage_run(&hal, &platform, &report);
#ifndef PROBE_RUN_ONLY
        if (probe_result != NU_OK) {
            probe_result = nu_region_can_run(&hal, &platform, NU_KIND_NANOCLR);
        }
#endif
    }
#endif
    return 0;
}
