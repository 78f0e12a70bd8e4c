#include "hex.h"

#include <stdlib.h>
#include <string.h>

int hex_nibble(int c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

uint8_t *hex_decode(const char *hex, size_t *length)
{
    size_t text_length = strlen(hex);
    uint8_t *bytes;
    size_t i;

    if (text_length % 2 != 0) {
        return NULL;
    }
    bytes = malloc(text_length / 2 + 1);
    if (bytes == NULL) {
        return NULL;
    }
    for (i = 0; i < text_length / 2; i++) {
        int high = hex_nibble((unsigned char)hex[2 * i]);
        int low = hex_nibble((unsigned char)hex[2 * i + 1]);
        if (high < 0 || low < 0) {
            free(bytes);
            return NULL;
        }
        bytes[i] = (uint8_t)(high * 16 + low);
    }
    *length = text_length / 2;
    return bytes;
}
