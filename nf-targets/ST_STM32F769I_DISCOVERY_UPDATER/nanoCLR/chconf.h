//
// ChibiOS/RT settings for nanoCLR: the shared defaults of common/chconf_board.h plus the kernel objects the
// CMSIS-OS wrapper, lwIP and mbedTLS threads rely on.
//

#ifndef CHCONF_H
#define CHCONF_H

#define CH_CFG_USE_MUTEXES          TRUE
#define CH_CFG_USE_CONDVARS         TRUE
#define CH_CFG_USE_CONDVARS_TIMEOUT TRUE
#define CH_CFG_USE_MESSAGES         TRUE

#include "chconf_board.h"

#endif // CHCONF_H
