/* Hex text to bytes for the test programs. */
#ifndef NU_TEST_HEX_H
#define NU_TEST_HEX_H

#include <stddef.h>
#include <stdint.h>

/* Decodes an even-length hex string (either case) into a new heap buffer (at least 1 byte, so an empty string
 * gives a valid pointer). Returns NULL on odd length or a non-hex character. */
uint8_t *hex_decode(const char *hex, size_t *length);

/* The value of one hex digit (either case), or -1. */
int hex_nibble(int c);

#endif /* NU_TEST_HEX_H */
