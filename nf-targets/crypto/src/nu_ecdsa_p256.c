/*
 * ECDSA P-256 verification on mbedTLS. The DER signature of MCUboot's TLV 0x22 is parsed by the caller (the C#
 * agent's strict DER reader); here r and s arrive as two 32-byte big-endian integers.
 */
#include "nu_crypto.h"
#include "nu_mbedtls_compat.h"

#include <string.h>

int nu_crypto_ecdsa_p256_verify(const uint8_t public_key_xy[64], const uint8_t digest[32],
                                const uint8_t signature_rs[64])
{
    mbedtls_ecp_group group;
    mbedtls_ecp_point key;
    mbedtls_mpi r;
    mbedtls_mpi s;
    uint8_t uncompressed[65];
    int result;

    if (public_key_xy == NULL || digest == NULL || signature_rs == NULL) {
        return NU_CRYPTO_BAD_ARGUMENT;
    }

    mbedtls_ecp_group_init(&group);
    mbedtls_ecp_point_init(&key);
    mbedtls_mpi_init(&r);
    mbedtls_mpi_init(&s);

    uncompressed[0] = 0x04;
    memcpy(uncompressed + 1, public_key_xy, 64u);

    if (mbedtls_ecp_group_load(&group, MBEDTLS_ECP_DP_SECP256R1) != 0 ||
        mbedtls_mpi_read_binary(&r, signature_rs, 32u) != 0 ||
        mbedtls_mpi_read_binary(&s, signature_rs + 32, 32u) != 0) {
        result = NU_CRYPTO_BACKEND_ERROR;
    } else if (mbedtls_ecp_point_read_binary(&group, &key, uncompressed, sizeof uncompressed) != 0 ||
               mbedtls_ecp_check_pubkey(&group, &key) != 0) {
        result = NU_CRYPTO_BAD_KEY;
    } else {
        /* mbedtls_ecdsa_verify rejects r or s outside [1, n-1] itself (MBEDTLS_ERR_ECP_VERIFY_FAILED). */
        int status = mbedtls_ecdsa_verify(&group, digest, 32u, &key, &r, &s);
        if (status == 0) {
            result = NU_CRYPTO_VALID;
        } else if (status == MBEDTLS_ERR_ECP_VERIFY_FAILED) {
            result = NU_CRYPTO_INVALID;
        } else {
            result = NU_CRYPTO_BACKEND_ERROR;
        }
    }

    mbedtls_mpi_free(&s);
    mbedtls_mpi_free(&r);
    mbedtls_ecp_point_free(&key);
    mbedtls_ecp_group_free(&group);
    return result;
}
