/* The swap stage's assembly CRC in nanoBooter: SUPPORT_ComputeCRC, which the booter links anyway (wire protocol,
 * memory check) and which on STM32 drives the CRC unit (started in main() before the stage runs). It is the function
 * nanoCLR validates assemblies with, so the stage's "can run" walk agrees with the CLR by construction. Replaces the
 * stage's software version (swap-stage/src/nu_nf_crc32.c), which the booter does not compile. */
#include <nanoSupport.h>

#include "nu_crc32.h"

uint32_t nu_nf_crc32_update(uint32_t crc, const uint8_t *data, uint32_t length)
{
    return SUPPORT_ComputeCRC(data, length, crc);
}
