#include "device.h"

#include <stdlib.h>
#include <string.h>

/* SHA-256 of "test key A", "test key B", "someone else's key" (any 32 bytes would do: the stage compares them). */
const uint8_t trusted_key_hash_a[32] = {0x4a, 0x1b, 0x6c, 0x0e, 0x2f, 0x91, 0x33, 0x8d, 0x5e, 0x77, 0x01, 0xc2, 0x9a,
                                        0x44, 0xb8, 0x13, 0x6f, 0x20, 0xd5, 0x8e, 0x3c, 0x72, 0x19, 0xaa, 0x05, 0xe1,
                                        0x6b, 0x98, 0x27, 0x4d, 0xc0, 0x3e};
const uint8_t trusted_key_hash_b[32] = {0x91, 0x3e, 0x5c, 0x27, 0x8a, 0x60, 0x1f, 0xd4, 0x0b, 0x72, 0xe9, 0x35, 0x4c,
                                        0xa8, 0x16, 0x5d, 0xc3, 0x07, 0x9e, 0x21, 0x6a, 0xf4, 0x38, 0x82, 0x1d, 0x59,
                                        0xb6, 0x0c, 0xe3, 0x47, 0x95, 0x2a};
const uint8_t untrusted_key_hash[32] = {0x13, 0x37, 0x13, 0x37, 0x13, 0x37, 0x13, 0x37, 0x13, 0x37, 0x13,
                                        0x37, 0x13, 0x37, 0x13, 0x37, 0x13, 0x37, 0x13, 0x37, 0x13, 0x37,
                                        0x13, 0x37, 0x13, 0x37, 0x13, 0x37, 0x13, 0x37, 0x13, 0x37};

static uint8_t trusted_hashes[64];

void device_init(device_t *d)
{
    memcpy(trusted_hashes, trusted_key_hash_a, 32);
    memcpy(trusted_hashes + 32, trusted_key_hash_b, 32);
    nu_platform_init_stm32f769_w25q128(&d->platform);
    d->platform.trusted_key_hashes = trusted_hashes;
    d->platform.trusted_key_hash_count = 2;
    model_init(&d->flash, &d->platform);
    d->hal = model_hal(&d->flash);
}

void device_free(device_t *d)
{
    model_free(&d->flash);
}

int device_boot(device_t *d, nu_report_t *report)
{
    nu_report_t local;
    model_power_on(&d->flash);
    return nu_swap_stage_run(&d->hal, &d->platform, report != NULL ? report : &local);
}

int device_boot_with_cut(device_t *d, enum cut_mode mode, uint32_t op_index, uint32_t seed, nu_report_t *report)
{
    nu_report_t local;
    model_power_on(&d->flash);
    model_arm_cut(&d->flash, mode, op_index, seed);
    return nu_swap_stage_run(&d->hal, &d->platform, report != NULL ? report : &local);
}

static const nu_region_layout_t *region_of(device_t *d, uint32_t kind)
{
    return &d->platform.regions[kind - 1];
}

uint8_t *device_region(device_t *d, uint32_t kind)
{
    return model_internal_at(&d->flash, region_of(d, kind)->region_address);
}

uint32_t device_region_size(device_t *d, uint32_t kind)
{
    return region_of(d, kind)->region_size;
}

void test_image_make_from_spec(test_image_t *image, uint32_t kind, const image_spec_t *spec)
{
    image->bytes = malloc(TEST_SLOT_MAX);
    if (image->bytes == NULL) {
        abort();
    }
    image->kind = kind;
    image->header_size = spec->header_size;
    image->payload_size = spec->payload_size;
    image->length = image_build(spec, image->bytes, TEST_SLOT_MAX, image->digest);
}

void test_image_make(test_image_t *image, uint32_t kind, uint32_t payload_size, uint32_t seed, uint8_t major,
                     uint32_t security_counter, const uint8_t *key_hash)
{
    image_spec_t spec;
    uint8_t *payload = malloc(TEST_SLOT_MAX);
    if (payload == NULL) {
        abort();
    }
    memset(&spec, 0, sizeof(spec));
    if (kind == NU_KIND_NANOCLR) {
        payload_nanoclr(payload, payload_size, seed);
        spec.load_address = 0x08010000u;
    } else {
        payload_size = payload_deployment(payload, TEST_SLOT_MAX, payload_size / 4096u + 1u, 4000u, seed, seed & 1u);
        spec.load_address = 0x080C0000u;
    }
    spec.header_size = 0x200;
    spec.payload = payload;
    spec.payload_size = payload_size;
    spec.version_major = major;
    spec.version_minor = (uint8_t)(seed & 7u);
    spec.version_revision = 3;
    spec.version_build = seed;
    spec.has_security_counter = 1;
    spec.security_counter = security_counter;
    spec.key_hash = key_hash;
    test_image_make_from_spec(image, kind, &spec);
    free(payload);
}

