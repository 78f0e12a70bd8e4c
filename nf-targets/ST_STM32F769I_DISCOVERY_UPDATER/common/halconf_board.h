//
// ChibiOS HAL settings shared by nanoBooter and nanoCLR (HAL configuration version 9.1). Each image's halconf.h
// includes its mcuconf.h, sets the HAL_USE_* switches it needs (nanoCLR takes most of them from the generated
// target_platform.h, driven by the API_* options of the preset), then includes this file for everything else.
// All settings are guarded defaults.
//

#ifndef HALCONF_BOARD_H
#define HALCONF_BOARD_H

// clang-format off

#define _CHIBIOS_HAL_CONF_
#define _CHIBIOS_HAL_CONF_VER_9_1_

// Subsystems: off unless the image (or target_platform.h) switched them on
#if !defined(HAL_USE_SAFETY)
#define HAL_USE_SAFETY                FALSE
#endif
#if !defined(HAL_USE_PAL)
#define HAL_USE_PAL                   TRUE
#endif
#if !defined(HAL_USE_ADC)
#define HAL_USE_ADC                   FALSE
#endif
#if !defined(HAL_USE_CAN)
#define HAL_USE_CAN                   FALSE
#endif
#if !defined(HAL_USE_CRY)
#define HAL_USE_CRY                   FALSE
#endif
#if !defined(HAL_USE_DAC)
#define HAL_USE_DAC                   FALSE
#endif
#if !defined(HAL_USE_EFL)
#define HAL_USE_EFL                   FALSE
#endif
#if !defined(HAL_USE_GPT)
#define HAL_USE_GPT                   FALSE
#endif
#if !defined(HAL_USE_I2C)
#define HAL_USE_I2C                   FALSE
#endif
#if !defined(HAL_USE_I2S)
#define HAL_USE_I2S                   FALSE
#endif
#if !defined(HAL_USE_ICU)
#define HAL_USE_ICU                   FALSE
#endif
#if !defined(HAL_USE_MAC)
#define HAL_USE_MAC                   FALSE
#endif
#if !defined(HAL_USE_MMC_SPI)
#define HAL_USE_MMC_SPI               FALSE
#endif
#if !defined(HAL_USE_PWM)
#define HAL_USE_PWM                   FALSE
#endif
#if !defined(HAL_USE_RTC)
#define HAL_USE_RTC                   FALSE
#endif
#if !defined(HAL_USE_SDC)
#define HAL_USE_SDC                   FALSE
#endif
#if !defined(HAL_USE_SERIAL)
#define HAL_USE_SERIAL                TRUE
#endif
#if !defined(HAL_USE_SERIAL_USB)
#define HAL_USE_SERIAL_USB            FALSE
#endif
#if !defined(HAL_USE_SIO)
#define HAL_USE_SIO                   FALSE
#endif
#if !defined(HAL_USE_SPI)
#define HAL_USE_SPI                   FALSE
#endif
#if !defined(HAL_USE_TRNG)
#define HAL_USE_TRNG                  FALSE
#endif
#if !defined(HAL_USE_UART)
#define HAL_USE_UART                  FALSE
#endif
#if !defined(HAL_USE_USB)
#define HAL_USE_USB                   FALSE
#endif
#if !defined(HAL_USE_WDG)
#define HAL_USE_WDG                   FALSE
#endif
#if !defined(HAL_USE_WSPI)
#define HAL_USE_WSPI                  FALSE
#endif

// PAL
#if !defined(PAL_USE_CALLBACKS)
#define PAL_USE_CALLBACKS             FALSE
#endif
#if !defined(PAL_USE_WAIT)
#define PAL_USE_WAIT                  FALSE
#endif

