/* The MCUboot trailer in its two roles (contract §3, §4): the update request at the end of a staging slot, and the
 * installed record's state at the end of a record sector. Offsets are from the start of the 48-byte trailer. A
 * release tag (contract §3.1) binds the two kinds' trailers of one combined update into a set. The public decoders
 * and the stage share decode and set_decode. */
#include "nu_bytes.h"
#include "nu_stage_internal.h"

#define FLAG_SET 0x01u

static const uint8_t trailer_magic[16] = {0x77, 0xc2, 0x95, 0xf3, 0x60, 0xd2, 0xef, 0x7f,
                                          0x35, 0x52, 0x50, 0x0f, 0x2c, 0xb6, 0x79, 0x80};

static int magic_good(const uint8_t *trailer)
{
    return trailer != 0 && nu_bytes_equal(trailer + NU_MAGIC_AT, trailer_magic, 16);
}

/* A trailer in one role: NU_RECORD_* when record is set, else NU_REQUEST_*; both read 0 (ABSENT, NONE) without the
 * magic. */
static int decode(const uint8_t *trailer, int record)
{
    int copy_done, image_ok;
    if (!magic_good(trailer)) {
        return 0;
    }
    copy_done = trailer[NU_COPY_DONE_AT] == FLAG_SET;
    image_ok = trailer[NU_IMAGE_OK_AT] == FLAG_SET;
    if (record) {
        return image_ok ? NU_RECORD_CONFIRMED : copy_done ? NU_RECORD_TEST_PENDING : NU_RECORD_ABSENT;
    }
    return copy_done ? NU_REQUEST_NONE : image_ok ? NU_REQUEST_PERMANENT : NU_REQUEST_TEST;
}

/* decode with the set rule; companion is the other kind's trailer in the same role (NULL: none). A tagged request
 * reads NONE unless the companion has a good magic and the same tag; a tagged TEST record reads CONFIRMED when such
 * a companion is confirmed. An untagged trailer reads as decode alone. */
static int set_decode(const uint8_t *trailer, const uint8_t *companion, int record)
{
    int state = decode(trailer, record), paired;
    uint32_t tag;
    if (state == 0 || (tag = nu_le32(trailer + NU_TAG_AT)) == 0xFFFFFFFFu) {
        return state; /* NONE and ABSENT stay so whatever the companion */
    }
    paired = magic_good(companion) && nu_le32(companion + NU_TAG_AT) == tag;
    if (record) {
        return paired && companion[NU_IMAGE_OK_AT] == FLAG_SET ? NU_RECORD_CONFIRMED : state;
    }
    return paired ? state : NU_REQUEST_NONE;
}

/* A trailer is its own companion: same magic, same tag, and a TEST record's own image_ok is not set. So the set rule
 * holds by itself and set_decode reads as decode alone (which then has one caller). */
int nu_request_decode(const uint8_t trailer[48])
{
    return set_decode(trailer, trailer, 0);
}

int nu_request_set_decode(const uint8_t trailer[48], const uint8_t companion[48])
{
    return set_decode(trailer, companion, 0);
}

int nu_record_trailer_decode(const uint8_t trailer[48])
{
    return set_decode(trailer, trailer, 1);
}

int nu_record_set_decode(const uint8_t trailer[48], const uint8_t companion[48])
{
    return set_decode(trailer, companion, 1);
}

/* A kind's trailer (r: its region layout): at the end of its staging slot (the request) or of its record sector. */
static uint32_t trailer_at(const nu_region_layout_t *r, int record)
{
    return (record ? r->record_offset + NU_RECORD_SECTOR : r->staging_offset + r->slot_size) - NU_TRAILER_SIZE;
}

/* A kind's trailer read and decoded: with its companion (count 2, read after it) under the set rule; alone (count 1,
 * the record role only) as decode reads it. */
static int read_set(nu_ctx_t *ctx, uint32_t kind, int record, uint32_t count)
{
    uint8_t pair[2][NU_TRAILER_SIZE];
    uint32_t i;
    for (i = 0; i < count; i++) {
        nu_nor_read(ctx, trailer_at(&ctx->platform->regions[kind - 1], record), pair[i], NU_TRAILER_SIZE);
        kind = NU_KIND_COUNT + 1 - kind; /* then the companion */
    }
    return set_decode(pair[0], count == 2 ? pair[1] : 0, record);
}

int nu_request_read(nu_ctx_t *ctx, uint32_t kind)
{
    return read_set(ctx, kind, 0, 2);
}

int nu_record_set_read(nu_ctx_t *ctx)
{
    return read_set(ctx, ctx->kind, 1, 2);
}

int nu_record_state_read(nu_ctx_t *ctx)
{
    return read_set(ctx, ctx->kind, 1, 1);
}

static const uint8_t flag_set = FLAG_SET;

void nu_request_consume(nu_ctx_t *ctx)
{
    if (nu_request_read(ctx, ctx->kind) != NU_REQUEST_NONE) {
        nu_nor_program(ctx, trailer_at(ctx->region, 0) + NU_COPY_DONE_AT, &flag_set, 1);
    }
}

/* Programs bytes at an offset of the selected kind's record trailer. */
static void record_program(nu_ctx_t *ctx, uint32_t at, const uint8_t *data, uint32_t length)
{
    nu_nor_program(ctx, trailer_at(ctx->region, 1) + at, data, length);
}

void nu_record_flag(nu_ctx_t *ctx, uint32_t at)
{
    record_program(ctx, at, &flag_set, 1);
}

/* A TEST record carries its request's release tag, so the stage can tell a half-confirmed set (contract §4). */
void nu_record_commit(nu_ctx_t *ctx, uint32_t flag_at)
{
    if (flag_at == NU_COPY_DONE_AT) {
        uint8_t tag[4];
        nu_nor_read(ctx, trailer_at(ctx->region, 0) + NU_TAG_AT, tag, 4);
        if (nu_le32(tag) != 0xFFFFFFFFu) {
            record_program(ctx, NU_TAG_AT, tag, 4);
        }
    }
    nu_record_flag(ctx, flag_at);
    record_program(ctx, NU_MAGIC_AT, trailer_magic, 16);
}
