/* The MCUboot trailer in its two roles (contract §3, §4): the update request at the end of a staging slot, and the
 * installed record's state at the end of a record sector. Offsets are from the start of the 48-byte trailer. */
#include "nu_bytes.h"
#include "nu_stage_internal.h"

#define COPY_DONE_AT 16u /* end - 32 */
#define IMAGE_OK_AT 24u  /* end - 24 */
#define MAGIC_AT 32u     /* end - 16 */
#define FLAG_SET 0x01u

const uint8_t nu_trailer_magic[16] = {0x77, 0xc2, 0x95, 0xf3, 0x60, 0xd2, 0xef, 0x7f,
                                      0x35, 0x52, 0x50, 0x0f, 0x2c, 0xb6, 0x79, 0x80};

int nu_request_decode(const uint8_t trailer[48])
{
    if (trailer == 0 || !nu_bytes_equal(trailer + MAGIC_AT, nu_trailer_magic, 16) ||
        trailer[COPY_DONE_AT] == FLAG_SET) {
        return NU_REQUEST_NONE;
    }
    return trailer[IMAGE_OK_AT] == FLAG_SET ? NU_REQUEST_PERMANENT : NU_REQUEST_TEST;
}

int nu_record_trailer_decode(const uint8_t trailer[48])
{
    if (trailer == 0 || !nu_bytes_equal(trailer + MAGIC_AT, nu_trailer_magic, 16)) {
        return NU_RECORD_ABSENT;
    }
    if (trailer[IMAGE_OK_AT] == FLAG_SET) {
        return NU_RECORD_CONFIRMED;
    }
    return trailer[COPY_DONE_AT] == FLAG_SET ? NU_RECORD_TEST_PENDING : NU_RECORD_ABSENT;
}

static uint32_t request_trailer_offset(const nu_ctx_t *ctx, uint32_t kind)
{
    const nu_region_layout_t *region = nu_region(ctx, kind);
    return region->staging_offset + region->slot_size - NU_TRAILER_SIZE;
}

int nu_request_read(const nu_ctx_t *ctx, uint32_t kind)
{
    uint8_t trailer[NU_TRAILER_SIZE];
    NU_TRY(nu_nor_read(ctx, request_trailer_offset(ctx, kind), trailer, sizeof(trailer)));
    return nu_request_decode(trailer);
}

int nu_request_consume(const nu_ctx_t *ctx, uint32_t kind)
{
    static const uint8_t set = FLAG_SET;
    uint8_t current;
    uint32_t at = request_trailer_offset(ctx, kind) + COPY_DONE_AT;
    NU_TRY(nu_nor_read(ctx, at, &current, 1));
    return current == FLAG_SET ? NU_OK : nu_nor_program(ctx, at, &set, 1);
}

int nu_record_set_image_ok(const nu_ctx_t *ctx, uint32_t kind)
{
    static const uint8_t set = FLAG_SET;
    return nu_nor_program(ctx, nu_region(ctx, kind)->record_offset + NU_RECORD_SECTOR - NU_TRAILER_SIZE + IMAGE_OK_AT,
                          &set, 1);
}

int nu_record_commit(const nu_ctx_t *ctx, uint32_t kind, int test_pending)
{
    static const uint8_t set = FLAG_SET;
    uint32_t trailer = nu_region(ctx, kind)->record_offset + NU_RECORD_SECTOR - NU_TRAILER_SIZE;
    NU_TRY(nu_nor_program(ctx, trailer + (test_pending ? COPY_DONE_AT : IMAGE_OK_AT), &set, 1));
    return nu_nor_program(ctx, trailer + MAGIC_AT, nu_trailer_magic, 16);
}
