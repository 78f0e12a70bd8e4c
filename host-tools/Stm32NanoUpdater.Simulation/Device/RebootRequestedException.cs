namespace Stm32NanoUpdater.Simulation.Device;

/// <summary>
/// The application asked for a reboot (Power.RebootDevice on the device, which never returns): thrown from the
/// simulated rebooter to end the application's run; only managed frames are unwound.
/// </summary>
public sealed class RebootRequestedException() : Exception("the application rebooted the device");
