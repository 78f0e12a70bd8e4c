//-----------------------------------------------------------------------------
//
// Method table of the interop assembly Stm32NanoUpdater.Native.
//
// !!! NOT GENERATED. The metadata processor writes this file, with two values it computes from the compiled
// !!! Stm32NanoUpdater.Native.dll that cannot be produced without building the assembly (nanoFramework project
// !!! system, Visual Studio):
// !!!   - the native checksum (second field of g_CLR_AssemblyNative_Stm32NanoUpdater_Native), which nanoCLR compares
// !!!     with the checksum the deployed .pe carries; a mismatch leaves the assembly's native methods unbound;
// !!!   - the order and length of method_lookup: one slot per method of the whole assembly in its method-definition
// !!!     order, nullptr for managed methods.
// !!! The five handlers below are the real ones; their slots and the checksum are placeholders. Replace this file
// !!! with bin\Release\Stubs\Stm32NanoUpdater.Native\Stm32NanoUpdater_Native.cpp (README.md, "Regenerating the
// !!! method table") and delete the #error guard; the build refuses to produce a firmware with the placeholder.
//
//-----------------------------------------------------------------------------

#include "Stm32NanoUpdater_Native.h"

#if !defined(STM32NANOUPDATER_NATIVE_TABLE_REGENERATED)
#error "Stm32NanoUpdater_Native.cpp holds a placeholder method table: regenerate it (see README.md in this folder)"
#endif

// clang-format off

static const CLR_RT_MethodHandler method_lookup[] =
{
    Library_Stm32NanoUpdater_Native_Stm32NanoUpdater_Native_NativeCrypto::Sha256Init___STATIC__I4__SZARRAY_U1,
    Library_Stm32NanoUpdater_Native_Stm32NanoUpdater_Native_NativeCrypto::Sha256Update___STATIC__I4__SZARRAY_U1__SZARRAY_U1__I4__I4,
    Library_Stm32NanoUpdater_Native_Stm32NanoUpdater_Native_NativeCrypto::Sha256Final___STATIC__I4__SZARRAY_U1__SZARRAY_U1__I4,
    Library_Stm32NanoUpdater_Native_Stm32NanoUpdater_Native_NativeCrypto::VerifyEcdsaP256___STATIC__I4__SZARRAY_U1__SZARRAY_U1__SZARRAY_U1,
    Library_Stm32NanoUpdater_Native_Stm32NanoUpdater_Native_NativeCrypto::VerifyEd25519___STATIC__I4__SZARRAY_U1__SZARRAY_U1__I4__I4__SZARRAY_U1,
};

const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_Stm32NanoUpdater_Native =
{
    "Stm32NanoUpdater.Native",
    0x00000000, // PLACEHOLDER: the metadata processor's checksum of the compiled assembly
    method_lookup,
    { 1, 0, 0, 0 } // = [assembly: AssemblyNativeVersion("1.0.0.0")] in device/Stm32NanoUpdater.Native
};

// clang-format on
