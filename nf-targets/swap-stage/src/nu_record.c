/* The installed record (contract §4): the header and TLVs of the image now in a region, with the primary-slot
 * trailer, in one 4 KiB NOR sector per kind. */
#include "nu_bytes.h"
#include "nu_crc32.h"
#include "nu_stage_internal.h"

#define RECORD_MAGIC 0x5249554eu /* "NUIR" */
#define RECORD_VERSION 1u
#define RECORD_PREFIX 16u

/* CRC-32 of the body: the image's header and TLV parts (the payload is not in the record). */
static uint32_t body_crc(nu_ctx_t *ctx, const nu_image_t *image)
{
    nu_feed_t feed;
    uint32_t part;
    nu_fill_bytes((uint8_t *)&feed, 0, sizeof(feed));
    feed.crc_update = nu_crc32_update;
    feed.crc = NU_CRC32_START;
    for (part = NU_HEADER; part <= NU_TLVS; part += NU_TLVS - NU_HEADER) {
        nu_feed(ctx, &image->part[part], 0, image->part[part].length, &feed);
    }
    return feed.crc ^ 0xFFFFFFFFu;
}

/* Checks a record body in a span (RAM or NOR): prefix, CRC, and an embedded header and TLV areas that describe
 * themselves with exactly H and T bytes. 1 valid (image filled, its payload left to the caller), else 0. */
static int body_valid(nu_ctx_t *ctx, const nu_span_t *body, nu_image_t *image)
{
    nu_span_t *header = &image->part[NU_HEADER], *tlvs = &image->part[NU_TLVS];
    uint8_t prefix[RECORD_PREFIX];
    uint32_t header_size, tlv_size;

    nu_span_read(ctx, body, 0, prefix, RECORD_PREFIX);
    header_size = nu_le16(prefix + 6);
    tlv_size = nu_le32(prefix + 8);
    if (nu_le32(prefix) != RECORD_MAGIC || nu_le16(prefix + 4) != RECORD_VERSION ||
        header_size < NU_IMAGE_HEADER_SIZE || tlv_size > NU_RECORD_BODY_MAX ||
        header_size + tlv_size > NU_RECORD_BODY_MAX || RECORD_PREFIX + header_size + tlv_size > body->length) {
        return 0;
    }
    nu_fill_bytes((uint8_t *)image, 0, sizeof(*image));
    *header = *body;
    header->base += RECORD_PREFIX;
    header->length = header_size;
    *tlvs = *header;
    tlvs->base += header_size;
    tlvs->length = tlv_size;
    return body_crc(ctx, image) == nu_le32(prefix + 12) &&
           nu_image_parse(ctx, image) == 0 && image->info.header_size == header_size &&
           image->info.tlv_size == tlv_size;
}

int nu_record_body_decode(const uint8_t *body, uint32_t length, nu_image_info_t *info)
{
    nu_ctx_t ctx; /* RAM only: no flash is read */
    nu_span_t span;
    nu_image_t image;
    if (body == 0) {
        return NU_ERR_INVALID;
    }
    nu_fill_bytes((uint8_t *)&ctx, 0, sizeof(ctx));
    nu_fill_bytes((uint8_t *)&span, 0, sizeof(span));
    span.ram = body;
    span.length = length;
    if (!body_valid(&ctx, &span, &image)) {
        return NU_ERR_INVALID;
    }
    if (info != 0) {
        *info = image.info;
    }
    return NU_OK;
}

int nu_record_load(nu_ctx_t *ctx, nu_image_t *image)
{
    const nu_region_layout_t *region = ctx->region;
    uint8_t trailer[NU_TRAILER_SIZE];
    nu_span_t body;
    int state;

    nu_nor_read(ctx, nu_record_trailer(ctx), trailer, NU_TRAILER_SIZE);
    state = nu_record_trailer_decode(trailer);
    if (state != NU_RECORD_ABSENT) {
        nu_fill_bytes((uint8_t *)&body, 0, sizeof(body));
        body.base = region->record_offset;
        body.length = NU_RECORD_SECTOR - NU_TRAILER_SIZE;
        if (!body_valid(ctx, &body, image) || image->info.load_address != region->region_address ||
            image->info.image_size > region->region_size) {
            state = NU_RECORD_ABSENT;
        }
    }
    if (state == NU_RECORD_ABSENT) {
        nu_fill_bytes(image->info.sha256, 0xFF, 32);
    } else {
        nu_region_span(ctx, &image->part[NU_PAYLOAD]);
        image->part[NU_PAYLOAD].length = image->info.image_size;
    }
    return state;
}

void nu_record_write(nu_ctx_t *ctx, const nu_image_t *source, uint32_t flag_at)
{
    uint32_t to = ctx->region->record_offset, part;
    uint8_t prefix[RECORD_PREFIX];

    nu_put_le32(prefix, RECORD_MAGIC);
    nu_put_le32(prefix + 4, RECORD_VERSION | source->info.header_size << 16);
    nu_put_le32(prefix + 8, source->info.tlv_size);
    nu_put_le32(prefix + 12, body_crc(ctx, source));

    nu_record_erase(ctx);
    nu_nor_program(ctx, to, prefix, RECORD_PREFIX);
    for (part = NU_HEADER; part <= NU_TLVS; part += NU_TLVS - NU_HEADER) {
        to += part == NU_HEADER ? RECORD_PREFIX : source->info.header_size;
        nu_copy(ctx, &source->part[part], 0, source->part[part].length, to, NU_TO_PROGRAM);
    }
    nu_record_commit(ctx, flag_at);
}

void nu_record_erase(nu_ctx_t *ctx)
{
    nu_nor_erase_range(ctx, ctx->region->record_offset, NU_RECORD_SECTOR);
}
