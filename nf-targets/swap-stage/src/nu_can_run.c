/* The "cannot run" rule (contract §6). nanoCLR: the first two vector-table words must be plausible. Deployment:
 * walking from the region start, every word is either erased or the start of a nanoFramework assembly whose header
 * and data CRCs hold (CLR_RECORD_ASSEMBLY, as nanoCLR's own deployment scan checks them), the walk stepping over each
 * assembly by its size rounded up to 4 bytes. */
#include "nu_bytes.h"
#include "nu_crc32.h"
#include "nu_stage_internal.h"

/* CLR_RECORD_ASSEMBLY: "NFMRK1" is the 1.x layout (with patchEntryOffset, 16 tables: 124 bytes, stringTableVersion
 * at 38, startOfTables[TBL_EndOfAssembly] at 100), "NFMRK2" the 2.0 one (18 tables: 128 bytes, 34, 104). Each field
 * moves by 4 bytes from one to the other. */
#define ASSEMBLY_HEADER_MAX 128u
#define ASSEMBLY_HEADER_CRC_AT 8u
#define ASSEMBLY_DATA_CRC_AT 12u
#define STRING_TABLE_VERSION 1u
#define MARKER_NFMR 0x524D464Eu /* "NFMR" as a little-endian word; "K", the version digit and a zero follow */

static int vector_table_plausible(nu_ctx_t *ctx, const nu_span_t *span)
{
    const nu_region_layout_t *region = ctx->region;
    uint8_t words[8];
    uint32_t sp, pc;
    nu_span_read(ctx, span, 0, words, sizeof(words));
    sp = nu_le32(words);
    pc = nu_le32(words + 4) - 1u; /* the Thumb bit */
    return sp > ctx->platform->sram_start && sp <= ctx->platform->sram_end && (pc & 1u) == 0 &&
           pc - region->region_address < region->region_size;
}

/* The size, rounded up to 4 bytes, of the valid assembly that starts at offset (in the span), or 0 when none does.
 * buffer is scratch: the walk's chunk buffer, which the walk reads afresh afterwards. */
static uint32_t assembly_at(nu_ctx_t *ctx, const nu_span_t *span, uint32_t offset, uint8_t buffer[ASSEMBLY_HEADER_MAX])
{
    uint32_t room = span->length - offset, total, header_crc, header_size, step;
    nu_feed_t feed;

    nu_span_read(ctx, span, offset, buffer, ASSEMBLY_HEADER_MAX);
    step = buffer[5] - (uint32_t)'1'; /* 0 for NFMRK1, 1 for NFMRK2 */
    header_size = 124u + 4u * step;
    if (nu_le32(buffer) != MARKER_NFMR || buffer[4] != 'K' || buffer[6] != 0 || step > 1 || room < header_size ||
        nu_le16(buffer + 38 - 4 * step) != STRING_TABLE_VERSION) {
        return 0;
    }
    total = nu_le32(buffer + 100 + 4 * step);
    if (total < header_size || total > room) {
        return 0;
    }
    header_crc = nu_le32(buffer + ASSEMBLY_HEADER_CRC_AT);
    nu_fill_bytes(buffer + ASSEMBLY_HEADER_CRC_AT, 0, 4); /* the header CRC is computed with its own field zero */
    if (nu_nf_crc32_update(0, buffer, header_size) != header_crc) {
        return 0;
    }
    feed.sha = 0;
    feed.crc_update = nu_nf_crc32_update;
    feed.crc = 0;
    feed.to = 0;
    feed.to_flags = 0;
    nu_feed(ctx, span, offset + header_size, total - header_size, &feed);
    return feed.crc == nu_le32(buffer + ASSEMBLY_DATA_CRC_AT) ? (total + 3u) & ~3u : 0u;
}

/* Walks the span up to its end (a payload's end: the rest of the region will be erased). Erased words are skipped,
 * 256 bytes at a time (reads past the span's end are erased, so a chunk may run over it); the first word that is not
 * erased must start a valid assembly. */
static int assembly_chain_whole(nu_ctx_t *ctx, const nu_span_t *span)
{
    uint8_t buffer[NU_CHUNK];
    uint32_t offset = 0;
    while (offset < span->length) {
        uint32_t i = 0, size;
        nu_span_read(ctx, span, offset, buffer, NU_CHUNK);
        while (i < NU_CHUNK && nu_le32(buffer + i) == 0xFFFFFFFFu) {
            i += 4;
        }
        offset += i;
        if (i < NU_CHUNK) {
            size = assembly_at(ctx, span, offset, buffer);
            if (size == 0) {
                return 0;
            }
            offset += size;
        }
    }
    return 1;
}

int nu_span_can_run(nu_ctx_t *ctx, const nu_span_t *span)
{
    if (ctx->kind == NU_KIND_NANOCLR) {
        return vector_table_plausible(ctx, span);
    }
    return assembly_chain_whole(ctx, span);
}

void nu_region_span(const nu_ctx_t *ctx, nu_span_t *span)
{
    const nu_region_layout_t *region = ctx->region;
    span->ram = 0;
    span->internal = 1;
    span->base = region->region_address;
    span->length = region->region_size;
}

int nu_region_span_can_run(nu_ctx_t *ctx)
{
    nu_span_t span;
    nu_region_span(ctx, &span);
    return nu_span_can_run(ctx, &span);
}
