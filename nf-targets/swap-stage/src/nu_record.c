/* The installed record (contract §4): the header and TLVs of the image now in a region, with the primary-slot
 * trailer, in one 4 KiB NOR sector per kind. */
#include "nu_bytes.h"
#include "nu_crc32.h"
#include "nu_stage_internal.h"

#define RECORD_MAGIC 0x5249554eu /* "NUIR" */
#define RECORD_VERSION 1u
#define RECORD_PREFIX 16u

/* Checks a record body in a span (RAM or NOR): prefix, CRC, and an embedded header and TLV areas that describe
 * themselves with exactly H and T bytes. 1 valid (image filled, its payload left to the caller), 0 not, < 0 error. */
static int body_valid(const nu_ctx_t *ctx, const nu_span_t *body, nu_image_t *image)
{
    uint8_t prefix[RECORD_PREFIX];
    uint32_t header_size, tlv_size;
    nu_feed_t feed;
    int rc;

    NU_TRY(nu_span_read(ctx, body, 0, prefix, RECORD_PREFIX));
    header_size = nu_le16(prefix + 6);
    tlv_size = nu_le32(prefix + 8);
    if (nu_le32(prefix) != RECORD_MAGIC || nu_le16(prefix + 4) != RECORD_VERSION ||
        header_size < NU_IMAGE_HEADER_SIZE || tlv_size > NU_RECORD_BODY_MAX ||
        header_size + tlv_size > NU_RECORD_BODY_MAX || RECORD_PREFIX + header_size + tlv_size > body->length) {
        return 0;
    }
    nu_feed_init(&feed);
    feed.crc_update = nu_crc32_update;
    feed.crc = NU_CRC32_START;
    NU_TRY(nu_feed(ctx, body, RECORD_PREFIX, header_size + tlv_size, &feed));
    if ((feed.crc ^ 0xFFFFFFFFu) != nu_le32(prefix + 12)) {
        return 0;
    }
    nu_fill_bytes((uint8_t *)image, 0, sizeof(*image));
    image->header = *body;
    image->header.length = header_size;
    image->tlvs = *body;
    image->tlvs.length = tlv_size;
    if (body->ram != 0) {
        image->header.ram += RECORD_PREFIX;
        image->tlvs.ram += RECORD_PREFIX + header_size;
    } else {
        image->header.base += RECORD_PREFIX;
        image->tlvs.base += RECORD_PREFIX + header_size;
    }
    rc = nu_image_read_header(ctx, image);
    if (rc == 0 && image->info.header_size == header_size) {
        rc = nu_image_parse_tlvs(ctx, image);
        if (rc == 0) {
            return image->info.tlv_size == tlv_size;
        }
    }
    return rc < 0 ? rc : 0;
}

int nu_record_body_decode(const uint8_t *body, uint32_t length, nu_image_info_t *info)
{
    nu_span_t span;
    nu_image_t image;
    if (body == 0) {
        return NU_ERR_INVALID;
    }
    nu_fill_bytes((uint8_t *)&span, 0, sizeof(span));
    span.ram = body;
    span.length = length;
    if (body_valid(0, &span, &image) != 1) { /* RAM only: no flash context is needed */
        return NU_ERR_INVALID;
    }
    if (info != 0) {
        *info = image.info;
    }
    return NU_OK;
}

int nu_record_load(const nu_ctx_t *ctx, uint32_t kind, nu_image_t *image)
{
    const nu_region_layout_t *region = nu_region(ctx, kind);
    uint8_t trailer[NU_TRAILER_SIZE];
    nu_span_t body;
    int state, rc;

    NU_TRY(nu_nor_read(ctx, region->record_offset + NU_RECORD_SECTOR - NU_TRAILER_SIZE, trailer, NU_TRAILER_SIZE));
    state = nu_record_trailer_decode(trailer);
    if (state == NU_RECORD_ABSENT) {
        return NU_RECORD_ABSENT;
    }
    nu_fill_bytes((uint8_t *)&body, 0, sizeof(body));
    body.base = region->record_offset;
    body.length = NU_RECORD_SECTOR - NU_TRAILER_SIZE;
    rc = body_valid(ctx, &body, image);
    if (rc < 0) {
        return rc;
    }
    if (rc == 0 || image->info.load_address != region->region_address ||
        image->info.image_size > region->region_size) {
        return NU_RECORD_ABSENT;
    }
    image->payload.internal = 1;
    image->payload.base = region->region_address;
    image->payload.length = image->info.image_size;
    return state;
}

int nu_record_write(const nu_ctx_t *ctx, uint32_t kind, const nu_image_t *source, int test_pending)
{
    uint32_t record = nu_region(ctx, kind)->record_offset;
    uint32_t header_size = source->info.header_size, tlv_size = source->info.tlv_size;
    uint8_t prefix[RECORD_PREFIX];
    nu_feed_t feed;

    nu_feed_init(&feed);
    feed.crc_update = nu_crc32_update;
    feed.crc = NU_CRC32_START;
    NU_TRY(nu_feed(ctx, &source->header, 0, header_size, &feed));
    NU_TRY(nu_feed(ctx, &source->tlvs, 0, tlv_size, &feed));
    nu_put_le32(prefix, RECORD_MAGIC);
    nu_put_le16(prefix + 4, RECORD_VERSION);
    nu_put_le16(prefix + 6, (uint16_t)header_size);
    nu_put_le32(prefix + 8, tlv_size);
    nu_put_le32(prefix + 12, feed.crc ^ 0xFFFFFFFFu);

    NU_TRY(nu_nor_erase_range(ctx, record, NU_RECORD_SECTOR));
    NU_TRY(nu_nor_program(ctx, record, prefix, RECORD_PREFIX));
    nu_feed_init(&feed);
    feed.nor_destination = record + RECORD_PREFIX;
    NU_TRY(nu_feed(ctx, &source->header, 0, header_size, &feed));
    NU_TRY(nu_feed(ctx, &source->tlvs, 0, tlv_size, &feed));
    return nu_record_commit(ctx, kind, test_pending);
}

int nu_record_erase(const nu_ctx_t *ctx, uint32_t kind)
{
    return nu_nor_erase_range(ctx, nu_region(ctx, kind)->record_offset, NU_RECORD_SECTOR);
}
