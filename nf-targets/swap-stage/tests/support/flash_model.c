#include "flash_model.h"

#include <stdlib.h>
#include <string.h>

static uint32_t next_random(flash_model_t *m)
{
    /* xorshift32: deterministic per cut so a failing case can be replayed */
    uint32_t x = m->random;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    m->random = x;
    return x;
}

void model_init(flash_model_t *m, const nu_platform_t *platform)
{
    memset(m, 0, sizeof(*m));
    m->internal = malloc(MODEL_INTERNAL_SIZE);
    m->nor = malloc(MODEL_NOR_SIZE);
    if (m->internal == NULL || m->nor == NULL) {
        abort();
    }
    memset(m->internal, 0xFF, MODEL_INTERNAL_SIZE);
    memset(m->nor, 0xFF, MODEL_NOR_SIZE);
    m->platform = platform;
    m->random = 1;
}

void model_free(flash_model_t *m)
{
    free(m->internal);
    free(m->nor);
    m->internal = m->nor = NULL;
}

void model_copy_contents(flash_model_t *to, const flash_model_t *from)
{
    memcpy(to->internal, from->internal, MODEL_INTERNAL_SIZE);
    memcpy(to->nor, from->nor, MODEL_NOR_SIZE);
}

void model_arm_cut(flash_model_t *m, enum cut_mode mode, uint32_t op_index, uint32_t seed)
{
    m->cut_mode = mode;
    m->cut_at = op_index;
    m->random = seed * 2654435761u + 12345u;
    if (m->random == 0) {
        m->random = 1;
    }
}

void model_power_on(flash_model_t *m)
{
    memset(&m->counts, 0, sizeof(m->counts));
    m->cut_mode = CUT_NONE;
    m->powered_off = 0;
}

uint8_t *model_internal_at(flash_model_t *m, uint32_t address)
{
    return m->internal + (address - MODEL_INTERNAL_BASE);
}

static int violation(flash_model_t *m, const char *what)
{
    if (m->violation == NULL) {
        m->violation = what;
    }
    return MODEL_CONTRACT_VIOLATION;
}

/* Returns 0 to go on, MODEL_POWER_CUT when the op must not happen at all, 1 when it must be torn. */
static int mutating_op(flash_model_t *m)
{
    uint32_t index;
    if (m->powered_off) {
        return MODEL_POWER_CUT;
    }
    index = m->counts.mutating_ops++;
    if (m->cut_mode != CUT_NONE && index == m->cut_at) {
        m->powered_off = 1;
        return m->cut_mode == CUT_BEFORE ? MODEL_POWER_CUT : 1;
    }
    return 0;
}

/* A program cut short: some of the bits that should clear did, either as a programmed prefix with one partial
 * byte, or as random partial bits over the whole range. Bits the data keeps at 1 never change. */
static void torn_program(flash_model_t *m, uint8_t *target, const uint8_t *data, uint32_t length)
{
    uint32_t i, stop = next_random(m) % (length + 1);
    int scattered = (next_random(m) & 1u) != 0;
    for (i = 0; i < length; i++) {
        if (scattered) {
            target[i] &= (uint8_t)(data[i] | next_random(m));
        } else if (i < stop) {
            target[i] &= data[i];
        } else if (i == stop) {
            target[i] &= (uint8_t)(data[i] | next_random(m));
        }
    }
}

/* An erase cut short: a mix of erased, untouched and random-looking bytes. */
static void torn_erase(flash_model_t *m, uint8_t *target, uint32_t length)
{
    uint32_t i;
    for (i = 0; i < length; i++) {
        uint32_t r = next_random(m);
        switch (r & 3u) {
        case 0:
            target[i] = 0xFF;
            break;
        case 1:
            target[i] = (uint8_t)(target[i] | (r >> 8));
            break;
        case 2:
            target[i] = (uint8_t)(r >> 16);
            break;
        default:
            break;
        }
    }
}

static const nu_internal_sector_t *sector_at(const flash_model_t *m, uint32_t address)
{
    uint32_t i;
    for (i = 0; i < m->platform->sector_count; i++) {
        const nu_internal_sector_t *s = &m->platform->sectors[i];
        if (address >= s->address && address - s->address < s->size) {
            return s;
        }
    }
    return NULL;
}

