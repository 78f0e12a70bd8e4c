using System.Reflection;

[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyDescription("On-device tests of the Stm32NanoUpdater device libraries")]
[assembly: AssemblyCompany("Stm32NanoUpdater")]
[assembly: AssemblyProduct("Stm32NanoUpdater")]
[assembly: AssemblyCopyright("Copyright (c) Stm32NanoUpdater contributors")]
[assembly: AssemblyVersion("1.0.0.0")]
