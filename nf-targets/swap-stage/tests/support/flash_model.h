/* In-memory STM32F769 internal flash (S2-S11) and 16 MiB SPI NOR (4 KiB erase, 256-byte pages, programming only
 * clears bits), behind the stage's HAL, with power-cut injection: before mutating operation N, or in the middle of
 * it (a program leaves a random subset of bits cleared; an erase leaves random-looking bytes). After a cut every
 * call fails, as a dead board would. Counts everything the benchmark and the wear test need. */
#ifndef FLASH_MODEL_H
#define FLASH_MODEL_H

#include <stdint.h>

#include "nu_swap_stage.h"

#define MODEL_INTERNAL_BASE 0x08010000u
#define MODEL_INTERNAL_SIZE 0x001F0000u
#define MODEL_NOR_SIZE 0x01000000u
#define MODEL_POWER_CUT (-100)
#define MODEL_CONTRACT_VIOLATION (-101)

enum cut_mode { CUT_NONE, CUT_BEFORE, CUT_DURING };

typedef struct flash_counts {
    uint32_t internal_erases_by_sector[32];
    uint32_t internal_erases;
    uint32_t internal_program_calls;
    uint64_t internal_bytes_programmed;
    uint64_t internal_bytes_read;
    uint32_t nor_erases_4k;
    uint32_t nor_erases_64k;
    uint32_t nor_program_calls;
    uint64_t nor_bytes_programmed;
    uint64_t nor_bytes_read;
    uint32_t nor_read_calls;
    uint32_t mutating_ops; /* programs + erases, the units the fault campaign cuts at */
} flash_counts_t;

typedef struct flash_model {
    uint8_t *internal;
    uint8_t *nor;
    const nu_platform_t *platform;
    flash_counts_t counts;
    enum cut_mode cut_mode;
    uint32_t cut_at;  /* mutating op index (0-based) */
    int powered_off;
    uint32_t random;
    const char *violation; /* first HAL contract violation seen, NULL if none */
} flash_model_t;

void model_init(flash_model_t *model, const nu_platform_t *platform); /* both flashes erased */
void model_free(flash_model_t *model);
void model_copy_contents(flash_model_t *to, const flash_model_t *from);
void model_arm_cut(flash_model_t *model, enum cut_mode mode, uint32_t op_index, uint32_t seed);
void model_power_on(flash_model_t *model); /* clears the cut and the counters */
nu_flash_hal_t model_hal(flash_model_t *model);

uint8_t *model_internal_at(flash_model_t *model, uint32_t address);

#endif /* FLASH_MODEL_H */
