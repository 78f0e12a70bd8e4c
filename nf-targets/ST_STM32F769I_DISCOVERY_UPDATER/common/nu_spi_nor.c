/* SPI NOR protocol (see nu_spi_nor.h). */
#include "nu_spi_nor.h"

#include <string.h>

#define OP_READ_JEDEC_ID 0x9Fu
#define OP_READ_SFDP 0x5Au
#define OP_READ_STATUS_1 0x05u
#define OP_WRITE_ENABLE 0x06u
#define OP_READ_DATA 0x03u
#define OP_PAGE_PROGRAM 0x02u
#define OP_SECTOR_ERASE_4K 0x20u
#define OP_BLOCK_ERASE_64K 0xD8u
#define OP_ENABLE_RESET 0x66u
#define OP_RESET 0x99u

#define STATUS_BUSY 0x01u
#define STATUS_WRITE_ENABLED 0x02u
/* MISO pulled high with no chip: every bit set, which a real W25Q never reports (busy with the whole array protected,
 * status register locked and WEL set cannot happen: a protected part does not start the erase). */
#define STATUS_NOBODY 0xFFu

#define SFDP_SIGNATURE 0x50444653u /* "SFDP" little-endian */
#define MAX_CAPACITY_CODE 0x18u    /* 16 MiB: the largest part 3-byte addresses reach */
#define SECTOR_SIZE 4096u
#define BLOCK_SIZE 65536u

static int transfer(const nu_spi_nor_t *nor, const uint8_t *tx, uint32_t tx_length, uint8_t *rx, uint32_t rx_length)
{
    const nu_spi_transport_t *t = nor->transport;
    return t->transfer(t->context, tx, tx_length, rx, rx_length) == 0 ? NU_NOR_OK : NU_NOR_ERR_TRANSPORT;
}

static void put_address(uint8_t *out, uint32_t address)
{
    out[0] = (uint8_t)(address >> 16);
    out[1] = (uint8_t)(address >> 8);
    out[2] = (uint8_t)address;
}

static int read_status(const nu_spi_nor_t *nor, uint8_t *status)
{
    const uint8_t op = OP_READ_STATUS_1;
    return transfer(nor, &op, 1, status, 1);
}

/* Polls until BUSY clears; interval_ms 0 polls back to back (page programs take ~0.4 ms). An all-ones status means
 * nothing drives MISO, so an absent chip is reported at once instead of after the longest timeout. */
static int wait_ready(const nu_spi_nor_t *nor, uint32_t timeout_ms, uint32_t interval_ms)
{
    const nu_spi_transport_t *t = nor->transport;
    uint32_t start = t->now_ms(t->context);
    for (;;) {
        uint8_t status;
        int result = read_status(nor, &status);
        if (result != NU_NOR_OK) {
            return result;
        }
        if (status == STATUS_NOBODY) {
            return NU_NOR_ERR_NO_CHIP;
        }
        if ((status & STATUS_BUSY) == 0) {
            return NU_NOR_OK;
        }
        if ((uint32_t)(t->now_ms(t->context) - start) > timeout_ms) {
            return NU_NOR_ERR_TIMEOUT;
        }
        if (interval_ms != 0) {
            t->sleep_ms(t->context, interval_ms);
        }
    }
}

static int write_enable(const nu_spi_nor_t *nor)
{
    const uint8_t op = OP_WRITE_ENABLE;
    uint8_t status;
    int result = transfer(nor, &op, 1, NULL, 0);
    if (result == NU_NOR_OK) {
        result = read_status(nor, &status);
    }
    if (result == NU_NOR_OK && (status & STATUS_WRITE_ENABLED) == 0) {
        result = NU_NOR_ERR_WRITE_ENABLE;
    }
    return result;
}

static int read_sfdp(const nu_spi_nor_t *nor, uint32_t address, uint8_t *buffer, uint32_t length)
{
    uint8_t command[5];
    command[0] = OP_READ_SFDP;
    put_address(command + 1, address);
    command[4] = 0; /* dummy byte */
    return transfer(nor, command, sizeof command, buffer, length);
}

static uint32_t get_u32_le(const uint8_t *in)
{
    return (uint32_t)in[0] | ((uint32_t)in[1] << 8) | ((uint32_t)in[2] << 16) | ((uint32_t)in[3] << 24);
}

/* Reads the SFDP header and the JEDEC Basic Flash Parameter Table: 4 KiB erase opcode and density. */
static int check_sfdp(nu_spi_nor_t *nor)
{
    uint8_t header[16];
    uint8_t table[8];
    uint32_t table_address;
    uint32_t density;
    uint64_t density_bits;
    int result = read_sfdp(nor, 0, header, sizeof header);

    if (result != NU_NOR_OK) {
        return result;
    }
    /* header[8..16): first parameter header, which JESD216 requires to be the basic table (ID 0xFF00). */
    if (get_u32_le(header) != SFDP_SIGNATURE || header[8] != 0x00 || header[15] != 0xFF || header[11] < 2) {
        return NU_NOR_ERR_UNSUPPORTED;
    }
    table_address = (uint32_t)header[12] | ((uint32_t)header[13] << 8) | ((uint32_t)header[14] << 16);
    result = read_sfdp(nor, table_address, table, sizeof table);
    if (result != NU_NOR_OK) {
        return result;
    }
    /* DWORD 1: bits 1:0 = 01 when 4 KiB erase is supported, bits 15:8 its opcode. */
    if ((table[0] & 0x03u) != 0x01u) {
        return NU_NOR_ERR_UNSUPPORTED;
    }
    nor->sfdp_erase_4k = table[1];
    /* DWORD 2: density in bits, N - 1 (bit 31 clear) or 2^N (bit 31 set). */
    density = get_u32_le(table + 4);
    if (density & 0x80000000u) {
        uint32_t exponent = density & 0x7FFFFFFFu;
        density_bits = exponent < 63u ? (uint64_t)1 << exponent : 0;
    } else {
        density_bits = (uint64_t)density + 1u;
    }
    if (nor->sfdp_erase_4k != OP_SECTOR_ERASE_4K || density_bits != (uint64_t)nor->capacity * 8u) {
        return NU_NOR_ERR_UNSUPPORTED;
    }
    return NU_NOR_OK;
}

