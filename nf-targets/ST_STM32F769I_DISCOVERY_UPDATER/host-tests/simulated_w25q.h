/*
 * A simulated W25Q128JV behind nu_spi_transport_t: JEDEC ID, SFDP (header + basic parameter table), status register
 * with BUSY/WEL, 0x03 read, 0x02 page program (bits only clear, address wraps inside the page as on the real part),
 * 0x20/0xD8 erase, 0x66/0x99 reset; busy times on a simulated millisecond clock. Faults: stuck busy, write
 * protected (WEL never sets), no chip (MISO pulled high), transport failure after N transfers, broken SFDP.
 * Every command byte sent is logged so tests can check the exact sequence.
 */
#ifndef NU_TEST_SIMULATED_W25Q_H
#define NU_TEST_SIMULATED_W25Q_H

#include <stdint.h>

#include "nu_spi_nor.h"

#define SIM_CAPACITY (16u * 1024u * 1024u)
#define SIM_LOG_SIZE 4096u

typedef struct simulated_w25q {
    uint8_t *memory;
    uint32_t now_ms;
    uint32_t busy_until_ms;
    int write_enabled;
    int stuck_busy;
    int write_protected;
    int absent;
    int broken_sfdp;
    uint32_t program_time_ms; /* busy time of a page program (1 by default) */
    uint32_t erase_time_ms;   /* busy time of a 4 KiB erase (45 by default, 64 KiB: x 3.3) */
    int fail_after_transfers; /* < 0: never */
    int transfers;
    int resets;
    uint8_t log[SIM_LOG_SIZE]; /* first byte (opcode) of every transfer */
    uint32_t log_length;
    nu_spi_transport_t transport;
} simulated_w25q;

/* Allocates the 16 MiB array (erased) and wires the transport. Returns 0 on success. */
int simulated_w25q_init(simulated_w25q *chip);
void simulated_w25q_free(simulated_w25q *chip);

#endif /* NU_TEST_SIMULATED_W25Q_H */