// ADC, CAN, CRY, DAC, I2C
#if !defined(ADC_USE_WAIT)
#define ADC_USE_WAIT                  TRUE
#endif
#if !defined(ADC_USE_MUTUAL_EXCLUSION)
#define ADC_USE_MUTUAL_EXCLUSION      TRUE
#endif
#if !defined(CAN_USE_SLEEP_MODE)
#define CAN_USE_SLEEP_MODE            TRUE
#endif
#if !defined(CAN_ENFORCE_USE_CALLBACKS)
#define CAN_ENFORCE_USE_CALLBACKS     TRUE
#endif
#if !defined(HAL_CRY_USE_FALLBACK)
#define HAL_CRY_USE_FALLBACK          FALSE
#endif
#if !defined(HAL_CRY_ENFORCE_FALLBACK)
#define HAL_CRY_ENFORCE_FALLBACK      FALSE
#endif
#if !defined(DAC_USE_WAIT)
#define DAC_USE_WAIT                  TRUE
#endif
#if !defined(DAC_USE_MUTUAL_EXCLUSION)
#define DAC_USE_MUTUAL_EXCLUSION      TRUE
#endif
#if !defined(I2C_ENABLE_SLAVE_MODE)
#define I2C_ENABLE_SLAVE_MODE         FALSE
#endif
#if !defined(I2C_USE_MUTUAL_EXCLUSION)
#define I2C_USE_MUTUAL_EXCLUSION      TRUE
#endif

// MAC (Ethernet, nanoCLR)
#if !defined(MAC_USE_ZERO_COPY)
#define MAC_USE_ZERO_COPY             FALSE
#endif
#if !defined(MAC_USE_EVENTS)
#define MAC_USE_EVENTS                TRUE
#endif

// MMC over SPI, SD card
#if !defined(MMC_IDLE_TIMEOUT_MS)
#define MMC_IDLE_TIMEOUT_MS           1000
#endif
#if !defined(MMC_USE_MUTUAL_EXCLUSION)
#define MMC_USE_MUTUAL_EXCLUSION      TRUE
#endif
#if !defined(SDC_INIT_RETRY)
#define SDC_INIT_RETRY                100
#endif
#if !defined(SDC_MMC_SUPPORT)
#define SDC_MMC_SUPPORT               FALSE
#endif
#if !defined(SDC_NICE_WAITING)
#define SDC_NICE_WAITING              TRUE
#endif
#if !defined(SDC_INIT_OCR_V20)
#define SDC_INIT_OCR_V20              0x50FF8000U
#endif
#if !defined(SDC_INIT_OCR)
#define SDC_INIT_OCR                  0x80100000U
#endif

// Serial: the wire protocol runs on USART1, the ST-LINK virtual COM port, at 921600 bit/s in both images
#if !defined(SERIAL_DEFAULT_BITRATE)
#define SERIAL_DEFAULT_BITRATE        921600
#endif
#if !defined(SERIAL_BUFFERS_SIZE)
#define SERIAL_BUFFERS_SIZE           64
#endif
#if !defined(SIO_DEFAULT_BITRATE)
#define SIO_DEFAULT_BITRATE           38400
#endif
#if !defined(SIO_USE_SYNCHRONIZATION)
#define SIO_USE_SYNCHRONIZATION       TRUE
#endif
#if !defined(SERIAL_USB_BUFFERS_SIZE)
#define SERIAL_USB_BUFFERS_SIZE       64
#endif
#if !defined(SERIAL_USB_BUFFERS_NUMBER)
#define SERIAL_USB_BUFFERS_NUMBER     1
#endif

// SPI: synchronous API; chip select is always driven as a GPIO by the caller (the booter's NOR adapter, the
// CLR's System.Device.Spi), so the driver handles no CS line itself.
#if !defined(SPI_USE_WAIT)
#define SPI_USE_WAIT                  TRUE
#endif
#if !defined(SPI_USE_ASSERT_ON_ERROR)
#define SPI_USE_ASSERT_ON_ERROR       TRUE
#endif
#if !defined(SPI_USE_MUTUAL_EXCLUSION)
#define SPI_USE_MUTUAL_EXCLUSION      TRUE
#endif
#if !defined(SPI_SELECT_MODE)
#define SPI_SELECT_MODE               SPI_SELECT_MODE_NONE
#endif

// UART, USB, WSPI
#if !defined(UART_USE_WAIT)
#define UART_USE_WAIT                 FALSE
#endif
#if !defined(UART_USE_MUTUAL_EXCLUSION)
#define UART_USE_MUTUAL_EXCLUSION     FALSE
#endif
#if !defined(USB_USE_WAIT)
#define USB_USE_WAIT                  FALSE
#endif
#if !defined(WSPI_USE_WAIT)
#define WSPI_USE_WAIT                 TRUE
#endif
#if !defined(WSPI_USE_MUTUAL_EXCLUSION)
#define WSPI_USE_MUTUAL_EXCLUSION     TRUE
#endif

// clang-format on

#endif // HALCONF_BOARD_H
