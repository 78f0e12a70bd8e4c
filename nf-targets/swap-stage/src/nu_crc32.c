#include "nu_crc32.h"

#include "nu_swap_stage.h"

/* Bit by bit, no table: this CRC only ever sees a journal record or an installed record (at most 4 KiB). */
uint32_t nu_crc32_update(uint32_t state, const uint8_t *data, uint32_t length)
{
    uint32_t i, bit;
    for (i = 0; i < length; i++) {
        state ^= data[i];
        for (bit = 0; bit < 8; bit++) {
            state = (state >> 1) ^ (0xEDB88320u & (0u - (state & 1u)));
        }
    }
    return state;
}

uint32_t nu_crc32(const uint8_t *data, uint32_t length)
{
    return nu_crc32_update(NU_CRC32_START, data, length) ^ 0xFFFFFFFFu;
}
