//-----------------------------------------------------------------------------
//
// Native declarations of the interop assembly Stm32NanoUpdater.Native, in the layout the nanoFramework metadata
// processor's stub generator emits (bin\<Configuration>\Stubs of device/Stm32NanoUpdater.Native). When the C#
// assembly changes, replace this file with the regenerated one (see README.md); only the method-table file carries
// values (checksum, method order) that must come from the generator.
//
//-----------------------------------------------------------------------------

#ifndef STM32NANOUPDATER_NATIVE_H
#define STM32NANOUPDATER_NATIVE_H

#include <nanoCLR_Interop.h>
#include <nanoCLR_Runtime.h>
#include <nanoPackStruct.h>

struct Library_Stm32NanoUpdater_Native_Stm32NanoUpdater_Native_NativeCrypto
{
    NANOCLR_NATIVE_DECLARE(Sha256Init___STATIC__I4__SZARRAY_U1);
    NANOCLR_NATIVE_DECLARE(Sha256Update___STATIC__I4__SZARRAY_U1__SZARRAY_U1__I4__I4);
    NANOCLR_NATIVE_DECLARE(Sha256Final___STATIC__I4__SZARRAY_U1__SZARRAY_U1__I4);
    NANOCLR_NATIVE_DECLARE(VerifyEcdsaP256___STATIC__I4__SZARRAY_U1__SZARRAY_U1__SZARRAY_U1);
    NANOCLR_NATIVE_DECLARE(VerifyEd25519___STATIC__I4__SZARRAY_U1__SZARRAY_U1__I4__I4__SZARRAY_U1);

    //--//
};

extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_Stm32NanoUpdater_Native;

#endif // STM32NANOUPDATER_NATIVE_H
