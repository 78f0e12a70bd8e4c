//-----------------------------------------------------------------------------
//
// Marshalling of the NativeCrypto InternalCall methods (the stub generator's *_mshl.cpp layout): reads the managed
// arguments from the stack frame, calls the implementation, stores the int result. Regenerated with the method table.
//
//-----------------------------------------------------------------------------

#include "Stm32NanoUpdater_Native.h"
#include "Stm32NanoUpdater_Native_Stm32NanoUpdater_Native_NativeCrypto.h"

using namespace Stm32NanoUpdater_Native::Stm32NanoUpdater_Native;

HRESULT Library_Stm32NanoUpdater_Native_Stm32NanoUpdater_Native_NativeCrypto::Sha256Init___STATIC__I4__SZARRAY_U1(
    CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_UINT8 param0;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT8_ARRAY(stack, 0, param0));

        signed int retValue = NativeCrypto::Sha256Init(param0, hr);
        NANOCLR_CHECK_HRESULT(hr);
        SetResult_INT32(stack, retValue);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Stm32NanoUpdater_Native_Stm32NanoUpdater_Native_NativeCrypto::
    Sha256Update___STATIC__I4__SZARRAY_U1__SZARRAY_U1__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_UINT8 param0;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT8_ARRAY(stack, 0, param0));
        CLR_RT_TypedArray_UINT8 param1;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT8_ARRAY(stack, 1, param1));
        signed int param2;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 2, param2));
        signed int param3;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 3, param3));

        signed int retValue = NativeCrypto::Sha256Update(param0, param1, param2, param3, hr);
        NANOCLR_CHECK_HRESULT(hr);
        SetResult_INT32(stack, retValue);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Stm32NanoUpdater_Native_Stm32NanoUpdater_Native_NativeCrypto::
    Sha256Final___STATIC__I4__SZARRAY_U1__SZARRAY_U1__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_UINT8 param0;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT8_ARRAY(stack, 0, param0));
        CLR_RT_TypedArray_UINT8 param1;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT8_ARRAY(stack, 1, param1));
        signed int param2;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 2, param2));

        signed int retValue = NativeCrypto::Sha256Final(param0, param1, param2, hr);
        NANOCLR_CHECK_HRESULT(hr);
        SetResult_INT32(stack, retValue);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Stm32NanoUpdater_Native_Stm32NanoUpdater_Native_NativeCrypto::
    VerifyEcdsaP256___STATIC__I4__SZARRAY_U1__SZARRAY_U1__SZARRAY_U1(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_UINT8 param0;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT8_ARRAY(stack, 0, param0));
        CLR_RT_TypedArray_UINT8 param1;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT8_ARRAY(stack, 1, param1));
        CLR_RT_TypedArray_UINT8 param2;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT8_ARRAY(stack, 2, param2));

        signed int retValue = NativeCrypto::VerifyEcdsaP256(param0, param1, param2, hr);
        NANOCLR_CHECK_HRESULT(hr);
        SetResult_INT32(stack, retValue);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Stm32NanoUpdater_Native_Stm32NanoUpdater_Native_NativeCrypto::
    VerifyEd25519___STATIC__I4__SZARRAY_U1__SZARRAY_U1__I4__I4__SZARRAY_U1(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_UINT8 param0;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT8_ARRAY(stack, 0, param0));
        CLR_RT_TypedArray_UINT8 param1;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT8_ARRAY(stack, 1, param1));
        signed int param2;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 2, param2));
        signed int param3;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 3, param3));
        CLR_RT_TypedArray_UINT8 param4;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT8_ARRAY(stack, 4, param4));

        signed int retValue = NativeCrypto::VerifyEd25519(param0, param1, param2, param3, param4, hr);
        NANOCLR_CHECK_HRESULT(hr);
        SetResult_INT32(stack, retValue);
    }
    NANOCLR_NOCLEANUP();
}
