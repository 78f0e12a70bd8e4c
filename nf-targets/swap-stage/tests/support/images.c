#include "images.h"

#include <stdlib.h>
#include <string.h>

#include "nu_swap_stage.h"

void test_put_le32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

uint32_t test_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static void put_le16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

uint32_t test_crc32(const uint8_t *data, uint32_t length)
{
    uint32_t crc = 0xFFFFFFFFu, i;
    int bit;
    for (i = 0; i < length; i++) {
        crc ^= data[i];
        for (bit = 0; bit < 8; bit++) {
            crc = (crc & 1u) ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
    }
    return ~crc;
}

uint32_t test_nf_crc32(uint32_t crc, const uint8_t *data, uint32_t length)
{
    uint32_t i;
    int bit;
    for (i = 0; i < length; i++) {
        crc ^= (uint32_t)data[i] << 24;
        for (bit = 0; bit < 8; bit++) {
            crc = (crc & 0x80000000u) ? (crc << 1) ^ 0x04C11DB7u : crc << 1;
        }
    }
    return crc;
}

static uint32_t seeded(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

uint32_t image_build(const image_spec_t *spec, uint8_t *out, uint32_t capacity, uint8_t digest[32])
{
    uint32_t at, protected_start, protected_size = 0, unprotected_start;
    uint8_t der[72];
    (void)capacity;
    memset(out, 0xFF, spec->header_size);
    memset(out, 0, 32);
    test_put_le32(out, 0x96f3b83du);
    test_put_le32(out + 4, spec->load_address);
    put_le16(out + 8, spec->header_size);
    test_put_le32(out + 12, spec->payload_size);
    test_put_le32(out + 16, 0x20u); /* IMAGE_F_RAM_LOAD, as imgtool --load-addr sets it */
    out[20] = spec->version_major;
    out[21] = spec->version_minor;
    put_le16(out + 22, spec->version_revision);
    test_put_le32(out + 24, spec->version_build);
    memcpy(out + spec->header_size, spec->payload, spec->payload_size);
    at = protected_start = spec->header_size + spec->payload_size;
    if (spec->has_security_counter || spec->unknown_protected_tlv) {
        at += 4;
        if (spec->has_security_counter) {
            put_le16(out + at, 0x50);
            put_le16(out + at + 2, 4);
            test_put_le32(out + at + 4, spec->security_counter);
            at += 8;
        }
        if (spec->unknown_protected_tlv) {
            put_le16(out + at, 0x7A);
            put_le16(out + at + 2, 3);
            memset(out + at + 4, 0xA5, 3);
            at += 7;
        }
        protected_size = at - protected_start;
        put_le16(out + protected_start, 0x6908);
        put_le16(out + protected_start + 2, (uint16_t)protected_size);
        put_le16(out + 10, (uint16_t)protected_size);
    }
    nu_sha256(out, at, digest);
    unprotected_start = at;
    at += 4;
    put_le16(out + at, 0x10);
    put_le16(out + at + 2, 32);
    memcpy(out + at + 4, digest, 32);
    at += 36;
    if (spec->key_hash != NULL) {
        put_le16(out + at, 0x01);
        put_le16(out + at + 2, 32);
        memcpy(out + at + 4, spec->key_hash, 32);
        at += 36;
    }
    if (spec->sign != NULL) {
        uint32_t n = spec->sign(digest, der, spec->signer);
        put_le16(out + at, 0x22);
        put_le16(out + at + 2, (uint16_t)n);
        memcpy(out + at + 4, der, n);
        at += 4 + n;
    }
    if (spec->unknown_unprotected_tlv) {
        put_le16(out + at, 0x50); /* a security counter must be protected */
        put_le16(out + at + 2, 4);
        test_put_le32(out + at + 4, 7);
        at += 8;
    }
    put_le16(out + unprotected_start, 0x6907);
    put_le16(out + unprotected_start + 2, (uint16_t)(at - unprotected_start));
    return at;
}

void payload_nanoclr(uint8_t *out, uint32_t size, uint32_t seed)
{
    uint32_t state = seed, i;
    for (i = 0; i < size; i++) {
        out[i] = (uint8_t)seeded(&state);
    }
    test_put_le32(out, 0x20080000u);
    test_put_le32(out + 4, 0x08010000u + 0x400u + (seed % 64u) * 4u + 1u);
}

uint32_t payload_deployment(uint8_t *out, uint32_t capacity, uint32_t assemblies, uint32_t assembly_size,
                            uint32_t seed, int v2)
{
    uint32_t state = seed, at = 0, a, i;
    uint32_t header_size = v2 ? 128u : 124u;
    for (a = 0; a < assemblies; a++) {
        uint32_t total = assembly_size + (seeded(&state) % 13u); /* sizes not multiples of 4 exercise the padding */
        uint8_t *h = out + at;
        if (at + total + 4 > capacity) {
            abort();
        }
        memset(h, 0, header_size);
        memcpy(h, v2 ? "NFMRK2" : "NFMRK1", 6);
        test_put_le32(h + 20, seeded(&state));               /* nativeMethodsChecksum */
        put_le16(h + (v2 ? 34 : 38), 1);                      /* stringTableVersion */
        test_put_le32(h + (v2 ? 104 : 100), total);           /* startOfTables[TBL_EndOfAssembly] */
        for (i = header_size; i < total; i++) {
            h[i] = (uint8_t)seeded(&state);
        }
        test_put_le32(h + 12, test_nf_crc32(0, h + header_size, total - header_size));
        test_put_le32(h + 8, test_nf_crc32(0, h, header_size));
        at += total;
        while (at % 4 != 0) {
            out[at++] = 0;
        }
    }
    return at;
}

void record_sector(uint8_t sector[4096], const uint8_t *image, uint32_t image_length, int state)
{
    uint32_t header_size = (uint32_t)image[8] | ((uint32_t)image[9] << 8);
    uint32_t payload = test_le32(image + 12);
    uint32_t tlvs = image_length - header_size - payload;
    static const uint8_t magic[16] = {0x77, 0xc2, 0x95, 0xf3, 0x60, 0xd2, 0xef, 0x7f,
                                      0x35, 0x52, 0x50, 0x0f, 0x2c, 0xb6, 0x79, 0x80};
    memset(sector, 0xFF, 4096);
    memcpy(sector, "NUIR", 4);
    put_le16(sector + 4, 1);
    put_le16(sector + 6, (uint16_t)header_size);
    test_put_le32(sector + 8, tlvs);
    memcpy(sector + 16, image, header_size);
    memcpy(sector + 16 + header_size, image + header_size + payload, tlvs);
    test_put_le32(sector + 12, test_crc32(sector + 16, header_size + tlvs));
    if (state == 1) {
        sector[4096 - 32] = 0x01;
    }
    if (state == 2) {
        sector[4096 - 24] = 0x01;
    }
    if (state != 0) {
        memcpy(sector + 4096 - 16, magic, 16);
    }
}

void request_trailer(uint8_t trailer[48], int request)
{
    static const uint8_t magic[16] = {0x77, 0xc2, 0x95, 0xf3, 0x60, 0xd2, 0xef, 0x7f,
                                      0x35, 0x52, 0x50, 0x0f, 0x2c, 0xb6, 0x79, 0x80};
    memset(trailer, 0xFF, 48);
    if (request == 0) {
        return;
    }
    if (request == 2) {
        trailer[24] = 0x01;
    }
    if (request == 3) {
        trailer[16] = 0x01;
    }
    memcpy(trailer + 32, magic, 16);
}
