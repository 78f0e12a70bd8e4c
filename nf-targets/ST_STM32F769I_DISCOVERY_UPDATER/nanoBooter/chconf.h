//
// ChibiOS/RT settings for nanoBooter: the shared defaults of common/chconf_board.h (no mutexes, no condition
// variables, no messages: the booter's wire protocol thread and the swap stage need none of them).
//

#ifndef CHCONF_H
#define CHCONF_H

#include "chconf_board.h"

#endif // CHCONF_H
