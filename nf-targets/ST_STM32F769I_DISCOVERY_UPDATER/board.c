//
// Board initialisation of ST_STM32F769I_DISCOVERY_UPDATER: the ChibiOS STM32F769I-DISCO board code unchanged (GPIO
// default modes, early clock init). See board.h for how the ChibiOS file is reached.
//

#include <../boards/ST_STM32F769I_DISCOVERY/board.c>
