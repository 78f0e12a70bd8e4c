using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Agent.Update;
using Stm32NanoUpdater.Image;
using Stm32NanoUpdater.Nano.Http;
using Stm32NanoUpdater.Nano.Platform;
using Stm32NanoUpdater.Nano.Spi;
using Stm32NanoUpdater.Native;

namespace Stm32NanoUpdater.Nano
{
    /// <summary>Builds the update agent for an STM32 board with its staging NOR on an SPI bus.</summary>
    public static class NanoUpdater
    {
        /// <summary>SPI2 on the STM32F769I-DISCO Arduino header (SCK PA12, MISO PB14, MOSI PB15).</summary>
        public const int DiscoveryArduinoSpiBus = 2;

        /// <summary>Arduino D10 on the STM32F769I-DISCO: PA11.</summary>
        public const int DiscoveryArduinoChipSelect = 11;

        /// <summary>The agent with signatures and hashing done natively (Stm32NanoUpdater.Native in the firmware).</summary>
        public static UpdateAgent Create(int spiBus, int chipSelectPin, TrustedKey[] trustedKeys)
        {
            return Create(spiBus, chipSelectPin, trustedKeys, new HttpWebRequestTransport());
        }

        public static UpdateAgent Create(int spiBus, int chipSelectPin, TrustedKey[] trustedKeys, HttpWebRequestTransport transport)
        {
            SystemClock clock = new SystemClock();
            SpiNorFlash flash = new SpiNorFlash(new SpiDeviceBus(spiBus, chipSelectPin, 20000000), clock);
            AgentOptions options = new AgentOptions();
            options.Sha256 = new NativeSha256();
            return new UpdateAgent(flash, transport, new NativeSignatureVerifier(), trustedKeys, clock,
                new Stm32BackupRegisters(), new DeviceRebooter(), options);
        }
    }
}
