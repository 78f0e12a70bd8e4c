/* The contract's layout (§1, §2): STM32F769 single bank, W25Q128JV staging NOR. */
#include "nu_swap_stage.h"

static const nu_internal_sector_t f769_sectors[] = {
    {0x08010000u, 0x8000u, 2},   {0x08018000u, 0x8000u, 3},   {0x08020000u, 0x20000u, 4},
    {0x08040000u, 0x40000u, 5},  {0x08080000u, 0x40000u, 6},  {0x080C0000u, 0x40000u, 7},
    {0x08100000u, 0x40000u, 8},  {0x08140000u, 0x40000u, 9},  {0x08180000u, 0x40000u, 10},
    {0x081C0000u, 0x40000u, 11},
};

static const nu_platform_t f769_w25q128 = {
    f769_sectors,
    sizeof(f769_sectors) / sizeof(f769_sectors[0]),
    {
        /* region address, size, record, staging slot, backup slot, slot size */
        {0x08010000u, 0x0B0000u, 0x002000u, 0x010000u, 0x110000u, 0x100000u},
        {0x080C0000u, 0x140000u, 0x003000u, 0x210000u, 0x390000u, 0x180000u},
    },
    {0x000000u, 0x001000u},
    0x20000000u,
    0x20080000u,
    0,
    0,
    0,
    0,
};

void nu_platform_init_stm32f769_w25q128(nu_platform_t *platform)
{
    *platform = f769_w25q128;
}
