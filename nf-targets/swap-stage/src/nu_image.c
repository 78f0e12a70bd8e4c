/* MCUboot image format (DESIGN §2): header, TLV areas with MCUboot's bounds and allow-list rules, the image hash,
 * and the full check the stage applies before installing from a slot. */
#include "nu_bytes.h"
#include "nu_sha256.h"
#include "nu_stage_internal.h"

#define TLV_INFO_MAGIC 0x6907u
#define TLV_PROT_INFO_MAGIC 0x6908u
#define TLV_KEYHASH 0x01u
#define TLV_SHA256 0x10u
#define TLV_ECDSA_SIG 0x22u
#define TLV_SEC_CNT 0x50u
#define ECDSA_P256_DER_MAX 72u

/* Flags whose payload is not the bytes to install (encrypted, compressed): such an image cannot be installed. */
#define UNINSTALLABLE_FLAGS (0x04u | 0x08u | 0x200u | 0x400u | 0x800u)

/* MCUboot's allow list for the unprotected area (MCUBOOT_USE_TLV_ALLOW_LIST): key, hash, signature and encryption
 * TLVs. Anything else must be protected; unknown protected TLVs are accepted, as MCUboot does. */
static int allowed_unprotected(uint32_t type)
{
    return type <= 0x02u || (type >= 0x10u && type <= 0x12u) || type == 0x20u || (type >= 0x22u && type <= 0x24u) ||
           (type >= 0x30u && type <= 0x33u);
}

static int parse_header(const uint8_t header[32], nu_image_info_t *info)
{
    info->load_address = nu_le32(header + 4);
    info->header_size = nu_le16(header + 8);
    info->protected_tlv_size = nu_le16(header + 10);
    info->image_size = nu_le32(header + 12);
    info->flags = nu_le32(header + 16);
    info->version_major = header[20];
    info->version_minor = header[21];
    info->version_revision = nu_le16(header + 22);
    info->version_build = nu_le32(header + 24);
    return nu_le32(header) != NU_IMAGE_MAGIC || info->header_size < NU_IMAGE_HEADER_SIZE ||
           (info->flags & UNINSTALLABLE_FLAGS) != 0 ||
           (info->protected_tlv_size != 0 && info->protected_tlv_size < 4);
}

/* The TLV info at offset: its length when the magic matches, else 0. */
static int area_length(const nu_ctx_t *ctx, const nu_span_t *tlvs, uint32_t offset, uint16_t magic, uint32_t *length)
{
    uint8_t area[4];
    NU_TRY(nu_span_read(ctx, tlvs, offset, area, 4));
    *length = nu_le16(area) == magic ? nu_le16(area + 2) : 0;
    return NU_OK;
}

int nu_image_read_header(const nu_ctx_t *ctx, nu_image_t *image)
{
    uint8_t header[NU_IMAGE_HEADER_SIZE];
    NU_TRY(nu_span_read(ctx, &image->header, 0, header, sizeof(header)));
    nu_fill_bytes((uint8_t *)&image->info, 0, sizeof(image->info));
    nu_fill_bytes(image->info.sha256, 0xFF, 32); /* "no digest" reads as erased, as the journal wants it */
    return parse_header(header, &image->info) ? NU_REJECT_LAYOUT : 0;
}

int nu_image_parse_tlvs(const nu_ctx_t *ctx, nu_image_t *image)
{
    nu_image_info_t *info = &image->info;
    uint32_t limit = image->tlvs.length, protected_size = info->protected_tlv_size, unprotected_size, pos, end;
    uint8_t entry[4];
    int has_sha = 0;

    if (protected_size + 4 > limit) {
        return NU_REJECT_SIZE;
    }
    if (protected_size != 0) {
        NU_TRY(area_length(ctx, &image->tlvs, 0, TLV_PROT_INFO_MAGIC, &pos));
        if (pos != protected_size) {
            return NU_REJECT_LAYOUT;
        }
    }
    NU_TRY(area_length(ctx, &image->tlvs, protected_size, TLV_INFO_MAGIC, &unprotected_size));
    if (unprotected_size < 4) {
        return NU_REJECT_LAYOUT;
    }
    end = protected_size + unprotected_size;
    if (end > limit) {
        return NU_REJECT_SIZE;
    }
    info->tlv_size = end;
    image->tlvs.length = end;
    /* one walk over both areas, stepping over each area's 4-byte info */
    pos = protected_size == 4 ? 8u : 4u;
    while (pos < end) {
        int is_protected = pos < protected_size;
        uint32_t type, length, area_end = is_protected ? protected_size : end;
        if (area_end - pos < 4) {
            return NU_REJECT_LAYOUT;
        }
        NU_TRY(nu_span_read(ctx, &image->tlvs, pos, entry, 4));
        type = nu_le16(entry);
        length = nu_le16(entry + 2);
        if (length > area_end - pos - 4 || (!is_protected && !allowed_unprotected(type))) {
            return NU_REJECT_LAYOUT;
        }
        pos += 4;
        if (type == TLV_SHA256 || type == TLV_KEYHASH) {
            uint8_t *seen = type == TLV_SHA256 ? (uint8_t *)&has_sha : &info->has_key_hash;
            if (length != 32) {
                return NU_REJECT_LAYOUT;
            }
            if (!*seen) {
                NU_TRY(nu_span_read(ctx, &image->tlvs, pos, type == TLV_SHA256 ? info->sha256 : info->key_hash, 32));
                *seen = 1;
            }
        } else if (type == TLV_SEC_CNT && !info->has_security_counter) {
            if (length != 4) {
                return NU_REJECT_LAYOUT;
            }
            NU_TRY(nu_span_read(ctx, &image->tlvs, pos, entry, 4));
            info->security_counter = nu_le32(entry);
            info->has_security_counter = 1;
        } else if (type == TLV_ECDSA_SIG && !info->has_signature) {
            if (length > ECDSA_P256_DER_MAX) {
                return NU_REJECT_LAYOUT;
            }
            image->signature_offset = pos;
            image->signature_length = length;
            info->has_signature = 1;
        }
        pos += length;
        if (pos == protected_size) {
            pos += 4; /* on into the unprotected area */
        }
    }
    return has_sha ? 0 : NU_REJECT_LAYOUT;
}

