/* The installed record (contract §4): the header and TLVs of the image now in a region, with the primary-slot
 * trailer, in one 4 KiB NOR sector per kind. */
#include "nu_bytes.h"
#include "nu_crc32.h"
#include "nu_stage_internal.h"

#define RECORD_MAGIC 0x5249554eu /* "NUIR" */
#define RECORD_VERSION 1u
#define RECORD_PREFIX 16u
#define RECORD_BODY_LIMIT (NU_RECORD_SECTOR - NU_TRAILER_SIZE) /* the sector's bytes before its trailer */

/* Streams the body's image parts (header, then TLVs; the payload is not in the record) through one feed: to a NOR
 * destination when to_flags is NU_TO_PROGRAM (to advancing part after part), nowhere when 0. Returns their CRC-32. */
static uint32_t body_feed(nu_ctx_t *ctx, const nu_image_t *image, uint32_t to, uint32_t to_flags)
{
    nu_feed_t feed;
    uint32_t part;
    feed.sha = 0;
    feed.crc_update = nu_crc32_update;
    feed.crc = NU_CRC32_START;
    feed.to = to;
    feed.to_flags = to_flags;
    for (part = NU_HEADER; part <= NU_TLVS; part += NU_TLVS - NU_HEADER) {
        nu_feed(ctx, &image->part[part], 0, image->part[part].length, &feed);
    }
    return feed.crc ^ 0xFFFFFFFFu;
}

/* Checks a record body, passed as the span (RAM or NOR) in part[NU_HEADER] of an otherwise zero image, its length at
 * most RECORD_BODY_LIMIT (so 16 + H + T within it keeps H + T within NU_RECORD_BODY_MAX): prefix, CRC, and an
 * embedded header and TLV areas that describe themselves with exactly H and T bytes. 1 valid (image filled: the
 * header and TLV parts narrowed to them, the payload left to the caller), else 0. */
static int body_valid(nu_ctx_t *ctx, nu_image_t *image)
{
    nu_span_t *header = &image->part[NU_HEADER], *tlvs = &image->part[NU_TLVS];
    uint8_t prefix[RECORD_PREFIX];
    uint32_t header_size, tlv_size;

    nu_span_read(ctx, header, 0, prefix, RECORD_PREFIX);
    header_size = nu_le16(prefix + 6);
    tlv_size = nu_le32(prefix + 8);
    if (nu_le32(prefix) != RECORD_MAGIC || nu_le16(prefix + 4) != RECORD_VERSION ||
        header_size < NU_IMAGE_HEADER_SIZE || tlv_size > NU_RECORD_BODY_MAX ||
        RECORD_PREFIX + header_size + tlv_size > header->length) {
        return 0;
    }
    header->base += RECORD_PREFIX;
    header->length = header_size;
    *tlvs = *header;
    tlvs->base += header_size;
    tlvs->length = tlv_size;
    return body_feed(ctx, image, 0, 0) == nu_le32(prefix + 12) &&
           nu_image_parse(ctx, image) == 0 && image->info.header_size == header_size &&
           image->info.tlv_size == tlv_size;
}

int nu_record_body_decode(const uint8_t *body, uint32_t length, nu_image_info_t *info)
{
    nu_ctx_t ctx; /* RAM only: no flash is read */
    nu_image_t image;
    if (body == 0) {
        return NU_ERR_INVALID;
    }
    nu_fill_bytes((uint8_t *)&ctx, 0, sizeof(ctx));
    nu_fill_bytes((uint8_t *)&image, 0, sizeof(image));
    image.part[NU_HEADER].ram = body;
    image.part[NU_HEADER].length = length < RECORD_BODY_LIMIT ? length : RECORD_BODY_LIMIT; /* body_valid's limit */
    if (!body_valid(&ctx, &image)) {
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
    nu_span_t *body = &image->part[NU_HEADER];
    int state = nu_record_state_read(ctx);

    if (state != NU_RECORD_ABSENT) {
        nu_fill_bytes((uint8_t *)image, 0, sizeof(*image)); /* body_valid's precondition */
        body->base = region->record_offset;
        body->length = RECORD_BODY_LIMIT;
        if (!body_valid(ctx, image) || image->info.load_address != region->region_address ||
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
    uint32_t to = ctx->region->record_offset;
    uint8_t prefix[RECORD_PREFIX];

    nu_put_le32(prefix, RECORD_MAGIC);
    nu_put_le32(prefix + 4, RECORD_VERSION | source->info.header_size << 16);
    nu_put_le32(prefix + 8, source->info.tlv_size);
    nu_put_le32(prefix + 12, body_feed(ctx, source, 0, 0));

    nu_record_erase(ctx);
    nu_nor_program(ctx, to, prefix, RECORD_PREFIX);
    body_feed(ctx, source, to + RECORD_PREFIX, NU_TO_PROGRAM); /* its header part is header_size bytes long */
    nu_record_commit(ctx, flag_at);
}

void nu_record_erase(nu_ctx_t *ctx)
{
    nu_nor_erase_range(ctx, ctx->region->record_offset, NU_RECORD_SECTOR);
}
