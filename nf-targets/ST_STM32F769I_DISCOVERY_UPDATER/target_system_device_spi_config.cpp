//
// SPI buses available to System.Device.Spi on ST_STM32F769I_DISCOVERY_UPDATER.
//

#include <sys_dev_spi_native_target.h>

// SPI2 on the Arduino header: SCK PA12 (D13), MISO PB14 (D12), MOSI PB15 (D11), alternate function 5.
// The staging W25Q128JV sits here with CS on D10 (PA11); the C# agent opens it as SpiDevice bus 2, the same pins the
// swap stage in nanoBooter drives.
SPI_CONFIG_PINS(2, GPIOA, 12, GPIOB, 14, GPIOB, 15, 5)

// SPI5 on the Arduino header: SCK PF7 (D6), MISO PF8 (A4), MOSI PF9 (A5), alternate function 5.
SPI_CONFIG_PINS(5, GPIOF, 7, GPIOF, 8, GPIOF, 9, 5)
