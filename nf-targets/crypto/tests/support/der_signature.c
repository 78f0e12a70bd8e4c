#include "der_signature.h"

#include <string.h>

#define TAG_SEQUENCE 0x30
#define TAG_INTEGER 0x02

/* Reads a DER length at der[*position]. Only the minimal form is accepted: short form below 128, long form with
 * no leading zero byte and a value of at least 128. Lengths above 0xFFFF cannot occur in a P-256 signature. */
static int read_length(const uint8_t *der, size_t length, size_t *position, size_t *value)
{
    uint8_t first;
    if (*position >= length) {
        return -1;
    }
    first = der[(*position)++];
    if (first < 0x80) {
        *value = first;
        return 0;
    }
    if (first == 0x81) {
        if (*position >= length || der[*position] < 0x80) {
            return -1;
        }
        *value = der[(*position)++];
        return 0;
    }
    if (first == 0x82) {
        if (length - *position < 2 || der[*position] == 0) {
            return -1;
        }
        *value = ((size_t)der[*position] << 8) | der[*position + 1];
        *position += 2;
        return *value >= 0x100 ? 0 : -1;
    }
    return -1; /* indefinite form (0x80) or a length longer than we could ever need */
}

/* Reads one INTEGER into a 32-byte big-endian slot. */
static int read_integer(const uint8_t *der, size_t length, size_t *position, uint8_t out[32])
{
    size_t content_length;
    const uint8_t *content;

    if (*position >= length || der[(*position)++] != TAG_INTEGER) {
        return -1;
    }
    if (read_length(der, length, position, &content_length) != 0 || content_length == 0 ||
        content_length > length - *position) {
        return -1;
    }
    content = der + *position;
    *position += content_length;
    if (content[0] & 0x80) {
        return -1; /* negative */
    }
    if (content_length > 1 && content[0] == 0 && !(content[1] & 0x80)) {
        return -1; /* non-minimal: a leading zero that is not needed for the sign */
    }
    if (content[0] == 0 && content_length > 1) {
        content++;
        content_length--;
    }
    if (content_length > 32) {
        return -1; /* at least 2^256 > n: cannot be a valid r or s, and does not fit the fixed form */
    }
    memset(out, 0, 32);
    memcpy(out + 32 - content_length, content, content_length);
    return 0;
}

int der_signature_to_rs(const uint8_t *der, size_t length, uint8_t rs[64])
{
    size_t position = 0;
    size_t sequence_length;

    if (der == NULL || length == 0 || der[position++] != TAG_SEQUENCE) {
        return -1;
    }
    if (read_length(der, length, &position, &sequence_length) != 0 || sequence_length != length - position) {
        return -1; /* the sequence must span exactly the rest of the input */
    }
    if (read_integer(der, length, &position, rs) != 0 || read_integer(der, length, &position, rs + 32) != 0) {
        return -1;
    }
    return position == length ? 0 : -1;
}
