/* MCUboot image format (DESIGN §2): header, TLV areas with MCUboot's bounds and allow-list rules, the image hash,
 * and the full check the stage applies before installing from a slot. */
#include <stddef.h>

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
 * TLVs, as a bitmap of types 0x00-0x33. Anything else must be protected; unknown protected TLVs are accepted, as
 * MCUboot does. */
static int allowed_unprotected(uint32_t type)
{
    static const uint8_t allowed[7] = {0x07, 0x00, 0x07, 0x00, 0x1D, 0x00, 0x0F}; /* bit n of byte b: type 8b + n */
    return type < 0x34u && (allowed[type >> 3] >> (type & 7u) & 1u) != 0;
}

/* The 32-byte header at the start of part[NU_HEADER] into info, which the caller has zeroed (digest erased: "no
 * digest" as the journal wants it): 0 or NU_REJECT_LAYOUT. */
static int read_header(nu_ctx_t *ctx, nu_image_t *image)
{
    nu_image_info_t *info = &image->info;
    uint8_t header[NU_IMAGE_HEADER_SIZE];
    nu_span_read(ctx, &image->part[NU_HEADER], 0, header, sizeof(header));
    nu_fill_bytes(info->sha256, 0xFF, 32);
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
                   (info->protected_tlv_size != 0 && info->protected_tlv_size < 4)
               ? (int)NU_REJECT_LAYOUT
               : 0;
}

/* The TLVs the stage reads, first occurrence only: the bounds of the length (exact, or at most for the signature),
 * where the value goes in nu_image_t (0 for the signature, whose position is kept instead) and where its presence is
 * flagged. SHA-256 and key-hash TLVs must have their length at every occurrence, as MCUboot checks them. */
typedef struct tlv_use {
    uint8_t type;
    uint8_t min_length;
    uint8_t max_length;
    uint8_t value_at;
    uint8_t seen_at;
    uint8_t every;
} tlv_use_t;

#define AT(field) ((uint8_t)offsetof(nu_image_t, field))
static const tlv_use_t uses[] = {
    {TLV_KEYHASH, 32, 32, AT(info.key_hash), AT(info.has_key_hash), 1},
    {TLV_SHA256, 32, 32, AT(info.sha256), AT(has_sha), 1},
    {TLV_SEC_CNT, 4, 4, AT(info.security_counter), AT(info.has_security_counter), 0},
    {TLV_ECDSA_SIG, 0, ECDSA_P256_DER_MAX, 0, AT(info.has_signature), 0},
};

/* The TLV info at pos: its area length when the magic matches, else 0. */
static uint32_t info_length(nu_ctx_t *ctx, const nu_span_t *tlvs, uint32_t pos, uint32_t magic)
{
    uint8_t entry[4];
    nu_span_read(ctx, tlvs, pos, entry, 4);
    return nu_le16(entry) == magic ? nu_le16(entry + 2) : 0u;
}

/* Walks the TLV areas in part[NU_TLVS], whose length is the limit on input and the areas' size on output. */
static int parse_tlvs(nu_ctx_t *ctx, nu_image_t *image)
{
    nu_image_info_t *info = &image->info;
    nu_span_t *tlvs = &image->part[NU_TLVS];
    uint32_t limit = tlvs->length, protected_size = info->protected_tlv_size, pos, end, length;
    const tlv_use_t *use;
    uint8_t entry[4];

    if (protected_size + 4 > limit) {
        return NU_REJECT_SIZE;
    }
    if (protected_size != 0 && info_length(ctx, tlvs, 0, TLV_PROT_INFO_MAGIC) != protected_size) {
        return NU_REJECT_LAYOUT;
    }
    end = info_length(ctx, tlvs, protected_size, TLV_INFO_MAGIC);
    if (end < 4) {
        return NU_REJECT_LAYOUT;
    }
    end += protected_size;
    if (end > limit) {
        return NU_REJECT_SIZE;
    }
    info->tlv_size = end;
    tlvs->length = end;
    /* each area: its 4-byte info, then its entries, which must end exactly at the area's end */
    for (pos = 0; pos < end;) {
        uint32_t area_end = pos < protected_size ? protected_size : end;
        for (pos += 4; pos < area_end; pos += length) {
            uint32_t type;
            if (area_end - pos < 4) {
                return NU_REJECT_LAYOUT;
            }
            nu_span_read(ctx, tlvs, pos, entry, 4);
            type = nu_le16(entry);
            length = nu_le16(entry + 2);
            pos += 4;
            if (length > area_end - pos || (area_end == end && !allowed_unprotected(type))) {
                return NU_REJECT_LAYOUT;
            }
            for (use = uses; use < uses + sizeof(uses) / sizeof(uses[0]); use++) {
                uint8_t *seen = (uint8_t *)image + use->seen_at;
                if (use->type != type) {
                    continue;
                }
                if (length < use->min_length || length > use->max_length) {
                    if (!*seen || use->every) {
                        return NU_REJECT_LAYOUT;
                    }
                } else if (!*seen) {
                    *seen = 1;
                    if (use->value_at != 0) {
                        nu_span_read(ctx, tlvs, pos, (uint8_t *)image + use->value_at, length);
                    } else {
                        image->signature_offset = pos;
                        image->signature_length = length;
                    }
                }
            }
        }
    }
    info->security_counter = nu_le32((const uint8_t *)&info->security_counter); /* as read: little-endian */
    return image->has_sha ? 0 : (int)NU_REJECT_LAYOUT;
}

