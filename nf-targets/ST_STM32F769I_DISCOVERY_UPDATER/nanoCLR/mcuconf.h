//
// ChibiOS STM32F7 driver selection for nanoCLR: USART1 (wire protocol), SPI2 (Arduino header: the staging NOR the
// C# agent opens as SpiDevice bus 2) and SPI5, the independent watchdog. Clock tree and RTC source: common/mcuconf_board.h,
// shared with nanoBooter.
//

#ifndef MCUCONF_H
#define MCUCONF_H

#define STM32_SERIAL_USE_USART1 TRUE
#define STM32_SPI_USE_SPI2      TRUE
#define STM32_SPI_USE_SPI5      TRUE
#define STM32_WDG_USE_IWDG      TRUE

#include "mcuconf_board.h"
#include "mcuconf_nf.h"

#endif // MCUCONF_H
