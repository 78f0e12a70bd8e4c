/* The MCUboot trailer in its two roles (contract §3, §4): the update request at the end of a staging slot, and the
 * installed record's state at the end of a record sector. Offsets are from the start of the 48-byte trailer. */
#include "nu_bytes.h"
#include "nu_stage_internal.h"

#define FLAG_SET 0x01u

static const uint8_t trailer_magic[16] = {0x77, 0xc2, 0x95, 0xf3, 0x60, 0xd2, 0xef, 0x7f,
                                          0x35, 0x52, 0x50, 0x0f, 0x2c, 0xb6, 0x79, 0x80};

static int magic_good(const uint8_t *trailer)
{
    return trailer != 0 && nu_bytes_equal(trailer + NU_MAGIC_AT, trailer_magic, 16);
}

int nu_request_decode(const uint8_t trailer[48])
{
    if (!magic_good(trailer) || trailer[NU_COPY_DONE_AT] == FLAG_SET) {
        return NU_REQUEST_NONE;
    }
    return trailer[NU_IMAGE_OK_AT] == FLAG_SET ? NU_REQUEST_PERMANENT : NU_REQUEST_TEST;
}

int nu_record_trailer_decode(const uint8_t trailer[48])
{
    if (!magic_good(trailer)) {
        return NU_RECORD_ABSENT;
    }
    if (trailer[NU_IMAGE_OK_AT] == FLAG_SET) {
        return NU_RECORD_CONFIRMED;
    }
    return trailer[NU_COPY_DONE_AT] == FLAG_SET ? NU_RECORD_TEST_PENDING : NU_RECORD_ABSENT;
}

static void program_flag(nu_ctx_t *ctx, uint32_t offset)
{
    static const uint8_t set = FLAG_SET;
    nu_nor_program(ctx, offset, &set, 1);
}

static uint32_t request_trailer(const nu_ctx_t *ctx, uint32_t kind)
{
    const nu_region_layout_t *region = &ctx->platform->regions[kind - 1];
    return region->staging_offset + region->slot_size - NU_TRAILER_SIZE;
}

int nu_request_read(nu_ctx_t *ctx, uint32_t kind)
{
    uint8_t trailer[NU_TRAILER_SIZE];
    nu_nor_read(ctx, request_trailer(ctx, kind), trailer, sizeof(trailer));
    return nu_request_decode(trailer);
}

void nu_request_consume(nu_ctx_t *ctx)
{
    if (nu_request_read(ctx, ctx->kind) != NU_REQUEST_NONE) {
        program_flag(ctx, request_trailer(ctx, ctx->kind) + NU_COPY_DONE_AT);
    }
}

uint32_t nu_record_trailer(const nu_ctx_t *ctx)
{
    return ctx->region->record_offset + NU_RECORD_SECTOR - NU_TRAILER_SIZE;
}

void nu_record_flag(nu_ctx_t *ctx, uint32_t at)
{
    program_flag(ctx, nu_record_trailer(ctx) + at);
}

void nu_record_commit(nu_ctx_t *ctx, uint32_t flag_at)
{
    nu_record_flag(ctx, flag_at);
    nu_nor_program(ctx, nu_record_trailer(ctx) + NU_MAGIC_AT, trailer_magic, 16);
}
