//
// nanoCLR of ST_STM32F769I_DISCOVERY_UPDATER. As the reference STM32F769I-DISCO nanoCLR, with a larger stack for the
// CLR thread: the native methods of Stm32NanoUpdater.Native run on it (Ed25519 verification needs about 2.5 KiB,
// mbedTLS ECDSA a little more), on top of the interpreter's own frames.
//

#include <ch.h>
#include <hal.h>
#include <hal_nf_community.h>
#include <cmsis_os.h>

#include <serialcfg.h>
#include <swo.h>
#include <targetHAL.h>
#include <CLR_Startup_Thread.h>
#include <WireProtocol_ReceiverThread.h>
#include <nanoCLR_Application.h>
#include <nanoPAL_BlockStorage.h>
#include <nanoHAL_v2.h>
#include <targetPAL.h>

#include <string.h>

// SDRAM set-up (FMC), from the reference target's target_external_memory.c
extern void Target_ExternalMemoryInit(void);

osThreadDef(ReceiverThread, osPriorityHigh, 2048, "ReceiverThread");
osThreadDef(CLRStartupThread, osPriorityNormal, 8192, "CLRStartupThread");

int main(void)
{
    halInit();
    InitBootClipboard();

#if (SWO_OUTPUT == TRUE)
    SwoInit();
#endif

    osKernelInitialize();

    Watchdog_Init();

#if (HAL_NF_USE_STM32_CRC == TRUE)
    crcStart(NULL);
#endif

    // after osKernelInitialize: the FMC set-up uses kernel services
    Target_ExternalMemoryInit();

    sdStart(&SERIAL_DRIVER, NULL);
    osThreadCreate(osThread(ReceiverThread), NULL);

    CLR_SETTINGS clrSettings;
    (void)memset(&clrSettings, 0, sizeof(CLR_SETTINGS));
    clrSettings.MaxContextSwitches = 50;
    clrSettings.WaitForDebugger = false;
    clrSettings.EnterDebuggerLoopAfterExit = true;
    osThreadCreate(osThread(CLRStartupThread), &clrSettings);

    osKernelStart();

    while (true)
    {
        osDelay(100);
    }
}
