//
// nanoBooter of ST_STM32F769I_DISCOVERY_UPDATER: the nanoFramework booter with the Stm32NanoUpdater swap stage.
//
// Order of a boot:
//  1. HAL, boot clipboard, kernel (the stage needs the SPI driver's DMA interrupts and a thread to sleep in);
//  2. the swap stage (common/nu_booter_swap.c): resume, revert, install, recovery as the flash state asks;
//  3. the launch decision, the usual one plus one rule the stage adds: when the stage acted, a "stay in nanoBooter"
//     request left in the RAM clipboard is stale (the reset was for the update) and is dropped, so it cannot keep a
//     freshly installed image from starting. When the stage stopped part-way (the next reset resumes its journal),
//     CheckValidCLRImage keeps the booter up, for nanoff and Visual Studio, if the nanoCLR region cannot start.
//     The user button still forces the booter, as on every nanoFramework board.
//  4. otherwise the usual booter: wire protocol on USART1, block storage, configuration manager, LED heartbeat.
//

#include <ch.h>
#include <hal.h>
#include <hal_nf_community.h>
#include <cmsis_os.h>

#include <serialcfg.h>
#include <swo.h>
#include <targetHAL.h>
#include <WireProtocol_ReceiverThread.h>
#include <nanoHAL_Boot.h>
#include <nanoPAL_BlockStorage.h>
#include <nanoHAL_ConfigurationManager.h>
#include <nanoHAL_StorageOperation.h>
#include <LaunchCLR.h>

#include "nu_booter_swap.h"

osThreadDef(ReceiverThread, osPriorityHigh, 2048, "ReceiverThread");

int main(void)
{
    nu_booter_outcome_t update;

    halInit();
    InitBootClipboard();

#if (SWO_OUTPUT == TRUE)
    SwoInit();
#endif

    // The kernel runs from here on (main is a high-priority thread), which the stage's SPI transfers need.
    osKernelInitialize();
    osDelay(20);

#if (HAL_NF_USE_STM32_CRC == TRUE)
    // before the stage: its assembly CRCs go through SUPPORT_ComputeCRC, the CRC unit (common/nu_nf_crc32_booter.c)
    crcStart(NULL);
#endif

    update = NuBooter_RunSwapStage();
    if (update.drop_stay_request)
    {
        g_BootClipboard.BootRequest = BootRequest_Invalid;
    }

    if (!IsToRemainInBooter())
    {
        // holding the blue user button (PA0, reads high while pressed) keeps the board in nanoBooter
        if (!palReadLine(LINE_BUTTON_USER))
        {
            if (CheckValidCLRImage((uint32_t)&__nanoConfig_end__))
            {
                LaunchCLR((uint32_t)&__nanoConfig_end__);
            }
        }
    }

    sdStart(&SERIAL_DRIVER, NULL);
    osThreadCreate(osThread(ReceiverThread), NULL);

    // after this main() runs as a normal-priority thread
    osKernelStart();

    // block storage and configuration manager, for the wire protocol's flash map and configuration commands
    BlockStorageList_Initialize();
    BlockStorage_AddDevices();
    ConfigurationManager_Initialize();

    ReportSuccessfullNanoBooter();

    while (true)
    {
        palSetLine(LINE_LED2_GREEN);
        osDelay(500);
        palClearLine(LINE_LED2_GREEN);
        osDelay(500);
    }
}
