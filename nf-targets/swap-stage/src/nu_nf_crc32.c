/* nanoFramework's assembly CRC in software, for every build of the stage outside nanoBooter (host tests, the .NET
 * simulator, QEMU). nanoBooter already links SUPPORT_ComputeCRC, on STM32 the CRC unit, which nanoCLR itself checks
 * assemblies with: the board uses that instead (ST_STM32F769I_DISCOVERY_UPDATER/common/nu_nf_crc32_booter.c).
 * A nibble table (64 bytes): the CRC runs over up to 1.25 MiB of assemblies on every boot, about four times faster
 * than bit by bit. */
#include "nu_crc32.h"

static const uint32_t msb_first_nibbles[16] = {
    0x00000000u, 0x04c11db7u, 0x09823b6eu, 0x0d4326d9u, 0x130476dcu, 0x17c56b6bu, 0x1a864db2u, 0x1e475005u,
    0x2608edb8u, 0x22c9f00fu, 0x2f8ad6d6u, 0x2b4bcb61u, 0x350c9b64u, 0x31cd86d3u, 0x3c8ea00au, 0x384fbdbdu,
};

uint32_t nu_nf_crc32_update(uint32_t crc, const uint8_t *data, uint32_t length)
{
    uint32_t i;
    for (i = 0; i < length; i++) {
        crc = (crc << 4) ^ msb_first_nibbles[(crc >> 28) ^ (data[i] >> 4)];
        crc = (crc << 4) ^ msb_first_nibbles[(crc >> 28) ^ (data[i] & 15u)];
    }
    return crc;
}