int nu_spi_nor_probe(nu_spi_nor_t *nor, const nu_spi_transport_t *transport)
{
    const uint8_t enable_reset = OP_ENABLE_RESET;
    const uint8_t reset = OP_RESET;
    const uint8_t read_id = OP_READ_JEDEC_ID;
    uint8_t id[3];
    int result;

    if (nor == NULL || transport == NULL || transport->transfer == NULL || transport->now_ms == NULL ||
        transport->sleep_ms == NULL) {
        return NU_NOR_ERR_ARGUMENT;
    }
    memset(nor, 0, sizeof *nor);
    nor->transport = transport;

    /* A reset of the MCU during an erase leaves the chip busy: software reset, then wait tRST (30 us) and any
     * erase the reset could not abort. */
    result = transfer(nor, &enable_reset, 1, NULL, 0);
    if (result == NU_NOR_OK) {
        result = transfer(nor, &reset, 1, NULL, 0);
    }
    if (result != NU_NOR_OK) {
        return result;
    }
    transport->sleep_ms(transport->context, 1);
    result = wait_ready(nor, NU_NOR_TIMEOUT_BLOCK_ERASE_MS, 1);
    if (result != NU_NOR_OK) {
        return result;
    }

    result = transfer(nor, &read_id, 1, id, sizeof id);
    if (result != NU_NOR_OK) {
        return result;
    }
    if ((id[0] == 0x00 && id[1] == 0x00 && id[2] == 0x00) || (id[0] == 0xFF && id[1] == 0xFF && id[2] == 0xFF)) {
        return NU_NOR_ERR_NO_CHIP;
    }
    nor->manufacturer = id[0];
    nor->memory_type = id[1];
    nor->capacity_code = id[2];
    if (id[2] < 0x10u || id[2] > MAX_CAPACITY_CODE) {
        return NU_NOR_ERR_UNSUPPORTED;
    }
    nor->capacity = (uint32_t)1 << id[2];
    return check_sfdp(nor);
}

int nu_spi_nor_read(const nu_spi_nor_t *nor, uint32_t offset, uint8_t *buffer, uint32_t length)
{
    uint8_t command[4];
    if (nor == NULL || nor->capacity == 0 || buffer == NULL || offset > nor->capacity ||
        length > nor->capacity - offset) {
        return NU_NOR_ERR_ARGUMENT;
    }
    if (length == 0) {
        return NU_NOR_OK;
    }
    command[0] = OP_READ_DATA;
    put_address(command + 1, offset);
    return transfer(nor, command, sizeof command, buffer, length);
}

int nu_spi_nor_program(const nu_spi_nor_t *nor, uint32_t offset, const uint8_t *data, uint32_t length)
{
    uint8_t command[4 + NU_NOR_PAGE_SIZE];
    int result;

    if (nor == NULL || nor->capacity == 0 || data == NULL || length == 0 || length > NU_NOR_PAGE_SIZE ||
        offset > nor->capacity - length || (offset % NU_NOR_PAGE_SIZE) + length > NU_NOR_PAGE_SIZE) {
        return NU_NOR_ERR_ARGUMENT;
    }
    result = write_enable(nor);
    if (result != NU_NOR_OK) {
        return result;
    }
    command[0] = OP_PAGE_PROGRAM;
    put_address(command + 1, offset);
    memcpy(command + 4, data, length);
    result = transfer(nor, command, 4u + length, NULL, 0);
    if (result != NU_NOR_OK) {
        return result;
    }
    return wait_ready(nor, NU_NOR_TIMEOUT_PAGE_PROGRAM_MS, 0);
}

int nu_spi_nor_erase(const nu_spi_nor_t *nor, uint32_t offset, uint32_t length)
{
    uint8_t command[4];
    uint32_t timeout_ms;
    int result;

    if (nor == NULL || nor->capacity == 0 || (length != SECTOR_SIZE && length != BLOCK_SIZE) ||
        offset % length != 0 || offset > nor->capacity - length) {
        return NU_NOR_ERR_ARGUMENT;
    }
    result = write_enable(nor);
    if (result != NU_NOR_OK) {
        return result;
    }
    command[0] = length == SECTOR_SIZE ? OP_SECTOR_ERASE_4K : OP_BLOCK_ERASE_64K;
    timeout_ms = length == SECTOR_SIZE ? NU_NOR_TIMEOUT_SECTOR_ERASE_MS : NU_NOR_TIMEOUT_BLOCK_ERASE_MS;
    put_address(command + 1, offset);
    result = transfer(nor, command, sizeof command, NULL, 0);
    if (result != NU_NOR_OK) {
        return result;
    }
    return wait_ready(nor, timeout_ms, 1);
}
