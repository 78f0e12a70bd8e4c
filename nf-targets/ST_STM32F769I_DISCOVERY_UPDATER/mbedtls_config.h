//
// Target additions to nf-interpreter's mbedTLS configuration (nf_mbedtls_config.h includes this file). None are
// needed: the nanoFramework configuration already enables everything Stm32NanoUpdater.Native uses (SHA-256, SHA-512,
// ECDSA, ECP with secp256r1, bignum); nf-targets/crypto/src/nu_mbedtls_compat.h stops the build if that ever changes.
//

#ifndef MBEDTLS_CONFIG_H
#define MBEDTLS_CONFIG_H

#endif // MBEDTLS_CONFIG_H
