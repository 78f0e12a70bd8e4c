/* nf-interpreter's nanoSupport.h as far as the size probe needs it: the declaration of SUPPORT_ComputeCRC, which
 * nanoBooter links anyway (the probe's baseline calls it, so its code is not counted as the stage's). */
#ifndef NANOSUPPORT_H
#define NANOSUPPORT_H

#include <stdint.h>

uint32_t SUPPORT_ComputeCRC(const void *rgBlock, const uint32_t nLength, const uint32_t crc);

#endif