static int internal_read(void *context, uint32_t address, uint8_t *buffer, uint32_t length)
{
    flash_model_t *m = context;
    if (m->powered_off) {
        return MODEL_POWER_CUT;
    }
    if (address < MODEL_INTERNAL_BASE || length > MODEL_INTERNAL_SIZE ||
        address - MODEL_INTERNAL_BASE > MODEL_INTERNAL_SIZE - length) {
        return violation(m, "internal read out of range");
    }
    memcpy(buffer, model_internal_at(m, address), length);
    m->counts.internal_bytes_read += length;
    return 0;
}

static int internal_program(void *context, uint32_t address, const uint8_t *data, uint32_t length)
{
    flash_model_t *m = context;
    const nu_internal_sector_t *s = sector_at(m, address);
    uint8_t *target;
    uint32_t i;
    int cut;
    if (s == NULL || address % 4 != 0 || length % 4 != 0 || length < 4 || length > 256 ||
        address + length > s->address + s->size) {
        return violation(m, "internal program breaks the HAL contract (alignment, length or sector)");
    }
    target = model_internal_at(m, address);
    for (i = 0; i < length; i++) {
        if (target[i] != 0xFF) {
            return violation(m, "internal program over bytes that are not erased");
        }
    }
    cut = mutating_op(m);
    if (cut < 0) {
        return cut;
    }
    if (cut == 1) {
        torn_program(m, target, data, length);
        return MODEL_POWER_CUT;
    }
    memcpy(target, data, length);
    m->counts.internal_program_calls++;
    m->counts.internal_bytes_programmed += length;
    return 0;
}

static int internal_erase_sector(void *context, uint32_t sector_address)
{
    flash_model_t *m = context;
    const nu_internal_sector_t *s = sector_at(m, sector_address);
    int cut;
    if (s == NULL || s->address != sector_address) {
        return violation(m, "internal erase of an address that is not a sector start");
    }
    cut = mutating_op(m);
    if (cut < 0) {
        return cut;
    }
    if (cut == 1) {
        torn_erase(m, model_internal_at(m, s->address), s->size);
        return MODEL_POWER_CUT;
    }
    memset(model_internal_at(m, s->address), 0xFF, s->size);
    m->counts.internal_erases++;
    m->counts.internal_erases_by_sector[s->number]++;
    return 0;
}

static int nor_read(void *context, uint32_t offset, uint8_t *buffer, uint32_t length)
{
    flash_model_t *m = context;
    if (m->powered_off) {
        return MODEL_POWER_CUT;
    }
    if (length > MODEL_NOR_SIZE || offset > MODEL_NOR_SIZE - length) {
        return violation(m, "NOR read out of range");
    }
    memcpy(buffer, m->nor + offset, length);
    m->counts.nor_bytes_read += length;
    m->counts.nor_read_calls++;
    return 0;
}

static int nor_program(void *context, uint32_t offset, const uint8_t *data, uint32_t length)
{
    flash_model_t *m = context;
    uint32_t i;
    int cut;
    if (length < 1 || length > 256 || offset / 256 != (offset + length - 1) / 256 || offset + length > MODEL_NOR_SIZE) {
        return violation(m, "NOR program crosses a page or is out of range");
    }
    cut = mutating_op(m);
    if (cut < 0) {
        return cut;
    }
    if (cut == 1) {
        torn_program(m, m->nor + offset, data, length);
        return MODEL_POWER_CUT;
    }
    for (i = 0; i < length; i++) {
        m->nor[offset + i] &= data[i];
    }
    m->counts.nor_program_calls++;
    m->counts.nor_bytes_programmed += length;
    return 0;
}

static int nor_erase(void *context, uint32_t offset, uint32_t length)
{
    flash_model_t *m = context;
    int cut;
    if ((length != 4096 && length != 65536) || offset % length != 0 || offset + length > MODEL_NOR_SIZE) {
        return violation(m, "NOR erase size or alignment");
    }
    cut = mutating_op(m);
    if (cut < 0) {
        return cut;
    }
    if (cut == 1) {
        torn_erase(m, m->nor + offset, length);
        return MODEL_POWER_CUT;
    }
    memset(m->nor + offset, 0xFF, length);
    if (length == 4096) {
        m->counts.nor_erases_4k++;
    } else {
        m->counts.nor_erases_64k++;
    }
    return 0;
}

nu_flash_hal_t model_hal(flash_model_t *m)
{
    nu_flash_hal_t hal;
    hal.context = m;
    hal.internal_read = internal_read;
    hal.internal_program = internal_program;
    hal.internal_erase_sector = internal_erase_sector;
    hal.nor_read = nor_read;
    hal.nor_program = nor_program;
    hal.nor_erase = nor_erase;
    return hal;
}
