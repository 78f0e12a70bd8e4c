/* SPI NOR transport on ChibiOS SPID2 (see nu_spi_nor_chibios.h). Built into nanoBooter only. */
#include <ch.h>
#include <hal.h>

#include <string.h>

#include "nu_spi_nor_chibios.h"

/* LINE_NOR_* come from the board's board.h (Arduino D10-D13). */
#define SPI2_ALTERNATE_FUNCTION 5U

/* DMA moves every byte through this buffer: 32-byte aligned and sized so the cache maintenance below works on whole
 * lines wherever the linker places .bss (DTCM in this booter, which is not cached at all). */
#define BOUNCE_SIZE 512U
static CC_ALIGN_DATA(32) uint8_t bounce[BOUNCE_SIZE];

/* APB1 = 54 MHz (216 MHz / 4); BR = 010 divides by 8: 6.75 MHz, comfortable over Arduino-header jumper wires and far
 * below the 50 MHz limit of the plain 0x03 read. Mode 0, 8-bit frames (DS = 0111). */
static const SPIConfig nor_spi_config = {
    .cr1 = SPI_CR1_BR_1,
    .cr2 = SPI_CR2_DS_2 | SPI_CR2_DS_1 | SPI_CR2_DS_0,
};

static int send_chunks(const uint8_t *tx, uint32_t length)
{
    while (length != 0U) {
        uint32_t chunk = length < BOUNCE_SIZE ? length : BOUNCE_SIZE;
        memcpy(bounce, tx, chunk);
        cacheBufferFlush(bounce, BOUNCE_SIZE);
        if (spiSend(&SPID2, chunk, bounce) != MSG_OK) {
            return -1;
        }
        tx += chunk;
        length -= chunk;
    }
    return 0;
}

static int receive_chunks(uint8_t *rx, uint32_t length)
{
    while (length != 0U) {
        uint32_t chunk = length < BOUNCE_SIZE ? length : BOUNCE_SIZE;
        cacheBufferInvalidate(bounce, BOUNCE_SIZE);
        if (spiReceive(&SPID2, chunk, bounce) != MSG_OK) {
            return -1;
        }
        cacheBufferInvalidate(bounce, BOUNCE_SIZE);
        memcpy(rx, bounce, chunk);
        rx += chunk;
        length -= chunk;
    }
    return 0;
}

static int transfer(void *context, const uint8_t *tx, uint32_t tx_length, uint8_t *rx, uint32_t rx_length)
{
    int result;
    (void)context;
    palClearLine(LINE_NOR_CS);
    result = send_chunks(tx, tx_length);
    if (result == 0) {
        result = receive_chunks(rx, rx_length);
    }
    palSetLine(LINE_NOR_CS);
    return result;
}

static uint32_t now_ms(void *context)
{
    (void)context;
    /* The booter runs right after reset: the 32-bit tick counter (10 kHz) is far from wrapping. */
    return (uint32_t)TIME_I2MS(chVTGetSystemTimeX());
}

static void sleep_ms(void *context, uint32_t milliseconds)
{
    (void)context;
    chThdSleepMilliseconds(milliseconds);
}

static const nu_spi_transport_t chibios_transport = {NULL, transfer, now_ms, sleep_ms};

int nu_spi_nor_chibios_start(void)
{
    palSetLine(LINE_NOR_CS);
    palSetLineMode(LINE_NOR_CS, PAL_MODE_OUTPUT_PUSHPULL | PAL_STM32_OSPEED_HIGHEST);
    palSetLineMode(LINE_NOR_SCK, PAL_MODE_ALTERNATE(SPI2_ALTERNATE_FUNCTION) | PAL_STM32_OSPEED_HIGHEST);
    palSetLineMode(LINE_NOR_MISO, PAL_MODE_ALTERNATE(SPI2_ALTERNATE_FUNCTION) | PAL_STM32_PUPDR_PULLUP);
    palSetLineMode(LINE_NOR_MOSI, PAL_MODE_ALTERNATE(SPI2_ALTERNATE_FUNCTION) | PAL_STM32_OSPEED_HIGHEST);
    return spiStart(&SPID2, &nor_spi_config) == HAL_RET_SUCCESS ? 0 : NU_NOR_ERR_TRANSPORT;
}

void nu_spi_nor_chibios_stop(void)
{
    spiStop(&SPID2);
    palSetLine(LINE_NOR_CS);
}

const nu_spi_transport_t *nu_spi_nor_chibios_transport(void)
{
    return &chibios_transport;
}
