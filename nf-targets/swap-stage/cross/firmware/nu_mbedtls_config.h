/* mbedTLS configuration for the secure-boot stage on Cortex-M: ECDSA P-256 verification only, small windows (RAM
 * over speed: verification runs once per install). */
#ifndef NU_MBEDTLS_CONFIG_H
#define NU_MBEDTLS_CONFIG_H

#define MBEDTLS_BIGNUM_C
#define MBEDTLS_ECP_C
#define MBEDTLS_ECP_DP_SECP256R1_ENABLED
#define MBEDTLS_ECP_NIST_OPTIM
#define MBEDTLS_ECP_NO_INTERNAL_RNG /* verification needs no blinding randomness */
#define MBEDTLS_ECDSA_C
#define MBEDTLS_ASN1_PARSE_C
#define MBEDTLS_ASN1_WRITE_C
#define MBEDTLS_ECP_WINDOW_SIZE 2
#define MBEDTLS_ECP_FIXED_POINT_OPTIM 0
#define MBEDTLS_MPI_WINDOW_SIZE 1
#define MBEDTLS_MPI_MAX_SIZE 32

#include "mbedtls/check_config.h"

#endif /* NU_MBEDTLS_CONFIG_H */
