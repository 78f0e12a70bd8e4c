/*
 * One place for the differences between mbedTLS 2.28 (Debian, host builds) and mbedTLS 3.x (what recent
 * nf-interpreter releases link): the "_ret" hash functions were renamed, and struct members became MBEDTLS_PRIVATE.
 * Also refuses to build when the mbedTLS configuration lacks a module these helpers need, instead of failing at link
 * time inside nf-interpreter with a less obvious message.
 */
#ifndef NU_MBEDTLS_COMPAT_H
#define NU_MBEDTLS_COMPAT_H

/* Lets us read the SHA-256 context fields that the streaming state serialises (no effect on 2.28). */
#ifndef MBEDTLS_ALLOW_PRIVATE_ACCESS
#define MBEDTLS_ALLOW_PRIVATE_ACCESS
#endif

#include <mbedtls/version.h>
#include <mbedtls/sha256.h>
#include <mbedtls/sha512.h>
#include <mbedtls/ecp.h>
#include <mbedtls/ecdsa.h>
#include <mbedtls/bignum.h>

#if !defined(MBEDTLS_SHA256_C)
#error "nu_crypto needs MBEDTLS_SHA256_C in the mbedTLS configuration"
#endif
#if !defined(MBEDTLS_SHA512_C)
#error "nu_crypto needs MBEDTLS_SHA512_C in the mbedTLS configuration (Ed25519 hashes with SHA-512)"
#endif
#if !defined(MBEDTLS_ECDSA_C) || !defined(MBEDTLS_ECP_C) || !defined(MBEDTLS_BIGNUM_C)
#error "nu_crypto needs MBEDTLS_ECDSA_C, MBEDTLS_ECP_C and MBEDTLS_BIGNUM_C in the mbedTLS configuration"
#endif
#if !defined(MBEDTLS_ECP_DP_SECP256R1_ENABLED)
#error "nu_crypto needs MBEDTLS_ECP_DP_SECP256R1_ENABLED in the mbedTLS configuration"
#endif
#if defined(MBEDTLS_SHA256_ALT)
#error "nu_crypto serialises the software SHA-256 context; MBEDTLS_SHA256_ALT is not supported"
#endif

#ifndef MBEDTLS_PRIVATE
#define MBEDTLS_PRIVATE(member) member
#endif

#if MBEDTLS_VERSION_MAJOR >= 3
#define nu_mbedtls_sha256_starts(ctx) mbedtls_sha256_starts((ctx), 0)
#define nu_mbedtls_sha256_update mbedtls_sha256_update
#define nu_mbedtls_sha256_finish mbedtls_sha256_finish
#define nu_mbedtls_sha512_starts(ctx) mbedtls_sha512_starts((ctx), 0)
#define nu_mbedtls_sha512_update mbedtls_sha512_update
#define nu_mbedtls_sha512_finish mbedtls_sha512_finish
#else
#define nu_mbedtls_sha256_starts(ctx) mbedtls_sha256_starts_ret((ctx), 0)
#define nu_mbedtls_sha256_update mbedtls_sha256_update_ret
#define nu_mbedtls_sha256_finish mbedtls_sha256_finish_ret
#define nu_mbedtls_sha512_starts(ctx) mbedtls_sha512_starts_ret((ctx), 0)
#define nu_mbedtls_sha512_update mbedtls_sha512_update_ret
#define nu_mbedtls_sha512_finish mbedtls_sha512_finish_ret
#endif

#endif /* NU_MBEDTLS_COMPAT_H */
