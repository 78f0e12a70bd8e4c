//
// nanoFramework overlay driver settings for nanoCLR: FSMC bank 5 for the 16 MiB SDRAM of the STM32F769I-DISCO, which
// holds the managed heap (linker region ext_ram).
//

#ifndef MCUCONF_NF_H
#define MCUCONF_NF_H

#define STM32_FSMC_USE_FSMC1          TRUE
#define STM32_FSMC_FSMC1_IRQ_PRIORITY 10
#define STM32_FSMC_DMA_CHN            0x03010201
#define STM32_USE_FSMC_SDRAM          TRUE
#define STM32_SDRAM_USE_FSMC_SDRAM1   TRUE
#define STM32_SDRAM_USE_FSMC_SDRAM2   FALSE

#endif // MCUCONF_NF_H
