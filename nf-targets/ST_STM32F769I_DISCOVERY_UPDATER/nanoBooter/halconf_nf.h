//
// nanoFramework ChibiOS overlay drivers for nanoBooter: the STM32 internal flash driver, used by the wire protocol
// (nanoff / Visual Studio deployments) and by the swap stage's internal-flash adapter (common/nu_internal_flash.c).
//

#ifndef HALCONF_NF_H
#define HALCONF_NF_H

#if !defined(HAL_NF_USE_STM32_FLASH)
#define HAL_NF_USE_STM32_FLASH TRUE
#endif

#endif // HALCONF_NF_H
