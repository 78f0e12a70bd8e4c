/*
 * SPI NOR protocol for the staging flash (W25Q128JV and compatible 3-byte-address parts), independent of the RTOS:
 * the bus is reached through nu_spi_transport_t, so the same code runs in nanoBooter (ChibiOS SPID2, CS on PA11) and
 * in host tests (a simulated chip with fault injection).
 *
 * Commands used: 0x9F JEDEC ID, 0x5A SFDP read, 0x05 read status 1, 0x06 write enable, 0x03 read, 0x02 page program,
 * 0x20 4 KiB sector erase, 0xD8 64 KiB block erase, 0x66/0x99 reset (recovers a chip left mid-command by a reset).
 * Every write-type command is followed by busy polling with a timeout from the datasheet maximum plus a margin; a chip
 * that stays busy or never sets WEL gives an error instead of a hang.
 */
#ifndef NU_SPI_NOR_H
#define NU_SPI_NOR_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One chip-select window: assert CS, clock out tx_length bytes of tx, then clock in rx_length bytes into rx (while
 * sending 0xFF), release CS. Returns 0 on success. now_ms returns a free-running millisecond counter; sleep_ms may
 * yield (ChibiOS) or do nothing (tests with a simulated clock advance it from now_ms). */
typedef struct nu_spi_transport {
    void *context;
    int (*transfer)(void *context, const uint8_t *tx, uint32_t tx_length, uint8_t *rx, uint32_t rx_length);
    uint32_t (*now_ms)(void *context);
    void (*sleep_ms)(void *context, uint32_t milliseconds);
} nu_spi_transport_t;

typedef struct nu_spi_nor {
    const nu_spi_transport_t *transport;
    uint32_t capacity;        /* bytes, from the JEDEC capacity byte (and checked against SFDP density) */
    uint8_t manufacturer;     /* JEDEC ID byte 0, 0xEF for Winbond */
    uint8_t memory_type;      /* byte 1, 0x40 for W25Q..JV-IQ */
    uint8_t capacity_code;    /* byte 2, 0x18 = 2^24 bytes */
    uint8_t sfdp_erase_4k;    /* the 4 KiB erase opcode announced in SFDP (0x20 expected) */
} nu_spi_nor_t;

#define NU_NOR_OK 0
#define NU_NOR_ERR_TRANSPORT (-10)   /* the transport reported a failure */
#define NU_NOR_ERR_NO_CHIP (-11)     /* status 0xFF or JEDEC ID all 0x00 / 0xFF: nothing answers on the bus */
#define NU_NOR_ERR_UNSUPPORTED (-12) /* no SFDP, no 4 KiB erase, wrong density, or more than 16 MiB (4-byte mode) */
#define NU_NOR_ERR_TIMEOUT (-13)     /* still busy after the datasheet maximum plus margin */
#define NU_NOR_ERR_WRITE_ENABLE (-14) /* WEL did not set after 0x06 (write-protected or not responding) */
#define NU_NOR_ERR_ARGUMENT (-15)    /* out of range, crosses a page, misaligned erase */

/* Worst-case timings (W25Q128JV datasheet, AC characteristics, maximum column) with a 2x margin. */
#define NU_NOR_TIMEOUT_PAGE_PROGRAM_MS 6u
#define NU_NOR_TIMEOUT_SECTOR_ERASE_MS 800u
#define NU_NOR_TIMEOUT_BLOCK_ERASE_MS 4000u
#define NU_NOR_PAGE_SIZE 256u

/* Resets the chip, reads JEDEC ID and SFDP, fills nor. The chip is usable only after this returned NU_NOR_OK. */
int nu_spi_nor_probe(nu_spi_nor_t *nor, const nu_spi_transport_t *transport);

/* The swap stage's NOR callbacks (nu_flash_hal_t): same argument rules as documented in nu_swap_stage.h. */
int nu_spi_nor_read(const nu_spi_nor_t *nor, uint32_t offset, uint8_t *buffer, uint32_t length);
int nu_spi_nor_program(const nu_spi_nor_t *nor, uint32_t offset, const uint8_t *data, uint32_t length);
int nu_spi_nor_erase(const nu_spi_nor_t *nor, uint32_t offset, uint32_t length);

#ifdef __cplusplus
}
#endif

#endif /* NU_SPI_NOR_H */
