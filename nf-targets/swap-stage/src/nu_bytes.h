/* Little-endian field access and small byte helpers shared by the stage's sources. */
#ifndef NU_BYTES_H
#define NU_BYTES_H

#include <stdint.h>

static inline uint16_t nu_le16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

static inline uint32_t nu_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static inline void nu_put_le16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static inline void nu_put_le32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

int nu_all_erased(const uint8_t *p, uint32_t length);
int nu_bytes_equal(const uint8_t *a, const uint8_t *b, uint32_t length);
void nu_copy_bytes(uint8_t *to, const uint8_t *from, uint32_t length);
void nu_fill_bytes(uint8_t *to, uint8_t value, uint32_t length);

#endif /* NU_BYTES_H */
