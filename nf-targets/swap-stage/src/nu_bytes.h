/* Little-endian field access and small byte helpers shared by the stage's sources. */
#ifndef NU_BYTES_H
#define NU_BYTES_H

#include <stdint.h>
#include <string.h>

/* On a little-endian target a field is one (unaligned) load or store: say so through memcpy, which compilers see as
 * the single instruction it becomes (the shift-and-or form is costed before it is recognised, and often not
 * inlined). Other targets assemble the bytes. */
#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
static inline uint32_t nu_le32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, sizeof(v));
    return v;
}

static inline uint16_t nu_le16(const uint8_t *p)
{
    uint16_t v;
    memcpy(&v, p, sizeof(v));
    return v;
}

static inline void nu_put_le32(uint8_t *p, uint32_t v)
{
    memcpy(p, &v, sizeof(v));
}
#else
static inline uint32_t nu_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static inline uint16_t nu_le16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

static inline void nu_put_le32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}
#endif

int nu_all_erased(const uint8_t *p, uint32_t length);
int nu_bytes_equal(const uint8_t *a, const uint8_t *b, uint32_t length);
#define nu_copy_bytes(to, from, length) memcpy((to), (from), (length))
#define nu_fill_bytes(to, value, length) memset((to), (value), (length))

#endif /* NU_BYTES_H */
