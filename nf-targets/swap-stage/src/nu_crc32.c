#include "nu_crc32.h"

#include "nu_swap_stage.h"

/* The nanoFramework CRC runs over up to 1.25 MiB of assemblies on every boot: a nibble table (64 bytes, about four
 * times faster than bit by bit). The IEEE CRC only ever sees a journal record or an installed record (at most 4 KiB):
 * bit by bit, no table. */
static const uint32_t msb_first_nibbles[16] = {
    0x00000000u, 0x04c11db7u, 0x09823b6eu, 0x0d4326d9u, 0x130476dcu, 0x17c56b6bu, 0x1a864db2u, 0x1e475005u,
    0x2608edb8u, 0x22c9f00fu, 0x2f8ad6d6u, 0x2b4bcb61u, 0x350c9b64u, 0x31cd86d3u, 0x3c8ea00au, 0x384fbdbdu,
};

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

uint32_t nu_nf_crc32_update(uint32_t crc, const uint8_t *data, uint32_t length)
{
    uint32_t i;
    for (i = 0; i < length; i++) {
        crc = (crc << 4) ^ msb_first_nibbles[(crc >> 28) ^ (data[i] >> 4)];
        crc = (crc << 4) ^ msb_first_nibbles[(crc >> 28) ^ (data[i] & 15u)];
    }
    return crc;
}

uint32_t nu_crc32(const uint8_t *data, uint32_t length)
{
    return nu_crc32_update(NU_CRC32_START, data, length) ^ 0xFFFFFFFFu;
}
