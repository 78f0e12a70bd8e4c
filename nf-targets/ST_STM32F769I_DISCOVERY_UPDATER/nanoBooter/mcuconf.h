//
// ChibiOS STM32F7 driver selection for nanoBooter: USART1 for the wire protocol, SPI2 for the staging NOR. The clock
// tree and the RTC source come from common/mcuconf_board.h, shared with nanoCLR.
//

#ifndef MCUCONF_H
#define MCUCONF_H

#define STM32_SERIAL_USE_USART1 TRUE
#define STM32_SPI_USE_SPI2      TRUE

#include "mcuconf_board.h"

#endif // MCUCONF_H