int nu_image_load_slot(const nu_ctx_t *ctx, uint32_t kind, uint32_t slot_offset, nu_image_t *image)
{
    const nu_region_layout_t *region = nu_region(ctx, kind);
    uint32_t usable = region->slot_size - NU_NOR_SECTOR; /* the last sector belongs to the trailer */
    nu_image_info_t *info = &image->info;
    int rc;

    nu_fill_bytes((uint8_t *)image, 0, sizeof(*image));
    image->header.base = slot_offset;
    image->header.length = NU_IMAGE_HEADER_SIZE;
    rc = nu_image_read_header(ctx, image);
    if (rc != 0) {
        return rc;
    }
    if (info->load_address != region->region_address) {
        return NU_REJECT_LOAD_ADDRESS;
    }
    if (info->image_size > region->region_size || info->header_size > usable ||
        info->image_size > usable - info->header_size) {
        return NU_REJECT_SIZE;
    }
    image->header.length = info->header_size;
    image->payload.base = slot_offset + info->header_size;
    image->payload.length = info->image_size;
    image->tlvs.base = image->payload.base + info->image_size;
    image->tlvs.length = usable - info->header_size - info->image_size;
    rc = nu_image_parse_tlvs(ctx, image);
    if (rc != 0) {
        return rc;
    }
    /* header and TLVs must fit the installed record */
    return info->header_size + info->tlv_size > NU_RECORD_BODY_MAX ? NU_REJECT_LAYOUT : 0;
}

int nu_image_hash(const nu_ctx_t *ctx, const nu_image_t *image, const nu_span_t *payload, uint8_t digest[32])
{
    nu_sha256_t sha;
    nu_feed_t feed;
    nu_feed_init(&feed);
    feed.sha = &sha;
    nu_sha256_init(&sha);
    NU_TRY(nu_feed(ctx, &image->header, 0, image->info.header_size, &feed));
    NU_TRY(nu_feed(ctx, payload != 0 ? payload : &image->payload, 0, image->info.image_size, &feed));
    NU_TRY(nu_feed(ctx, &image->tlvs, 0, image->info.protected_tlv_size, &feed));
    nu_sha256_final(&sha, digest);
    return NU_OK;
}

static int key_hash_trusted(const nu_ctx_t *ctx, const nu_image_info_t *info)
{
    uint32_t i;
    for (i = 0; info->has_key_hash && i < ctx->platform->trusted_key_hash_count; i++) {
        if (nu_bytes_equal(ctx->platform->trusted_key_hashes + 32u * i, info->key_hash, 32)) {
            return 1;
        }
    }
    return 0;
}

int nu_image_check_slot(const nu_ctx_t *ctx, uint32_t kind, uint32_t slot_offset, int require_key, nu_image_t *image)
{
    uint8_t digest[32];
    int rc = nu_image_load_slot(ctx, kind, slot_offset, image);
    if (rc != 0) {
        return rc;
    }
    NU_TRY(nu_image_hash(ctx, image, 0, digest));
    if (!nu_bytes_equal(digest, image->info.sha256, 32)) {
        return NU_REJECT_HASH;
    }
    if (require_key) {
        if (!key_hash_trusted(ctx, &image->info)) {
            return NU_REJECT_KEY;
        }
#ifdef NU_SWAP_STAGE_VERIFY_SIGNATURE
        return nu_signature_check(ctx, image, digest);
#endif
    }
    return 0;
}

int nu_version_compare(const nu_image_info_t *a, const nu_image_info_t *b)
{
    /* major, minor, revision, build in significance order */
    const uint32_t left[4] = {a->version_major, a->version_minor, a->version_revision, a->version_build};
    const uint32_t right[4] = {b->version_major, b->version_minor, b->version_revision, b->version_build};
    uint32_t i;
    for (i = 0; i < 4; i++) {
        if (left[i] != right[i]) {
            return left[i] < right[i] ? -1 : 1;
        }
    }
    return 0;
}
