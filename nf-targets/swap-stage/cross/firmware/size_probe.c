/* What the booter links (nf-targets/ST_STM32F769I_DISCOVERY_UPDATER/common/nu_booter_swap.c): the platform
 * description and the stage, over a HAL whose functions live elsewhere. Built without the stage (baseline) and with it
 * (PROBE_WITH_STAGE); both build the HAL table and call memcpy, memset and SUPPORT_ComputeCRC (which nanoBooter has
 * anyway), so the difference is the stage's own cost. */
#include <string.h>

#include <nanoSupport.h>

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
    probe_result = (int)SUPPORT_ComputeCRC(scratch, length, 0);
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
    }
#endif
    return 0;
}
