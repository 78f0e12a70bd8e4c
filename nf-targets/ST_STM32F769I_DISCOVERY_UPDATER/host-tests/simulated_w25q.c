#include "simulated_w25q.h"

#include <stdlib.h>
#include <string.h>

/* SFDP image: header at 0, basic flash parameter table (2 DWORDs shown) at 0x80. */
static void sfdp_byte(const simulated_w25q *chip, uint32_t address, uint8_t *out)
{
    static const uint8_t header[16] = {'S', 'F', 'D', 'P', 0x06, 0x01, 0x00, 0xFF,
                                       0x00, 0x06, 0x01, 0x10, 0x80, 0x00, 0x00, 0xFF};
    /* DWORD1: 4 KiB erase supported (bits 1:0 = 01), opcode 0x20; DWORD2: density 2^27 - 1 bits (128 Mbit). */
    static const uint8_t table[8] = {0xE5, 0x20, 0xF1, 0xFF, 0xFF, 0xFF, 0xFF, 0x07};
    if (address < sizeof header) {
        *out = header[address];
        if (chip->broken_sfdp && address == 0) {
            *out = 'X';
        }
    } else if (address >= 0x80 && address < 0x80 + sizeof table) {
        *out = table[address - 0x80];
    } else {
        *out = 0xFF;
    }
}

static uint32_t address_of(const uint8_t *tx)
{
    return ((uint32_t)tx[1] << 16) | ((uint32_t)tx[2] << 8) | tx[3];
}

static int busy(const simulated_w25q *chip)
{
    return chip->stuck_busy || chip->now_ms < chip->busy_until_ms;
}

static int transfer(void *context, const uint8_t *tx, uint32_t tx_length, uint8_t *rx, uint32_t rx_length)
{
    simulated_w25q *chip = context;
    uint32_t i;

    if (chip->fail_after_transfers >= 0 && chip->transfers >= chip->fail_after_transfers) {
        return -1;
    }
    chip->transfers++;
    if (tx_length == 0) {
        return -1;
    }
    if (chip->log_length < SIM_LOG_SIZE) {
        chip->log[chip->log_length++] = tx[0];
    }
    if (chip->absent) {
        memset(rx, 0xFF, rx_length);
        return 0;
    }
    if (busy(chip) && tx[0] != 0x05) {
        return 0; /* a busy chip ignores everything but status reads */
    }
    switch (tx[0]) {
    case 0x9F:
        for (i = 0; i < rx_length; i++) {
            static const uint8_t id[3] = {0xEF, 0x40, 0x18};
            rx[i] = i < 3 ? id[i] : 0xFF;
        }
        break;
    case 0x5A:
        for (i = 0; i < rx_length; i++) {
            sfdp_byte(chip, address_of(tx) + i, &rx[i]);
        }
        break;
    case 0x05:
        for (i = 0; i < rx_length; i++) {
            rx[i] = (uint8_t)((busy(chip) ? 0x01 : 0x00) | (chip->write_enabled ? 0x02 : 0x00));
        }
        break;
    case 0x06:
        chip->write_enabled = !chip->write_protected;
        break;
    case 0x66:
    case 0x99:
        chip->resets++;
        chip->write_enabled = 0;
        break;
    case 0x03:
        for (i = 0; i < rx_length; i++) {
            rx[i] = chip->memory[(address_of(tx) + i) % SIM_CAPACITY];
        }
        break;
    case 0x02:
        if (chip->write_enabled && tx_length > 4) {
            uint32_t page = address_of(tx) & ~0xFFu;
            uint32_t column = address_of(tx) & 0xFFu;
            for (i = 4; i < tx_length; i++) {
                chip->memory[page + ((column + i - 4) & 0xFFu)] &= tx[i];
            }
            chip->busy_until_ms = chip->now_ms + chip->program_time_ms;
        }
        chip->write_enabled = 0;
        break;
    case 0x20:
    case 0xD8:
        if (chip->write_enabled) {
            uint32_t size = tx[0] == 0x20 ? 4096u : 65536u;
            memset(chip->memory + (address_of(tx) & ~(size - 1u)), 0xFF, size);
            chip->busy_until_ms = chip->now_ms + (tx[0] == 0x20 ? chip->erase_time_ms : chip->erase_time_ms * 10u / 3u);
        }
        chip->write_enabled = 0;
        break;
    default:
        break;
    }
    return 0;
}

static uint32_t now_ms(void *context)
{
    simulated_w25q *chip = context;
    return chip->now_ms++; /* each look at the clock costs 1 ms, so back-to-back polling also ends */
}

static void sleep_ms(void *context, uint32_t milliseconds)
{
    simulated_w25q *chip = context;
    chip->now_ms += milliseconds;
}

int simulated_w25q_init(simulated_w25q *chip)
{
    memset(chip, 0, sizeof *chip);
    chip->memory = malloc(SIM_CAPACITY);
    if (chip->memory == NULL) {
        return -1;
    }
    memset(chip->memory, 0xFF, SIM_CAPACITY);
    chip->fail_after_transfers = -1;
    chip->program_time_ms = 1;
    chip->erase_time_ms = 45;
    chip->transport.context = chip;
    chip->transport.transfer = transfer;
    chip->transport.now_ms = now_ms;
    chip->transport.sleep_ms = sleep_ms;
    return 0;
}

void simulated_w25q_free(simulated_w25q *chip)
{
    free(chip->memory);
    chip->memory = NULL;
}