int nu_image_parse(nu_ctx_t *ctx, nu_image_t *image)
{
    int rc = read_header(ctx, image);
    return rc != 0 ? rc : parse_tlvs(ctx, image);
}

int nu_image_load_slot(nu_ctx_t *ctx, uint32_t source, nu_image_t *image)
{
    const nu_region_layout_t *region = ctx->region;
    uint32_t usable = region->slot_size - NU_NOR_SECTOR; /* the last sector belongs to the trailer */
    uint32_t at = source == NU_SOURCE_STAGING ? region->staging_offset : region->backup_offset;
    nu_image_info_t *info = &image->info;
    int rc;

    nu_fill_bytes((uint8_t *)image, 0, sizeof(*image));
    image->part[NU_HEADER].base = at;
    image->part[NU_HEADER].length = NU_IMAGE_HEADER_SIZE;
    rc = read_header(ctx, image);
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
    at += info->header_size;
    image->part[NU_HEADER].length = info->header_size;
    image->part[NU_PAYLOAD].base = at;
    image->part[NU_PAYLOAD].length = info->image_size;
    image->part[NU_TLVS].base = at + info->image_size;
    image->part[NU_TLVS].length = usable - info->header_size - info->image_size;
    rc = parse_tlvs(ctx, image);
    if (rc != 0) {
        return rc;
    }
    /* header and TLVs must fit the installed record */
    return info->header_size + info->tlv_size > NU_RECORD_BODY_MAX ? (int)NU_REJECT_LAYOUT : 0;
}

int nu_image_hash(nu_ctx_t *ctx, const nu_image_t *image, const nu_span_t *payload, uint8_t digest[32])
{
    const uint32_t lengths[3] = {image->info.header_size, image->info.image_size, image->info.protected_tlv_size};
    nu_sha256_t sha;
    nu_feed_t feed;
    uint32_t part;
    feed.sha = &sha;
    feed.crc_update = 0;
    feed.to = 0;
    feed.to_flags = 0;
    nu_sha256_init(&sha);
    for (part = NU_HEADER; part <= NU_TLVS; part++) {
        nu_feed(ctx, part == NU_PAYLOAD && payload != 0 ? payload : &image->part[part], 0, lengths[part], &feed);
    }
    nu_sha256_final(&sha, digest);
    return nu_bytes_equal(digest, image->info.sha256, 32);
}

int nu_image_check_slot(nu_ctx_t *ctx, uint32_t source, nu_image_t *image)
{
    const nu_platform_t *platform = ctx->platform;
    uint8_t digest[32];
    uint32_t i;
    int rc = nu_image_load_slot(ctx, source, image);
    if (rc != 0) {
        return rc;
    }
    if (!nu_image_hash(ctx, image, 0, digest)) {
        return NU_REJECT_HASH;
    }
    if (source != NU_SOURCE_STAGING) {
        return 0;
    }
    /* any trusted key hash will do: searched from the last (no key-hash TLV: none searched) */
    for (i = image->info.has_key_hash ? platform->trusted_key_hash_count : 0u; i > 0; i--) {
        if (nu_bytes_equal(platform->trusted_key_hashes + 32u * (i - 1), image->info.key_hash, 32)) {
#ifdef NU_SWAP_STAGE_VERIFY_SIGNATURE
            return nu_signature_check(ctx, image, digest);
#else
            return 0;
#endif
        }
    }
    return NU_REJECT_KEY;
}
