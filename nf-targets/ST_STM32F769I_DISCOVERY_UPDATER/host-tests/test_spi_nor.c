/* The NOR protocol driver against the simulated W25Q128JV, including its fault modes. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "nu_spi_nor.h"
#include "simulated_w25q.h"

static int log_contains_sequence(const simulated_w25q *chip, const uint8_t *sequence, uint32_t length)
{
    uint32_t i;
    for (i = 0; i + length <= chip->log_length; i++) {
        if (memcmp(chip->log + i, sequence, length) == 0) {
            return 1;
        }
    }
    return 0;
}

static void probe_and_identify(void)
{
    simulated_w25q chip;
    nu_spi_nor_t nor;
    static const uint8_t reset_then_id[] = {0x66, 0x99, 0x05, 0x9F, 0x5A, 0x5A};

    simulated_w25q_init(&chip);
    CHECK(nu_spi_nor_probe(&nor, &chip.transport) == NU_NOR_OK, "probe");
    CHECK(nor.capacity == 16u * 1024u * 1024u && nor.manufacturer == 0xEF && nor.memory_type == 0x40,
          "identified a 16 MiB Winbond part");
    CHECK(nor.sfdp_erase_4k == 0x20, "4 KiB erase opcode from SFDP");
    CHECK(chip.resets == 2 && log_contains_sequence(&chip, reset_then_id, sizeof reset_then_id),
          "reset, wait ready, JEDEC ID, SFDP header and table");
    simulated_w25q_free(&chip);
}

static void read_program_erase(void)
{
    simulated_w25q chip;
    nu_spi_nor_t nor;
    uint8_t data[256];
    uint8_t back[300];
    static const uint8_t program_sequence[] = {0x06, 0x05, 0x02, 0x05};
    static const uint8_t erase_sequence[] = {0x06, 0x05, 0x20, 0x05};
    uint32_t i;

    simulated_w25q_init(&chip);
    nu_spi_nor_probe(&nor, &chip.transport);
    for (i = 0; i < sizeof data; i++) {
        data[i] = (uint8_t)(i ^ 0x5A);
    }
    chip.log_length = 0;
    CHECK(nu_spi_nor_program(&nor, 0x110100, data, 256) == NU_NOR_OK, "full page program");
    CHECK(log_contains_sequence(&chip, program_sequence, sizeof program_sequence), "WREN, check WEL, 0x02, poll");
    CHECK(nu_spi_nor_read(&nor, 0x110100, back, 256) == NU_NOR_OK && memcmp(back, data, 256) == 0, "read back");
    CHECK(nu_spi_nor_program(&nor, 0x1101F0, data, 16) == NU_NOR_OK, "program the last 16 bytes of a page");
    CHECK(nu_spi_nor_read(&nor, 0x1101F0, back, 16) == NU_NOR_OK && back[0] == (data[0] & data[0xF0]),
          "programming only clears bits");

    chip.log_length = 0;
    CHECK(nu_spi_nor_erase(&nor, 0x110000, 4096) == NU_NOR_OK, "4 KiB erase");
    CHECK(log_contains_sequence(&chip, erase_sequence, sizeof erase_sequence), "WREN, check WEL, 0x20, poll");
    CHECK(nu_spi_nor_read(&nor, 0x110100, back, 256) == NU_NOR_OK && back[0] == 0xFF && back[255] == 0xFF,
          "erased");
    CHECK(nu_spi_nor_erase(&nor, 0x120000, 65536) == NU_NOR_OK, "64 KiB erase");
    CHECK(nu_spi_nor_read(&nor, SIM_CAPACITY - 300, back, 300) == NU_NOR_OK, "read up to the last byte");
    simulated_w25q_free(&chip);
}

static void refuses_bad_arguments(void)
{
    simulated_w25q chip;
    nu_spi_nor_t nor;
    uint8_t data[257];
    memset(data, 0, sizeof data);

    simulated_w25q_init(&chip);
    nu_spi_nor_probe(&nor, &chip.transport);
    CHECK(nu_spi_nor_program(&nor, 0x1000F0, data, 32) == NU_NOR_ERR_ARGUMENT, "crossing a page");
    CHECK(nu_spi_nor_program(&nor, 0x100000, data, 257) == NU_NOR_ERR_ARGUMENT, "longer than a page");
    CHECK(nu_spi_nor_program(&nor, 0x100000, data, 0) == NU_NOR_ERR_ARGUMENT, "empty program");
    CHECK(nu_spi_nor_program(&nor, SIM_CAPACITY, data, 1) == NU_NOR_ERR_ARGUMENT, "beyond the chip");
    CHECK(nu_spi_nor_erase(&nor, 0x100800, 4096) == NU_NOR_ERR_ARGUMENT, "misaligned sector erase");
    CHECK(nu_spi_nor_erase(&nor, 0x101000, 65536) == NU_NOR_ERR_ARGUMENT, "misaligned block erase");
    CHECK(nu_spi_nor_erase(&nor, 0x100000, 32768) == NU_NOR_ERR_ARGUMENT, "unsupported erase size");
    CHECK(nu_spi_nor_read(&nor, SIM_CAPACITY - 1, data, 2) == NU_NOR_ERR_ARGUMENT, "read past the end");
    simulated_w25q_free(&chip);
}

static void fault_modes(void)
{
    simulated_w25q chip;
    nu_spi_nor_t nor;
    uint8_t data[16];
    uint32_t start;
    memset(data, 0, sizeof data);

    simulated_w25q_init(&chip);
    chip.absent = 1;
    CHECK(nu_spi_nor_probe(&nor, &chip.transport) == NU_NOR_ERR_NO_CHIP, "nothing on the bus");
    CHECK(chip.now_ms < 10, "an absent chip is reported at once, not after a timeout (%u ms)", (unsigned)chip.now_ms);
    simulated_w25q_free(&chip);

    simulated_w25q_init(&chip);
    chip.broken_sfdp = 1;
    CHECK(nu_spi_nor_probe(&nor, &chip.transport) == NU_NOR_ERR_UNSUPPORTED, "no SFDP signature");
    simulated_w25q_free(&chip);

    simulated_w25q_init(&chip);
    nu_spi_nor_probe(&nor, &chip.transport);
    chip.write_protected = 1;
    CHECK(nu_spi_nor_program(&nor, 0, data, 16) == NU_NOR_ERR_WRITE_ENABLE, "WEL never set");
    CHECK(nu_spi_nor_erase(&nor, 0, 4096) == NU_NOR_ERR_WRITE_ENABLE, "erase refused when protected");
    chip.write_protected = 0;

    chip.busy_until_ms = chip.now_ms + 1000000u; /* still busy with an earlier operation */
    CHECK(nu_spi_nor_read(&nor, 0, data, 16) == NU_NOR_OK, "reads are not gated on busy");
    CHECK(nu_spi_nor_program(&nor, 0, data, 16) == NU_NOR_ERR_WRITE_ENABLE, "a busy chip ignores WREN");
    chip.busy_until_ms = 0;
    CHECK(nu_spi_nor_erase(&nor, 0x1000, 4096) == NU_NOR_OK, "usable again once idle");
    chip.stuck_busy = 1;
    chip.write_enabled = 1;
    start = chip.now_ms;
    CHECK(nu_spi_nor_probe(&nor, &chip.transport) == NU_NOR_ERR_TIMEOUT, "stuck busy at probe times out");
    CHECK(chip.now_ms - start >= NU_NOR_TIMEOUT_BLOCK_ERASE_MS && chip.now_ms - start < 2 * NU_NOR_TIMEOUT_BLOCK_ERASE_MS,
          "gave up after the block-erase bound (%u ms)", (unsigned)(chip.now_ms - start));
    simulated_w25q_free(&chip);

    simulated_w25q_init(&chip);
    nu_spi_nor_probe(&nor, &chip.transport);
    chip.fail_after_transfers = chip.transfers + 1; /* WREN passes, the status read fails */
    CHECK(nu_spi_nor_program(&nor, 0, data, 16) == NU_NOR_ERR_TRANSPORT, "transport failure surfaces");
    simulated_w25q_free(&chip);
}

