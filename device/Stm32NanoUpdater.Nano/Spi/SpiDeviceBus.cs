using System;
using System.Device.Spi;
using Stm32NanoUpdater.Agent.Storage;

namespace Stm32NanoUpdater.Nano.Spi
{
    /// <summary>
    /// The agent's SPI bus over System.Device.Spi: one TransferFullDuplex per NOR command, so chip select stays active
    /// from the opcode to the last data byte. The same array is sent and received in place: STM32 SPI DMA sends byte i
    /// before it stores the byte received in its place, so the driver needs one buffer instead of two.
    /// </summary>
    public sealed class SpiDeviceBus : ISpiBus, IDisposable
    {
        private readonly SpiDevice _device;

        /// <param name="busId">SPI bus number as nanoFramework counts them (2 for SPI2 on the STM32F769I-DISCO's Arduino header).</param>
        /// <param name="chipSelectPin">GPIO number of chip select (PA11 = 0 * 16 + 11 = 11 for D10 on the Arduino header).</param>
        /// <param name="clockFrequency">SPI clock in Hz; the driver uses plain 03h reads, fine up to 50 MHz on both supported chips.</param>
        public SpiDeviceBus(int busId, int chipSelectPin, int clockFrequency)
        {
            SpiConnectionSettings settings = new SpiConnectionSettings(busId, chipSelectPin);
            settings.ClockFrequency = clockFrequency;
            settings.Mode = SpiMode.Mode0;
            settings.DataFlow = DataFlow.MsbFirst;
            _device = SpiDevice.Create(settings);
        }

        public void Transfer(byte[] buffer, int offset, int count)
        {
            SpanByte span = new SpanByte(buffer, offset, count);
            _device.TransferFullDuplex(span, span);
        }

        public void Dispose()
        {
            _device.Dispose();
        }
    }
}
