/* The only place the HAL is called: every result is checked, the first failure is kept in the report and stops the
 * run (NU_ERR_HAL propagates up through NU_TRY). Also the place where operation counts are kept. */
#include "nu_bytes.h"
#include "nu_sha256.h"
#include "nu_stage_internal.h"

static int hal_failed(const nu_ctx_t *ctx, int rc)
{
    ctx->report->hal_error = rc;
    return NU_ERR_HAL;
}

int nu_nor_read(const nu_ctx_t *ctx, uint32_t offset, uint8_t *buffer, uint32_t length)
{
    int rc = ctx->hal->nor_read(ctx->hal->context, offset, buffer, length);
    return rc == 0 ? NU_OK : hal_failed(ctx, rc);
}

int nu_nor_program(const nu_ctx_t *ctx, uint32_t offset, const uint8_t *data, uint32_t length)
{
    while (length > 0) {
        uint32_t room = NU_NOR_PAGE - (offset % NU_NOR_PAGE);
        uint32_t n = length < room ? length : room;
        int rc = ctx->hal->nor_program(ctx->hal->context, offset, data, n);
        if (rc != 0) {
            return hal_failed(ctx, rc);
        }
        ctx->report->nor_bytes_programmed += n;
        offset += n;
        data += n;
        length -= n;
    }
    return NU_OK;
}

int nu_nor_erase_range(const nu_ctx_t *ctx, uint32_t offset, uint32_t length)
{
    uint32_t end = offset + length;
    while (offset < end) {
        uint32_t size = (offset % NU_NOR_BLOCK == 0 && end - offset >= NU_NOR_BLOCK) ? NU_NOR_BLOCK : NU_NOR_SECTOR;
        int rc = ctx->hal->nor_erase(ctx->hal->context, offset, size);
        if (rc != 0) {
            return hal_failed(ctx, rc);
        }
        ctx->report->nor_erases++;
        offset += size;
    }
    return NU_OK;
}

int nu_internal_read(const nu_ctx_t *ctx, uint32_t address, uint8_t *buffer, uint32_t length)
{
    int rc = ctx->hal->internal_read(ctx->hal->context, address, buffer, length);
    return rc == 0 ? NU_OK : hal_failed(ctx, rc);
}

int nu_internal_program(const nu_ctx_t *ctx, uint32_t address, const uint8_t *data, uint32_t length)
{
    int rc = ctx->hal->internal_program(ctx->hal->context, address, data, length);
    if (rc != 0) {
        return hal_failed(ctx, rc);
    }
    ctx->report->internal_bytes_programmed += length;
    return NU_OK;
}

int nu_internal_erase(const nu_ctx_t *ctx, const nu_internal_sector_t *sector)
{
    int rc = ctx->hal->internal_erase_sector(ctx->hal->context, sector->address);
    if (rc != 0) {
        return hal_failed(ctx, rc);
    }
    ctx->report->internal_erases++;
    return NU_OK;
}

int nu_span_read(const nu_ctx_t *ctx, const nu_span_t *span, uint32_t offset, uint8_t *buffer, uint32_t length)
{
    uint32_t inside = 0;
    if (offset < span->length) {
        inside = span->length - offset;
        if (inside > length) {
            inside = length;
        }
        if (span->ram != 0) {
            nu_copy_bytes(buffer, span->ram + offset, inside);
        } else if (span->internal) {
            NU_TRY(nu_internal_read(ctx, span->base + offset, buffer, inside));
        } else {
            NU_TRY(nu_nor_read(ctx, span->base + offset, buffer, inside));
        }
    }
    nu_fill_bytes(buffer + inside, 0xFF, length - inside);
    return NU_OK;
}

void nu_feed_init(nu_feed_t *feed)
{
    feed->sha = 0;
    feed->crc_update = 0;
    feed->crc = 0;
    feed->nor_destination = NU_NOWHERE;
}

int nu_feed(const nu_ctx_t *ctx, const nu_span_t *span, uint32_t offset, uint32_t length, nu_feed_t *feed)
{
    uint8_t buffer[NU_CHUNK];
    while (length > 0) {
        /* chunks end on NOR page boundaries of the destination, so each program is one page */
        uint32_t n = feed->nor_destination == NU_NOWHERE ? NU_CHUNK : NU_NOR_PAGE - feed->nor_destination % NU_NOR_PAGE;
        if (n > length) {
            n = length;
        }
        NU_TRY(nu_span_read(ctx, span, offset, buffer, n));
        if (feed->sha != 0) {
            nu_sha256_update(feed->sha, buffer, n);
        }
        if (feed->crc_update != 0) {
            feed->crc = feed->crc_update(feed->crc, buffer, n);
        }
        if (feed->nor_destination != NU_NOWHERE) {
            if (!nu_all_erased(buffer, n)) {
                NU_TRY(nu_nor_program(ctx, feed->nor_destination, buffer, n));
            }
            feed->nor_destination += n;
        }
        offset += n;
        length -= n;
    }
    return NU_OK;
}
