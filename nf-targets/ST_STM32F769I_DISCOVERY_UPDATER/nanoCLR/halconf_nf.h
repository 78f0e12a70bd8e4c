//
// nanoFramework ChibiOS overlay drivers for nanoCLR: internal flash (deployment and configuration block), FSMC for the
// board's SDRAM (managed heap, see target_external_memory.c of the reference target), the hardware RNG feeding
// mbedTLS entropy (PLATFORM_HAS_RNG in target_common.h).
//

#ifndef HALCONF_NF_H
#define HALCONF_NF_H

#if !defined(HAL_NF_USE_STM32_FLASH)
#define HAL_NF_USE_STM32_FLASH TRUE
#endif

#if !defined(HAL_NF_USE_FSMC)
#define HAL_NF_USE_FSMC TRUE
#endif

#if !defined(HAL_NF_USE_STM32_RNG)
#define HAL_NF_USE_STM32_RNG TRUE
#endif

#if !defined(HAL_NF_USE_STM32_QSPI)
#define HAL_NF_USE_STM32_QSPI FALSE
#endif

#endif // HALCONF_NF_H
