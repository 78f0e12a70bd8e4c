/*
 * The trusted public keys compiled into the booter. The header is generated, never written by hand:
 *     nanoupdate getpub --key <signing key> --encoding c > nu_trusted_key.h
 * It defines `const unsigned char <name>_pub_key[]` (the SubjectPublicKeyInfo DER) and
 * `const unsigned int <name>_pub_key_len`, <name> being "ecdsa" for P-256 and "ed25519" for Ed25519 keys, as imgtool
 * does. CMake passes its path (NU_TRUSTED_KEY_HEADER) and the symbol (NU_TRUSTED_KEY_SYMBOL); see README.md.
 */
#include "nu_board_platform.h"

#if !defined(NU_TRUSTED_KEY_HEADER) || !defined(NU_TRUSTED_KEY_SYMBOL)
#error "set NU_TRUSTED_KEY_HEADER and NU_TRUSTED_KEY_SYMBOL (the board's CMakeLists.txt does)"
#endif

#include NU_TRUSTED_KEY_HEADER

#define NU_JOIN(a, b) a##b
#define NU_LENGTH_OF(symbol) NU_JOIN(symbol, _len)

static const nu_board_key_t trusted_keys[] = {
    {NU_TRUSTED_KEY_SYMBOL, (uint32_t)sizeof(NU_TRUSTED_KEY_SYMBOL)},
};

const nu_board_key_t *nu_board_trusted_keys(uint32_t *count)
{
    /* The generated length must agree with the array: anything else means a damaged header, and no key is trusted
     * (nu_board_platform_init then refuses to build a platform and the stage does not run). */
    *count = NU_LENGTH_OF(NU_TRUSTED_KEY_SYMBOL) == sizeof(NU_TRUSTED_KEY_SYMBOL)
                 ? (uint32_t)(sizeof trusted_keys / sizeof trusted_keys[0])
                 : 0u;
    return trusted_keys;
}