void test_image_free(test_image_t *image)
{
    free(image->bytes);
    image->bytes = NULL;
}

void device_install_as_current(device_t *d, const test_image_t *image, int record_state)
{
    const nu_region_layout_t *r = region_of(d, image->kind);
    uint8_t *region = device_region(d, image->kind);
    memset(region, 0xFF, r->region_size);
    memcpy(region, image->bytes + image->header_size, image->payload_size);
    record_sector(d->flash.nor + r->record_offset, image->bytes, image->length, record_state);
}

void device_set_request(device_t *d, uint32_t kind, int request)
{
    const nu_region_layout_t *r = region_of(d, kind);
    request_trailer(d->flash.nor + r->staging_offset + r->slot_size - 48, request);
}

void device_tag_release(device_t *d, uint32_t tag)
{
    uint32_t kind;
    for (kind = NU_KIND_NANOCLR; kind <= NU_KIND_DEPLOYMENT; kind++) {
        const nu_region_layout_t *r = region_of(d, kind);
        test_put_le32(d->flash.nor + r->staging_offset + r->slot_size - 48, tag);
    }
}

void device_stage(device_t *d, const test_image_t *image, int request)
{
    const nu_region_layout_t *r = region_of(d, image->kind);
    memset(d->flash.nor + r->staging_offset, 0xFF, r->slot_size);
    memcpy(d->flash.nor + r->staging_offset, image->bytes, image->length);
    device_set_request(d, image->kind, request);
}

void device_put_backup(device_t *d, const test_image_t *image)
{
    const nu_region_layout_t *r = region_of(d, image->kind);
    memset(d->flash.nor + r->backup_offset, 0xFF, r->slot_size);
    memcpy(d->flash.nor + r->backup_offset, image->bytes, image->length);
}

void device_confirm(device_t *d, uint32_t kind)
{
    uint8_t *trailer = d->flash.nor + region_of(d, kind)->record_offset + 4096 - 48;
    if (nu_record_trailer_decode(trailer) == NU_RECORD_TEST_PENDING) {
        trailer[24] &= 0x01;
    }
}

void device_developer_deploy(device_t *d, uint32_t kind, const uint8_t *payload, uint32_t length)
{
    uint8_t *region = device_region(d, kind);
    memset(region, 0xFF, device_region_size(d, kind));
    memcpy(region, payload, length);
}

int device_region_holds(device_t *d, const test_image_t *image)
{
    const uint8_t *region = device_region(d, image->kind);
    uint32_t i, size = device_region_size(d, image->kind);
    if (memcmp(region, image->bytes + image->header_size, image->payload_size) != 0) {
        return 0;
    }
    for (i = image->payload_size; i < size; i++) {
        if (region[i] != 0xFF) {
            return 0;
        }
    }
    return 1;
}

int device_record_state(device_t *d, uint32_t kind, uint8_t digest[32])
{
    nu_image_info_t info;
    int state = nu_record_read(&d->hal, &d->platform, kind, &info);
    if (state > 0 && digest != NULL) {
        memcpy(digest, info.sha256, 32);
    }
    return state;
}

int device_request_state(device_t *d, uint32_t kind)
{
    const nu_region_layout_t *r = region_of(d, kind);
    return nu_request_decode(d->flash.nor + r->staging_offset + r->slot_size - 48);
}

int device_backup_holds(device_t *d, const test_image_t *image)
{
    const nu_region_layout_t *r = region_of(d, image->kind);
    nu_image_info_t info;
    return nu_slot_check(&d->hal, &d->platform, image->kind, NU_SLOT_BACKUP, &info) == 0 &&
           memcmp(info.sha256, image->digest, 32) == 0 &&
           memcmp(d->flash.nor + r->backup_offset, image->bytes, image->length) == 0;
}

int device_last_result(device_t *d, uint32_t kind, nu_journal_record_t *record)
{
    return nu_journal_last_result(&d->hal, &d->platform, kind, record);
}

void device_reset(device_t *d)
{
    memset(d->flash.internal, 0xFF, MODEL_INTERNAL_SIZE);
    memset(d->flash.nor, 0xFF, MODEL_NOR_SIZE);
    d->flash.violation = NULL;
    model_power_on(&d->flash);
}
