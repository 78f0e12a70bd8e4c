/* The MCUboot trailer in its two roles (contract §3, §4): the update request at the end of a staging slot, and the
 * installed record's state at the end of a record sector. Offsets are from the start of the 48-byte trailer. A
 * release tag (contract §3.1) binds the two kinds' trailers of one combined update into a set. */
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

/* 0 untagged; 1 tagged, and the companion (good magic) carries the same tag; -1 tagged without such a companion. */
static int set_state(const uint8_t trailer[48], const uint8_t companion[48])
{
    uint32_t tag = nu_le32(trailer + NU_TAG_AT);
    if (tag == 0xFFFFFFFFu) {
        return 0;
    }
    return magic_good(companion) && nu_le32(companion + NU_TAG_AT) == tag ? 1 : -1;
}

int nu_request_set_decode(const uint8_t trailer[48], const uint8_t companion[48])
{
    return set_state(trailer, companion) < 0 ? NU_REQUEST_NONE : nu_request_decode(trailer);
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

int nu_record_set_decode(const uint8_t trailer[48], const uint8_t companion[48])
{
    int state = nu_record_trailer_decode(trailer);
    return state == NU_RECORD_TEST_PENDING && set_state(trailer, companion) > 0 &&
                   nu_record_trailer_decode(companion) == NU_RECORD_CONFIRMED
               ? NU_RECORD_CONFIRMED
               : state;
}

static void program_flag(nu_ctx_t *ctx, uint32_t offset)
{
    static const uint8_t set = FLAG_SET;
    nu_nor_program(ctx, offset, &set, 1);
}

/* A kind's trailer: at the end of its staging slot (the request) or of its record sector. */
static uint32_t trailer_at(const nu_ctx_t *ctx, uint32_t kind, int record)
{
    const nu_region_layout_t *r = &ctx->platform->regions[kind - 1];
    return (record ? r->record_offset + NU_RECORD_SECTOR : r->staging_offset + r->slot_size) - NU_TRAILER_SIZE;
}

/* A kind's trailer decoded with its companion's (the other kind's trailer of the same role). */
static int read_set(nu_ctx_t *ctx, uint32_t kind, int record)
{
    uint8_t pair[2][NU_TRAILER_SIZE];
    nu_nor_read(ctx, trailer_at(ctx, kind, record), pair[0], NU_TRAILER_SIZE);
    nu_nor_read(ctx, trailer_at(ctx, NU_KIND_COUNT + 1 - kind, record), pair[1], NU_TRAILER_SIZE);
    return record ? nu_record_set_decode(pair[0], pair[1]) : nu_request_set_decode(pair[0], pair[1]);
}

int nu_request_read(nu_ctx_t *ctx, uint32_t kind)
{
    return read_set(ctx, kind, 0);
}

int nu_record_set_read(nu_ctx_t *ctx)
{
    return read_set(ctx, ctx->kind, 1);
}

void nu_request_consume(nu_ctx_t *ctx)
{
    if (nu_request_read(ctx, ctx->kind) != NU_REQUEST_NONE) {
        program_flag(ctx, trailer_at(ctx, ctx->kind, 0) + NU_COPY_DONE_AT);
    }
}

uint32_t nu_record_trailer(const nu_ctx_t *ctx)
{
    return trailer_at(ctx, ctx->kind, 1);
}

void nu_record_flag(nu_ctx_t *ctx, uint32_t at)
{
    program_flag(ctx, nu_record_trailer(ctx) + at);
}

/* A TEST record carries its request's release tag, so the stage can tell a half-confirmed set (contract §4). */
void nu_record_commit(nu_ctx_t *ctx, uint32_t flag_at)
{
    if (flag_at == NU_COPY_DONE_AT) {
        uint8_t tag[4];
        nu_nor_read(ctx, trailer_at(ctx, ctx->kind, 0) + NU_TAG_AT, tag, 4);
        if (nu_le32(tag) != 0xFFFFFFFFu) {
            nu_nor_program(ctx, nu_record_trailer(ctx) + NU_TAG_AT, tag, 4);
        }
    }
    nu_record_flag(ctx, flag_at);
    nu_nor_program(ctx, nu_record_trailer(ctx) + NU_MAGIC_AT, trailer_magic, 16);
}
