#include "nu_bytes.h"

int nu_all_erased(const uint8_t *p, uint32_t length)
{
    uint32_t i;
    for (i = 0; i < length; i++) {
        if (p[i] != 0xFFu) {
            return 0;
        }
    }
    return 1;
}

int nu_bytes_equal(const uint8_t *a, const uint8_t *b, uint32_t length)
{
    uint32_t i;
    for (i = 0; i < length; i++) {
        if (a[i] != b[i]) {
            return 0;
        }
    }
    return 1;
}
