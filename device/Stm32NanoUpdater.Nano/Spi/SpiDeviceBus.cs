using System;
using System.Device.Spi;
using Stm32NanoUpdater.Agent.Storage;

namespace Stm32NanoUpdater.Nano.Spi
{
    /// <summary>
    /// The agent's SPI bus over System.Device.Spi: one TransferFullDuplex per NOR command, so chip select stays active
    /// from the opcode to the last data byte. The driver asks for an in-place exchange; this adapter receives into its
    /// own buffer and copies back, so it does not depend on how the native SPI driver treats overlapping buffers.
    /// </summary>
    public sealed class SpiDeviceBus : ISpiBus, IDisposable
    {
        private readonly SpiDevice _device;
        private byte[] _received = new byte[0];

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
            if (_received.Length < count)
            {
                _received = new byte[count];
            }

            _device.TransferFullDuplex(new SpanByte(buffer, offset, count), new SpanByte(_received, 0, count));
            Array.Copy(_received, 0, buffer, offset, count);
        }

        public void Dispose()
        {
            _device.Dispose();
        }
    }
}
