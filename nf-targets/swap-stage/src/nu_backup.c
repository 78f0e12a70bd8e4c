/* Install step 2 (contract §7): keep what the region holds now in the backup slot, so a TEST install can be
 * reverted. The original signed image when the region still matches its installed record; otherwise (no record, or
 * a developer changed the region) an unsigned image of the region's bytes, so a revert gives back exactly what ran. */
#include "nu_bytes.h"
#include "nu_stage_internal.h"

#define UNSIGNED_TLV_SIZE 40u /* info (4) + SHA-256 entry (4 + 32) */

/* Bytes up to and including the last 32-bit word of the region that is not erased. */
static uint32_t used_length(nu_ctx_t *ctx)
{
    uint8_t word[4];
    uint32_t end = ctx->region->region_size;
    for (; end > 0 && ctx->status == NU_OK; end -= 4) {
        nu_flash(ctx, NU_FLASH_READ | NU_FLASH_INTERNAL, ctx->region->region_address + end - 4, word, 4);
        if (nu_le32(word) != 0xFFFFFFFFu) {
            break;
        }
    }
    return end;
}

/* The image's three parts against the backup slot's bytes: compared (1 when they differ), or programmed into the
 * erased slot and read back. Byte equality covers everything the slot must hold: header, payload, and the TLVs,
 * including the unprotected ones no hash covers (a cut can leave them torn behind a whole SHA-256 TLV). */
static uint32_t backup_pass(nu_ctx_t *ctx, const nu_image_t *image, uint32_t action)
{
    uint32_t to = ctx->region->backup_offset, i, differs = 0;
    for (i = 0; i < 3 && !differs; i++) {
        differs = nu_copy(ctx, &image->part[i], 0, image->part[i].length, to, action);
        to += image->part[i].length;
    }
    return differs;
}

void nu_backup_region(nu_ctx_t *ctx)
{
    const nu_region_layout_t *region = ctx->region;
    /* the unsigned image's header and TLVs; the digest (the backup's, signed or not) is hashed into the TLVs */
    uint8_t header[NU_IMAGE_HEADER_SIZE], tlvs[UNSIGNED_TLV_SIZE];
    uint8_t *digest = tlvs + 8;
    nu_image_t current;
    int is_signed = 0; /* 0 or 1, as nu_image_hash returns */

    if (nu_record_load(ctx, &current) != NU_RECORD_ABSENT) {
        is_signed = nu_image_hash(ctx, &current, 0, digest);
    }
    if (!is_signed) {
        /* the region's bytes as an image of their own: 32-byte header, payload, SHA-256 TLV */
        nu_fill_bytes((uint8_t *)&current, 0, sizeof(current));
        nu_region_span(ctx, &current.part[NU_PAYLOAD]);
        current.part[NU_PAYLOAD].length = current.info.image_size = used_length(ctx);
        current.info.header_size = NU_IMAGE_HEADER_SIZE;
        nu_fill_bytes(header, 0, sizeof(header));
        nu_put_le32(header, NU_IMAGE_MAGIC);
        nu_put_le32(header + 4, region->region_address);
        header[8] = NU_IMAGE_HEADER_SIZE;
        nu_put_le32(header + 12, current.info.image_size);
        current.part[NU_HEADER].ram = header;
        current.part[NU_HEADER].length = NU_IMAGE_HEADER_SIZE;
        nu_image_hash(ctx, &current, 0, digest);
        nu_put_le32(tlvs, 0x00286907u);     /* TLV info: magic 0x6907, area length 40 */
        nu_put_le32(tlvs + 4, 0x00200010u); /* SHA-256 TLV: type 0x10, length 32 */
        current.part[NU_TLVS].ram = tlvs;
        current.part[NU_TLVS].length = UNSIGNED_TLV_SIZE;
    }
    if (!backup_pass(ctx, &current, NU_TO_COMPARE)) {
        nu_did(ctx, NU_DID_BACKUP_SKIPPED);
    } else {
        nu_nor_erase_range(ctx, region->backup_offset,
                           (current.part[NU_HEADER].length + current.part[NU_PAYLOAD].length +
                            current.part[NU_TLVS].length + NU_NOR_SECTOR - 1) & ~(NU_NOR_SECTOR - 1));
        if (backup_pass(ctx, &current, NU_TO_PROGRAM | NU_TO_COMPARE)) {
            nu_fail(ctx, NU_ERR_VERIFY);
        }
        nu_did(ctx, NU_DID_BACKUP | (uint32_t)is_signed * NU_DID_BACKUP_SIGNED);
    }
    nu_journal_append(ctx, NU_JOURNAL_BACKUP_DONE, 0, 0, digest);
}
