using Stm32NanoUpdater.Agent.Platform;

namespace Stm32NanoUpdater.Nano.Platform
{
    /// <summary>
    /// A normal reboot: nanoBooter's swap stage runs on every boot and finds the request in flash. Not EnterNanoBooter,
    /// which would keep the board in the booter waiting for Visual Studio. Qualified because
    /// nanoFramework.Hardware.Stm32 has a Power class too.
    /// </summary>
    public sealed class DeviceRebooter : IRebooter
    {
        public void Reboot()
        {
            nanoFramework.Runtime.Native.Power.RebootDevice();
        }
    }
}
