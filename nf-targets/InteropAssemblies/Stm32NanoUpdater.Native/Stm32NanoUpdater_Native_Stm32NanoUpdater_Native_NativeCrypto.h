//-----------------------------------------------------------------------------
//
// Declarations of the NativeCrypto stubs, in the stub generator's layout: one static function per C# InternalCall
// method, arrays as CLR_RT_TypedArray_UINT8, the managed int result as the return value, hr for exceptions.
//
//-----------------------------------------------------------------------------

#ifndef STM32NANOUPDATER_NATIVE_STM32NANOUPDATER_NATIVE_NATIVECRYPTO_H
#define STM32NANOUPDATER_NATIVE_STM32NANOUPDATER_NATIVE_NATIVECRYPTO_H

namespace Stm32NanoUpdater_Native
{
    namespace Stm32NanoUpdater_Native
    {
        struct NativeCrypto
        {
            static signed int Sha256Init(CLR_RT_TypedArray_UINT8 param0, HRESULT &hr);
            static signed int Sha256Update(
                CLR_RT_TypedArray_UINT8 param0,
                CLR_RT_TypedArray_UINT8 param1,
                signed int param2,
                signed int param3,
                HRESULT &hr);
            static signed int Sha256Final(
                CLR_RT_TypedArray_UINT8 param0,
                CLR_RT_TypedArray_UINT8 param1,
                signed int param2,
                HRESULT &hr);
            static signed int VerifyEcdsaP256(
                CLR_RT_TypedArray_UINT8 param0,
                CLR_RT_TypedArray_UINT8 param1,
                CLR_RT_TypedArray_UINT8 param2,
                HRESULT &hr);
            static signed int VerifyEd25519(
                CLR_RT_TypedArray_UINT8 param0,
                CLR_RT_TypedArray_UINT8 param1,
                signed int param2,
                signed int param3,
                CLR_RT_TypedArray_UINT8 param4,
                HRESULT &hr);
        };
    } // namespace Stm32NanoUpdater_Native
} // namespace Stm32NanoUpdater_Native

#endif // STM32NANOUPDATER_NATIVE_STM32NANOUPDATER_NATIVE_NATIVECRYPTO_H
