/* The two CRC-32s the stage meets: IEEE/zlib (journal records, installed record) and nanoFramework's assembly CRC. */
#ifndef NU_CRC32_H
#define NU_CRC32_H

#include <stdint.h>

/* IEEE 802.3 / zlib, streaming: state starts at 0xFFFFFFFF, the result is state ^ 0xFFFFFFFF. */
#define NU_CRC32_START 0xFFFFFFFFu
uint32_t nu_crc32_update(uint32_t state, const uint8_t *data, uint32_t length);

/* nanoFramework's SUPPORT_ComputeCRC: polynomial 0x04C11DB7 fed MSB first, no reflection, no final XOR; the
 * assembly header and body CRCs start from 0. "123456789" from 0 gives 0x89A1897F. */
uint32_t nu_nf_crc32_update(uint32_t crc, const uint8_t *data, uint32_t length);

#endif /* NU_CRC32_H */
