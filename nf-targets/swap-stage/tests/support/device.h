/* A simulated board for the tests: flash model + the contract's platform + helpers that put the flash into the states
 * the agent, a previous install, or a developer would leave, and that check what the stage left. */
#ifndef DEVICE_H
#define DEVICE_H

#include <stdint.h>

#include "flash_model.h"
#include "images.h"
#include "nu_swap_stage.h"

#define TEST_SLOT_MAX 0x180000u

typedef struct device {
    flash_model_t flash;
    nu_platform_t platform;
    nu_flash_hal_t hal;
} device_t;

extern const uint8_t trusted_key_hash_a[32];
extern const uint8_t trusted_key_hash_b[32];
extern const uint8_t untrusted_key_hash[32];

/* A built image and what it carries, for setting up and checking. */
typedef struct test_image {
    uint8_t *bytes;
    uint32_t length;
    uint32_t kind;
    uint32_t header_size;
    uint32_t payload_size;
    uint8_t digest[32];
} test_image_t;

void device_init(device_t *d);
void device_free(device_t *d);
int device_boot(device_t *d, nu_report_t *report); /* power on (counters cleared), run the stage */
int device_boot_with_cut(device_t *d, enum cut_mode mode, uint32_t op_index, uint32_t seed, nu_report_t *report);

/* Images: kind 1 nanoCLR or 2 deployment, payload_size bytes (deployment: rounded to whole assemblies). */
void test_image_make(test_image_t *image, uint32_t kind, uint32_t payload_size, uint32_t seed, uint8_t major,
                     uint32_t security_counter, const uint8_t *key_hash);
void test_image_make_from_spec(test_image_t *image, uint32_t kind, const image_spec_t *spec);
void test_image_free(test_image_t *image);

/* Flash states. */
void device_install_as_current(device_t *d, const test_image_t *image, int record_state); /* region + record */
void device_stage(device_t *d, const test_image_t *image, int request);                  /* staging + trailer */
void device_put_backup(device_t *d, const test_image_t *image);
void device_set_request(device_t *d, uint32_t kind, int request);
/* Both staging trailers carry release tag (contract §3.1): the requests form one set. */
void device_tag_release(device_t *d, uint32_t tag);
void device_confirm(device_t *d, uint32_t kind); /* what the agent does: image_ok = 1 on a TEST-pending record */
void device_developer_deploy(device_t *d, uint32_t kind, const uint8_t *payload, uint32_t length);

/* Checks. */
int device_region_holds(device_t *d, const test_image_t *image); /* payload at the region start, rest erased */
int device_record_state(device_t *d, uint32_t kind, uint8_t digest[32]); /* NU_RECORD_*, digest of the record */
int device_request_state(device_t *d, uint32_t kind);                   /* NU_REQUEST_* */
int device_backup_holds(device_t *d, const test_image_t *image);       /* valid and the same signed image */
int device_last_result(device_t *d, uint32_t kind, nu_journal_record_t *record);
uint8_t *device_region(device_t *d, uint32_t kind);
uint32_t device_region_size(device_t *d, uint32_t kind);



/* Back to a blank board (both flashes erased, counters cleared), keeping the allocations. */
void device_reset(device_t *d);
#endif /* DEVICE_H */
