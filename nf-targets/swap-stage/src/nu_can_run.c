/* The "cannot run" rule (contract §6). nanoCLR: the first two vector-table words must be plausible. Deployment:
 * walking from the region start, every word is either erased or the start of a nanoFramework assembly whose header
 * and data CRCs hold (CLR_RECORD_ASSEMBLY, as nanoCLR's own deployment scan checks them), the walk stepping over each
 * assembly by its size rounded up to 4 bytes. */
#include "nu_bytes.h"
#include "nu_crc32.h"
#include "nu_stage_internal.h"

/* CLR_RECORD_ASSEMBLY: NFMRK1 is the 1.x layout (with patchEntryOffset, 16 tables, 124 bytes), NFMRK2 the 2.0 one
 * (18 tables, 128 bytes). Offsets of the fields the check needs: */
#define ASSEMBLY_HEADER_MAX 128u
#define ASSEMBLY_HEADER_CRC_AT 8u
#define ASSEMBLY_DATA_CRC_AT 12u
#define STRING_TABLE_VERSION 1u

typedef struct assembly_layout {
    char version;            /* the marker's last character */
    uint32_t header_size;    /* sizeof(CLR_RECORD_ASSEMBLY) */
    uint32_t string_table_at;
    uint32_t total_size_at;  /* startOfTables[TBL_EndOfAssembly] */
} assembly_layout_t;

static const assembly_layout_t layouts[2] = {
    {'1', 124u, 38u, 100u},
    {'2', 128u, 34u, 104u},
};

static const assembly_layout_t *assembly_layout(const uint8_t *header)
{
    static const uint8_t marker[5] = {'N', 'F', 'M', 'R', 'K'};
    uint32_t i;
    if (!nu_bytes_equal(header, marker, sizeof(marker)) || header[6] != 0) {
        return 0;
    }
    for (i = 0; i < 2; i++) {
        if (header[5] == (uint8_t)layouts[i].version) {
            return &layouts[i];
        }
    }
    return 0;
}

static int vector_table_plausible(const nu_ctx_t *ctx, uint32_t kind, const nu_span_t *span)
{
    const nu_region_layout_t *region = nu_region(ctx, kind);
    uint8_t words[8];
    uint32_t sp, pc;
    NU_TRY(nu_span_read(ctx, span, 0, words, sizeof(words)));
    sp = nu_le32(words);
    pc = nu_le32(words + 4);
    return sp > ctx->platform->sram_start && sp <= ctx->platform->sram_end && (pc & 1u) != 0 &&
           (pc & ~1u) >= region->region_address && (pc & ~1u) < region->region_address + region->region_size;
}

/* 1 when a valid assembly starts at offset (its rounded size out), 0 when not, < 0 on error. */
static int assembly_at(const nu_ctx_t *ctx, const nu_span_t *span, uint32_t offset, uint32_t limit, uint32_t *size)
{
    uint8_t buffer[ASSEMBLY_HEADER_MAX];
    const assembly_layout_t *layout;
    uint32_t total, header_crc, data_crc;
    nu_feed_t feed;

    if (limit - offset < ASSEMBLY_HEADER_MAX - 4u) {
        return 0;
    }
    NU_TRY(nu_span_read(ctx, span, offset, buffer, ASSEMBLY_HEADER_MAX));
    layout = assembly_layout(buffer);
    if (layout == 0 || limit - offset < layout->header_size ||
        nu_le16(buffer + layout->string_table_at) != STRING_TABLE_VERSION) {
        return 0;
    }
    total = nu_le32(buffer + layout->total_size_at);
    if (total < layout->header_size || total > limit - offset) {
        return 0;
    }
    data_crc = nu_le32(buffer + ASSEMBLY_DATA_CRC_AT);
    header_crc = nu_le32(buffer + ASSEMBLY_HEADER_CRC_AT);
    nu_fill_bytes(buffer + ASSEMBLY_HEADER_CRC_AT, 0, 4); /* the header CRC is computed with its own field zero */
    if (nu_nf_crc32_update(0, buffer, layout->header_size) != header_crc) {
        return 0;
    }
    nu_feed_init(&feed);
    feed.crc_update = nu_nf_crc32_update;
    NU_TRY(nu_feed(ctx, span, offset + layout->header_size, total - layout->header_size, &feed));
    if (feed.crc != data_crc) {
        return 0;
    }
    *size = (total + 3u) & ~3u;
    return 1;
}

static int assembly_chain_whole(const nu_ctx_t *ctx, const nu_span_t *span, uint32_t limit)
{
    uint8_t buffer[NU_CHUNK];
    uint32_t offset = 0;
    while (offset < limit) {
        uint32_t n = limit - offset < NU_CHUNK ? limit - offset : NU_CHUNK;
        uint32_t i = 0, size = 0;
        int found;
        NU_TRY(nu_span_read(ctx, span, offset, buffer, n));
        while (i + 4 <= n && nu_le32(buffer + i) == 0xFFFFFFFFu) {
            i += 4;
        }
        if (i + 4 > n) {
            if (!nu_all_erased(buffer + i, n - i)) {
                return 0; /* a torn tail shorter than a word */
            }
            offset += n;
            continue;
        }
        offset += i;
        found = assembly_at(ctx, span, offset, limit, &size);
        if (found <= 0) {
            return found;
        }
        offset += size;
    }
    return 1;
}

int nu_span_can_run(const nu_ctx_t *ctx, uint32_t kind, const nu_span_t *span)
{
    if (kind == NU_KIND_NANOCLR) {
        return vector_table_plausible(ctx, kind, span);
    }
    /* a payload is walked up to its end: the rest of the region will be erased */
    return assembly_chain_whole(ctx, span, span->internal ? nu_region(ctx, kind)->region_size : span->length);
}

int nu_region_span_can_run(const nu_ctx_t *ctx, uint32_t kind)
{
    const nu_region_layout_t *region = nu_region(ctx, kind);
    nu_span_t span;
    span.ram = 0;
    span.internal = 1;
    span.base = region->region_address;
    span.length = region->region_size;
    return nu_span_can_run(ctx, kind, &span);
}
