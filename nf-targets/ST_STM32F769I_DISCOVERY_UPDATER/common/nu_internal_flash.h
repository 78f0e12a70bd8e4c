/*
 * The swap stage's internal-flash callbacks for the STM32F769, over the flash driver nf-interpreter's ChibiOS overlay
 * provides (stm32FlashWrite / stm32FlashErase, enabled by HAL_NF_USE_STM32_FLASH). The driver is reached through
 * nu_stm32_flash_driver_t so the checks here run in host tests with a simulated flash.
 *
 * What this layer adds to the raw driver:
 *  - a fence: program and erase are refused outside [NU_INTERNAL_WRITABLE_START, NU_INTERNAL_WRITABLE_END), i.e. the
 *    nanoCLR and deployment regions; nanoBooter (S0) and the configuration block (S1) can never be touched;
 *  - verification by read-back after every program (bytes equal) and every erase (whole sector 0xFF), which also
 *    makes the adapter independent of the driver's return convention (the stable nf line returns true on success,
 *    the MCUboot branch 0);
 *  - cache maintenance (D-cache lines over the changed range), because the stage reads flash through the AXI bus.
 */
#ifndef NU_INTERNAL_FLASH_H
#define NU_INTERNAL_FLASH_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NU_INTERNAL_WRITABLE_START 0x08010000u /* nanoCLR region start (sector 2) */
#define NU_INTERNAL_WRITABLE_END 0x08200000u   /* end of the 2 MiB flash (deployment ends at sector 11) */

#define NU_INTERNAL_ERR_RANGE (-20)          /* outside the writable regions, misaligned, or not a sector start */
#define NU_INTERNAL_ERR_PROGRAM_VERIFY (-21) /* bytes read back differ from the bytes programmed */
#define NU_INTERNAL_ERR_ERASE_VERIFY (-22)   /* a byte of the sector is not 0xFF after the erase */

typedef struct nu_stm32_flash_driver {
    /* stm32FlashWrite / stm32FlashErase; their return values are not trusted (see above). */
    int (*write)(uint32_t address, uint32_t length, const uint8_t *data);
    int (*erase)(uint32_t sector_address);
    /* Reads flash as the CPU sees it (a memcpy from the address on the device). */
    void (*read)(uint32_t address, uint8_t *buffer, uint32_t length);
    /* Drops cached copies of [address, address + length) so the next read sees the flash (may be NULL). */
    void (*invalidate)(uint32_t address, uint32_t length);
    /* Called before each sector erase (the board blinks an LED: an install takes seconds). May be NULL. */
    void (*activity)(void);
} nu_stm32_flash_driver_t;

typedef struct nu_internal_flash {
    const nu_stm32_flash_driver_t *driver;
    const uint32_t *sector_starts; /* start address of every erasable sector, ascending, plus the end address */
    uint32_t sector_count;
} nu_internal_flash_t;

/* STM32F76x/77x single-bank layout (4 x 32 KiB, 1 x 128 KiB, 7 x 256 KiB): 13 entries, the last one the end. */
extern const uint32_t nu_stm32f769_sector_starts[13];

/* nu_flash_hal_t callbacks; context is a nu_internal_flash_t. */
int nu_internal_flash_read(void *context, uint32_t address, uint8_t *buffer, uint32_t length);
int nu_internal_flash_program(void *context, uint32_t address, const uint8_t *data, uint32_t length);
int nu_internal_flash_erase_sector(void *context, uint32_t sector_address);

#ifdef __cplusplus
}
#endif

#endif /* NU_INTERNAL_FLASH_H */