/* A program or erase that never completes ends in a timeout at the datasheet bound, not in a hang. */
static void operation_timeouts(void)
{
    simulated_w25q chip;
    nu_spi_nor_t nor;
    uint8_t data[4] = {0, 0, 0, 0};
    uint32_t start;

    simulated_w25q_init(&chip);
    nu_spi_nor_probe(&nor, &chip.transport);
    start = chip.now_ms;
    CHECK(nu_spi_nor_program(&nor, 0, data, 4) == NU_NOR_OK, "normal program");
    CHECK(chip.now_ms - start < 10, "a normal program returns after its busy time");

    chip.program_time_ms = 1000000u;
    start = chip.now_ms;
    CHECK(nu_spi_nor_program(&nor, 0x100, data, 4) == NU_NOR_ERR_TIMEOUT, "hung program times out");
    CHECK(chip.now_ms - start > NU_NOR_TIMEOUT_PAGE_PROGRAM_MS && chip.now_ms - start < 3 * NU_NOR_TIMEOUT_PAGE_PROGRAM_MS,
          "after about %u ms (took %u)", (unsigned)NU_NOR_TIMEOUT_PAGE_PROGRAM_MS, (unsigned)(chip.now_ms - start));
    chip.busy_until_ms = 0;

    chip.erase_time_ms = 1000000u;
    start = chip.now_ms;
    CHECK(nu_spi_nor_erase(&nor, 0x2000, 4096) == NU_NOR_ERR_TIMEOUT, "hung erase times out");
    CHECK(chip.now_ms - start > NU_NOR_TIMEOUT_SECTOR_ERASE_MS && chip.now_ms - start < 3 * NU_NOR_TIMEOUT_SECTOR_ERASE_MS,
          "after about %u ms (took %u)", (unsigned)NU_NOR_TIMEOUT_SECTOR_ERASE_MS, (unsigned)(chip.now_ms - start));
    simulated_w25q_free(&chip);
}

int main(void)
{
    probe_and_identify();
    read_program_erase();
    refuses_bad_arguments();
    fault_modes();
    operation_timeouts();
    return summary("spi nor");
}
