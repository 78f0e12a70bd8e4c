/*
 * nu_spi_transport_t over ChibiOS: SPID2 on the Arduino header of the STM32F769I-DISCO, the bus the C# agent opens
 * as SpiDevice bus 2 (SCK PA12 = D13, MISO PB14 = D12, MOSI PB15 = D11, alternate function 5), chip select on
 * D10 = PA11 driven as a GPIO so that a command and its data phase share one CS window.
 */
#ifndef NU_SPI_NOR_CHIBIOS_H
#define NU_SPI_NOR_CHIBIOS_H

#include "nu_spi_nor.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Configures the four pins and starts SPID2 (mode 0, 8 bit, 6.75 MHz). Returns 0 or NU_NOR_ERR_TRANSPORT. */
int nu_spi_nor_chibios_start(void);

/* Stops SPID2 and leaves CS driven high (the CLR reconfigures the pins when C# opens the bus). */
void nu_spi_nor_chibios_stop(void);

/* The transport to hand to nu_spi_nor_probe; valid between start and stop. */
const nu_spi_transport_t *nu_spi_nor_chibios_transport(void);

#ifdef __cplusplus
}
#endif

#endif /* NU_SPI_NOR_CHIBIOS_H */
