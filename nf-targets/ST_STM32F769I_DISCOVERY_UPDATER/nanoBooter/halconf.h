//
// ChibiOS HAL configuration of nanoBooter: serial (wire protocol on USART1) and SPI (the swap stage reads and writes
// the staging NOR on SPI2). Everything else comes from common/halconf_board.h.
//

#ifndef HALCONF_H
#define HALCONF_H

#include "mcuconf.h"

#define HAL_USE_SERIAL TRUE
#define HAL_USE_SPI    TRUE

#include "halconf_board.h"

// nanoFramework ChibiOS overlay (internal flash driver)
#include "halconf_nf.h"

#endif // HALCONF_H
