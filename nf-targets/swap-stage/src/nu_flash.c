/* The only place the HAL is called. Every result is checked here: the first failure is latched in the context
 * (report.hal_error keeps the callback's value) and from then on no HAL call is made at all; reads that are not made
 * return erased bytes. Also the stage's one streaming loop. */
#include "nu_bytes.h"
#include "nu_sha256.h"
#include "nu_stage_internal.h"

void nu_fail(nu_ctx_t *ctx, int status)
{
    if (ctx->status == NU_OK) {
        ctx->status = status;
    }
}

/* The one HAL call site. op says which callback (NU_FLASH_* | NU_FLASH_INTERNAL); after a failure no call is made
 * and a read returns erased bytes. */
void nu_flash(nu_ctx_t *ctx, uint32_t op, uint32_t address, uint8_t *data, uint32_t length)
{
    const nu_flash_hal_t *hal = ctx->hal;
    int rc;

    if (ctx->status == NU_OK) {
        switch (op) {
        case NU_FLASH_READ | NU_FLASH_INTERNAL:
            rc = hal->internal_read(hal->context, address, data, length);
            break;
        case NU_FLASH_READ:
            rc = hal->nor_read(hal->context, address, data, length);
            break;
        case NU_FLASH_PROGRAM | NU_FLASH_INTERNAL:
            rc = hal->internal_program(hal->context, address, data, length);
            break;
        case NU_FLASH_PROGRAM:
            rc = hal->nor_program(hal->context, address, data, length);
            break;
        case NU_FLASH_ERASE | NU_FLASH_INTERNAL:
            rc = hal->internal_erase_sector(hal->context, address);
            break;
        default:
            rc = hal->nor_erase(hal->context, address, length);
            break;
        }
        if (rc == 0) {
            return;
        }
        ctx->report->hal_error = rc;
        ctx->status = NU_ERR_HAL;
    }
    if (op <= NU_FLASH_INTERNAL) {
        nu_fill_bytes(data, 0xFF, length);
    }
}

void nu_nor_erase_range(nu_ctx_t *ctx, uint32_t offset, uint32_t length)
{
    uint32_t end = offset + length;
    while (offset < end) {
        uint32_t size = (offset % NU_NOR_BLOCK == 0 && end - offset >= NU_NOR_BLOCK) ? NU_NOR_BLOCK : NU_NOR_SECTOR;
        nu_flash(ctx, NU_FLASH_ERASE, offset, 0, size);
        offset += size;
    }
}

void nu_span_read(nu_ctx_t *ctx, const nu_span_t *span, uint32_t offset, uint8_t *buffer, uint32_t length)
{
    uint32_t inside = 0;
    if (offset < span->length) {
        inside = span->length - offset;
        if (inside > length) {
            inside = length;
        }
        if (span->ram != 0) {
            nu_copy_bytes(buffer, span->ram + span->base + offset, inside);
        } else {
            nu_flash(ctx, NU_FLASH_READ | span->internal, span->base + offset, buffer, inside);
        }
    }
    nu_fill_bytes(buffer + inside, 0xFF, length - inside);
}

uint32_t nu_feed(nu_ctx_t *ctx, const nu_span_t *span, uint32_t offset, uint32_t length, nu_feed_t *feed)
{
    uint8_t buffer[NU_CHUNK], current[NU_CHUNK];
    while (length > 0 && ctx->status == NU_OK) {
        /* chunks end on 256-byte boundaries of the destination: one NOR page, one internal program */
        uint32_t n = NU_CHUNK - feed->to % NU_CHUNK;
        if (n > length) {
            n = length;
        }
        nu_span_read(ctx, span, offset, buffer, n);
        if (feed->sha != 0) {
            nu_sha256_update(feed->sha, buffer, n);
        }
        if (feed->crc_update != 0) {
            feed->crc = feed->crc_update(feed->crc, buffer, n);
        }
        if ((feed->to_flags & NU_TO_PROGRAM) && !nu_all_erased(buffer, n)) {
            nu_flash(ctx, feed->to_flags & (NU_FLASH_PROGRAM | NU_FLASH_INTERNAL), feed->to, buffer, n);
        }
        if (feed->to_flags & NU_TO_COMPARE) {
            nu_flash(ctx, NU_FLASH_READ | (feed->to_flags & NU_FLASH_INTERNAL), feed->to, current, n);
            if (!nu_bytes_equal(buffer, current, n)) {
                return 1;
            }
        }
        feed->to += n;
        offset += n;
        length -= n;
    }
    return 0;
}

uint32_t nu_copy(nu_ctx_t *ctx, const nu_span_t *span, uint32_t offset, uint32_t length, uint32_t to,
                 uint32_t to_flags)
{
    nu_feed_t feed;
    feed.sha = 0;
    feed.crc_update = 0;
    feed.to = to;
    feed.to_flags = to_flags;
    return nu_feed(ctx, span, offset, length, &feed);
}
