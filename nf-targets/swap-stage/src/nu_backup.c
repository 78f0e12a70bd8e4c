/* Install step 2 (contract §7): keep what the region holds now in the backup slot, so a TEST install can be
 * reverted. The original signed image when the region still matches its installed record; otherwise (no record, or
 * a developer changed the region) an unsigned image of the region's bytes, so a revert gives back exactly what ran. */
#include "nu_bytes.h"
#include "nu_stage_internal.h"

#define UNSIGNED_TLV_SIZE 40u /* info (4) + SHA-256 entry (4 + 32) */

/* Bytes up to and including the last 32-bit word of the region that is not erased. */
static int used_length(const nu_ctx_t *ctx, const nu_region_layout_t *region, uint32_t *length)
{
    uint8_t buffer[NU_CHUNK];
    uint32_t end = region->region_size, i;
    for (; end > 0; end -= NU_CHUNK) {
        NU_TRY(nu_internal_read(ctx, region->region_address + end - NU_CHUNK, buffer, NU_CHUNK));
        for (i = NU_CHUNK; i >= 4; i -= 4) {
            if (nu_le32(buffer + i - 4) != 0xFFFFFFFFu) {
                *length = end - NU_CHUNK + i;
                return NU_OK;
            }
        }
    }
    *length = 0;
    return NU_OK;
}

/* 1 when the backup slot already holds this image byte for byte: same digest, the hash holds (header, payload and
 * protected TLVs), and the unprotected TLVs, which no hash covers, are identical too (a cut while they were being
 * programmed can leave the SHA-256 TLV whole and a later TLV torn). */
static int backup_holds(const nu_ctx_t *ctx, uint32_t kind, const nu_image_t *image, const uint8_t digest[32],
                        nu_image_t *scratch)
{
    uint32_t slot = nu_region(ctx, kind)->backup_offset, done;
    int rc = nu_image_load_slot(ctx, kind, slot, scratch);
    if (rc != 0 || !nu_bytes_equal(scratch->info.sha256, digest, 32) ||
        scratch->info.tlv_size != image->info.tlv_size) {
        return rc < 0 ? rc : 0;
    }
    rc = nu_image_check_slot(ctx, kind, slot, 0, scratch);
    for (done = 0; rc == 0 && done < image->info.tlv_size; done += 32) {
        uint8_t ours[32], theirs[32];
        NU_TRY(nu_span_read(ctx, &image->tlvs, done, ours, sizeof(ours)));
        NU_TRY(nu_span_read(ctx, &scratch->tlvs, done, theirs, sizeof(theirs)));
        rc = !nu_bytes_equal(ours, theirs, sizeof(ours));
    }
    return rc < 0 ? rc : rc == 0;
}

int nu_backup_region(const nu_ctx_t *ctx, uint32_t kind, uint8_t digest[32])
{
    const nu_region_layout_t *region = nu_region(ctx, kind);
    nu_kind_report_t *report = nu_kind_report(ctx, kind);
    uint8_t header[NU_IMAGE_HEADER_SIZE], tlvs[UNSIGNED_TLV_SIZE];
    nu_image_t current;
    nu_feed_t feed;
    int is_signed = 0, rc;

    rc = nu_record_load(ctx, kind, &current);
    if (rc < 0) {
        return rc;
    }
    if (rc != NU_RECORD_ABSENT) {
        NU_TRY(nu_image_hash(ctx, &current, 0, digest));
        is_signed = nu_bytes_equal(digest, current.info.sha256, 32);
    }
    if (!is_signed) {
        /* the region's bytes as an image of their own: 32-byte header, payload, SHA-256 TLV */
        nu_fill_bytes((uint8_t *)&current, 0, sizeof(current));
        NU_TRY(used_length(ctx, region, &current.info.image_size));
        current.info.header_size = NU_IMAGE_HEADER_SIZE;
        current.info.tlv_size = UNSIGNED_TLV_SIZE;
        nu_fill_bytes(header, 0, sizeof(header));
        nu_put_le32(header, NU_IMAGE_MAGIC);
        nu_put_le32(header + 4, region->region_address);
        nu_put_le16(header + 8, NU_IMAGE_HEADER_SIZE);
        nu_put_le32(header + 12, current.info.image_size);
        current.header.ram = header;
        current.header.length = NU_IMAGE_HEADER_SIZE;
        current.payload.internal = 1;
        current.payload.base = region->region_address;
        current.payload.length = current.info.image_size;
        NU_TRY(nu_image_hash(ctx, &current, 0, digest));
        nu_put_le16(tlvs, 0x6907u);
        nu_put_le16(tlvs + 2, UNSIGNED_TLV_SIZE);
        nu_put_le16(tlvs + 4, 0x10u);
        nu_put_le16(tlvs + 6, 32u);
        nu_copy_bytes(tlvs + 8, digest, 32);
        current.tlvs.ram = tlvs;
        current.tlvs.length = UNSIGNED_TLV_SIZE;
    }
    {
        nu_image_t existing;
        uint32_t span = current.info.header_size + current.info.image_size + current.info.tlv_size;
        rc = backup_holds(ctx, kind, &current, digest, &existing);
        if (rc != 0) {
            if (rc == 1) {
                report->actions |= NU_DID_BACKUP_SKIPPED;
            }
            return rc < 0 ? rc : NU_OK;
        }
        NU_TRY(nu_nor_erase_range(ctx, region->backup_offset, (span + NU_NOR_SECTOR - 1) & ~(NU_NOR_SECTOR - 1)));
        nu_feed_init(&feed);
        feed.nor_destination = region->backup_offset;
        NU_TRY(nu_feed(ctx, &current.header, 0, current.info.header_size, &feed));
        NU_TRY(nu_feed(ctx, &current.payload, 0, current.info.image_size, &feed));
        NU_TRY(nu_feed(ctx, &current.tlvs, 0, current.info.tlv_size, &feed));
        rc = backup_holds(ctx, kind, &current, digest, &existing);
        if (rc != 1) {
            return rc < 0 ? rc : NU_ERR_VERIFY;
        }
    }
    report->actions |= NU_DID_BACKUP | (is_signed ? NU_DID_BACKUP_SIGNED : 0u);
    return NU_OK;
}
