using System.Reflection;

// Shared by Stm32NanoUpdater.Agent.nfproj (nanoFramework) and Stm32NanoUpdater.Agent.csproj (.NET twin).
[assembly: AssemblyTitle("Stm32NanoUpdater.Agent")]
[assembly: AssemblyDescription("Field updates for nanoFramework 1.x on STM32: SPI NOR staging, ranged download, verification, hand-off to the swap stage, confirm/revert")]
[assembly: AssemblyCompany("Stm32NanoUpdater")]
[assembly: AssemblyProduct("Stm32NanoUpdater")]
[assembly: AssemblyCopyright("Copyright (c) Stm32NanoUpdater contributors")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
