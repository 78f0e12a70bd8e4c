//
// Board definitions of ST_STM32F769I_DISCOVERY_UPDATER: the STM32F769I-DISCO exactly as ChibiOS describes it (pin
// modes, clocks, LEDs, button) plus the lines of the staging flash on the Arduino header. The ChibiOS file is reached
// through the HAL include directory (os/hal/include/../boards/...), so it comes from the ChibiOS version the
// nf-interpreter build fetched, never from a copy.
//

#ifndef NU_BOARD_UPDATER_H
#define NU_BOARD_UPDATER_H

#include <../boards/ST_STM32F769I_DISCOVERY/board.h>

// W25Q128JV staging flash on SPI2 (the bus C# opens as SpiDevice bus 2): Arduino D13/D12/D11 and CS on D10.
#define LINE_NOR_SCK  LINE_ARD_D13 // PA12, AF5
#define LINE_NOR_MISO LINE_ARD_D12 // PB14, AF5
#define LINE_NOR_MOSI LINE_ARD_D11 // PB15, AF5
#define LINE_NOR_CS   LINE_ARD_D10 // PA11, GPIO output

#endif // NU_BOARD_UPDATER_H
