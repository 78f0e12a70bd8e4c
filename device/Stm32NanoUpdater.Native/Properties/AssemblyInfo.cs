using System.Reflection;

[assembly: AssemblyTitle("Stm32NanoUpdater.Native")]
[assembly: AssemblyDescription("Native SHA-256 and signature verification (mbedTLS, Ed25519) for the update agent")]
[assembly: AssemblyCompany("Stm32NanoUpdater")]
[assembly: AssemblyProduct("Stm32NanoUpdater")]
[assembly: AssemblyCopyright("Copyright (c) Stm32NanoUpdater contributors")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]

////////////////////////////////////////////////////////////////////////////////////////////////////////////////////
// The firmware's native side declares the same version in its method table                                        //
// (nf-targets/InteropAssemblies/Stm32NanoUpdater.Native/Stm32NanoUpdater_Native.cpp). Raise both together whenever //
// a native method is added, removed or changes signature.                                                          //
[assembly: AssemblyNativeVersion("1.0.0.0")]
////////////////////////////////////////////////////////////////////////////////////////////////////////////////////
