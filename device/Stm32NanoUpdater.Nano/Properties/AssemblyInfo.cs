using System.Reflection;

[assembly: AssemblyTitle("Stm32NanoUpdater.Nano")]
[assembly: AssemblyDescription("nanoFramework adapters of the Stm32NanoUpdater agent: SpiDevice, HttpWebRequest, BackupMemory, Power")]
[assembly: AssemblyCompany("Stm32NanoUpdater")]
[assembly: AssemblyProduct("Stm32NanoUpdater")]
[assembly: AssemblyCopyright("Copyright (c) Stm32NanoUpdater contributors")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
