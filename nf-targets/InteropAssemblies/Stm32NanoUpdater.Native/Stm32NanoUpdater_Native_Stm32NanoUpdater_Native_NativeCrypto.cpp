//-----------------------------------------------------------------------------
//
// Implementation of the NativeCrypto InternalCall methods: argument checks, then the C helpers of nf-targets/crypto.
// This is the one stub file the developer owns (the generator only creates it empty); keep it when regenerating.
//
// Every method answers a status (NU_CRYPTO_* of nu_crypto.h) and never raises a managed exception for bad input:
// wrong array sizes, offsets or counts give NU_CRYPTO_BAD_ARGUMENT, and no index outside a managed array is touched.
//
//-----------------------------------------------------------------------------

#include "Stm32NanoUpdater_Native.h"
#include "Stm32NanoUpdater_Native_Stm32NanoUpdater_Native_NativeCrypto.h"

#include <nu_crypto.h>

using namespace Stm32NanoUpdater_Native::Stm32NanoUpdater_Native;

namespace
{
    bool HasSize(CLR_RT_TypedArray_UINT8 &array, CLR_UINT32 size)
    {
        return array.GetBuffer() != NULL && array.GetSize() == size;
    }

    // [offset, offset + count) inside the array, without overflow.
    bool HasRange(CLR_RT_TypedArray_UINT8 &array, signed int offset, signed int count)
    {
        return array.GetBuffer() != NULL && offset >= 0 && count >= 0 &&
               (CLR_UINT32)offset <= array.GetSize() && (CLR_UINT32)count <= array.GetSize() - (CLR_UINT32)offset;
    }
} // namespace

signed int NativeCrypto::Sha256Init(CLR_RT_TypedArray_UINT8 param0, HRESULT &hr)
{
    (void)hr;
    if (!HasSize(param0, NU_CRYPTO_SHA256_STATE_SIZE))
    {
        return NU_CRYPTO_BAD_ARGUMENT;
    }
    return nu_crypto_sha256_init(param0.GetBuffer());
}

signed int NativeCrypto::Sha256Update(
    CLR_RT_TypedArray_UINT8 param0,
    CLR_RT_TypedArray_UINT8 param1,
    signed int param2,
    signed int param3,
    HRESULT &hr)
{
    (void)hr;
    if (!HasSize(param0, NU_CRYPTO_SHA256_STATE_SIZE) || !HasRange(param1, param2, param3))
    {
        return NU_CRYPTO_BAD_ARGUMENT;
    }
    return nu_crypto_sha256_update(param0.GetBuffer(), param1.GetBuffer() + param2, (size_t)param3);
}

signed int NativeCrypto::Sha256Final(
    CLR_RT_TypedArray_UINT8 param0,
    CLR_RT_TypedArray_UINT8 param1,
    signed int param2,
    HRESULT &hr)
{
    (void)hr;
    if (!HasSize(param0, NU_CRYPTO_SHA256_STATE_SIZE) || !HasRange(param1, param2, (signed int)NU_CRYPTO_SHA256_SIZE))
    {
        return NU_CRYPTO_BAD_ARGUMENT;
    }
    return nu_crypto_sha256_final(param0.GetBuffer(), param1.GetBuffer() + param2);
}

signed int NativeCrypto::VerifyEcdsaP256(
    CLR_RT_TypedArray_UINT8 param0,
    CLR_RT_TypedArray_UINT8 param1,
    CLR_RT_TypedArray_UINT8 param2,
    HRESULT &hr)
{
    (void)hr;
    if (!HasSize(param0, NU_CRYPTO_P256_PUBLIC_KEY_SIZE) || !HasSize(param1, NU_CRYPTO_SHA256_SIZE) ||
        !HasSize(param2, NU_CRYPTO_P256_SIGNATURE_SIZE))
    {
        return NU_CRYPTO_BAD_ARGUMENT;
    }
    return nu_crypto_ecdsa_p256_verify(param0.GetBuffer(), param1.GetBuffer(), param2.GetBuffer());
}

signed int NativeCrypto::VerifyEd25519(
    CLR_RT_TypedArray_UINT8 param0,
    CLR_RT_TypedArray_UINT8 param1,
    signed int param2,
    signed int param3,
    CLR_RT_TypedArray_UINT8 param4,
    HRESULT &hr)
{
    (void)hr;
    if (!HasSize(param0, NU_CRYPTO_ED25519_PUBLIC_KEY_SIZE) || !HasRange(param1, param2, param3) ||
        !HasSize(param4, NU_CRYPTO_ED25519_SIGNATURE_SIZE))
    {
        return NU_CRYPTO_BAD_ARGUMENT;
    }
    return nu_crypto_ed25519_verify(param0.GetBuffer(), param1.GetBuffer() + param2, (size_t)param3, param4.GetBuffer());
}
