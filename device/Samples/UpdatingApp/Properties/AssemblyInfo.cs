using System.Reflection;

[assembly: AssemblyTitle("UpdatingApp")]
[assembly: AssemblyDescription("Stm32NanoUpdater sample: check, download with progress, reboot, confirm")]
[assembly: AssemblyProduct("Stm32NanoUpdater")]
[assembly: AssemblyVersion("1.0.0.0")]
