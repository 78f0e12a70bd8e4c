/* Opaque HAL and startup pieces for the size probe (kept out of the measured difference: both probes link them). */
#include <stdint.h>

#include <nanoSupport.h>

volatile int probe_result;
volatile uint32_t probe_sink;

void probe_keep(const void *anything);
void probe_keep(const void *anything)
{
    probe_sink = (uint32_t)anything;
}

int hal_internal_read(void *context, uint32_t address, uint8_t *buffer, uint32_t length);
int hal_internal_program(void *context, uint32_t address, const uint8_t *data, uint32_t length);
int hal_internal_erase_sector(void *context, uint32_t sector_address);
int hal_nor_read(void *context, uint32_t offset, uint8_t *buffer, uint32_t length);
int hal_nor_program(void *context, uint32_t offset, const uint8_t *data, uint32_t length);
int hal_nor_erase(void *context, uint32_t offset, uint32_t length);

int hal_internal_read(void *context, uint32_t address, uint8_t *buffer, uint32_t length)
{
    (void)context;
    probe_sink = address + length + buffer[0];
    return 0;
}

int hal_internal_program(void *context, uint32_t address, const uint8_t *data, uint32_t length)
{
    (void)context;
    probe_sink = address + length + data[0];
    return 0;
}

int hal_internal_erase_sector(void *context, uint32_t sector_address)
{
    (void)context;
    probe_sink = sector_address;
    return 0;
}

int hal_nor_read(void *context, uint32_t offset, uint8_t *buffer, uint32_t length)
{
    (void)context;
    probe_sink = offset + length + buffer[0];
    return 0;
}

int hal_nor_program(void *context, uint32_t offset, const uint8_t *data, uint32_t length)
{
    (void)context;
    probe_sink = offset + length + data[0];
    return 0;
}

int hal_nor_erase(void *context, uint32_t offset, uint32_t length)
{
    (void)context;
    probe_sink = offset + length;
    return 0;
}

uint32_t SUPPORT_ComputeCRC(const void *rgBlock, const uint32_t nLength, const uint32_t crc)
{
    probe_sink = (uint32_t)rgBlock + nLength;
    return crc;
}
