//
// ChibiOS HAL configuration of nanoCLR. The API-driven switches (HAL_USE_SPI for System.Device.Spi, HAL_USE_MAC for
// System.Net, HAL_USE_RTC, HAL_USE_WDG...) come from target_platform.h, which nf-interpreter generates from the
// preset; the rest from common/halconf_board.h.
//

#ifndef HALCONF_H
#define HALCONF_H

#include <target_platform.h>
#include "mcuconf.h"

#include "halconf_board.h"

// nanoFramework ChibiOS overlay drivers
#include "halconf_nf.h"

#endif // HALCONF_H
