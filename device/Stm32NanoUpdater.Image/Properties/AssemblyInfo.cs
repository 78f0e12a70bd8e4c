using System.Reflection;

// Shared by Stm32NanoUpdater.Image.nfproj (nanoFramework) and Stm32NanoUpdater.Image.csproj (.NET twin).
[assembly: AssemblyTitle("Stm32NanoUpdater.Image")]
[assembly: AssemblyDescription("MCUboot image format, SHA-256, trailer codec and image verification for nanoFramework 1.x")]
[assembly: AssemblyCompany("Stm32NanoUpdater")]
[assembly: AssemblyProduct("Stm32NanoUpdater")]
[assembly: AssemblyCopyright("Copyright (c) Stm32NanoUpdater contributors")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
