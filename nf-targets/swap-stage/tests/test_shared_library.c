/* The shared library the .NET simulator loads through P/Invoke: it exports the public entry points (and nothing of
 * the internals), and the exported nu_swap_stage_run drives a full TEST install over a HAL of plain callbacks.
 * Usage: test_shared_library <path to libnu_swap_stage.so> */
#include <dlfcn.h>
#include <string.h>

#include "check.h"
#include "device.h"

typedef int (*run_fn)(const nu_flash_hal_t *, const nu_platform_t *, nu_report_t *);
typedef uint32_t (*version_fn)(void);
typedef int (*decode_fn)(const uint8_t *);

int main(int argc, char **argv)
{
    static const char *exported[] = {"nu_swap_stage_run", "nu_platform_check", "nu_swap_stage_abi_version",
                                     "nu_region_can_run", "nu_slot_check", "nu_request_decode",
                                     "nu_record_trailer_decode", "nu_record_body_decode", "nu_record_read",
                                     "nu_journal_decode", "nu_journal_encode", "nu_journal_last_result", "nu_crc32",
                                     "nu_sha256", "nu_platform_init_stm32f769_w25q128"};
    static const char *internal[] = {"nu_image_hash", "nu_journal_append", "nu_operation_run", "nu_backup_region"};
    void *library;
    size_t i;
    device_t d;
    test_image_t a, b;
    nu_report_t report;

    if (argc != 2 || (library = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL)) == NULL) {
        fprintf(stderr, "usage: test_shared_library <libnu_swap_stage.so> (%s)\n", dlerror());
        return 2;
    }
    for (i = 0; i < sizeof(exported) / sizeof(exported[0]); i++) {
        CHECK(dlsym(library, exported[i]) != NULL);
    }
    for (i = 0; i < sizeof(internal) / sizeof(internal[0]); i++) {
        CHECK(dlsym(library, internal[i]) == NULL);
    }
    CHECK_EQ_INT(((version_fn)dlsym(library, "nu_swap_stage_abi_version"))(), NU_SWAP_STAGE_ABI_VERSION);
    {
        uint8_t erased[48];
        memset(erased, 0xFF, sizeof(erased));
        CHECK_EQ_INT(((decode_fn)dlsym(library, "nu_request_decode"))(erased), NU_REQUEST_NONE);
    }

    device_init(&d);
    test_image_make(&a, NU_KIND_DEPLOYMENT, 60000, 1, 1, 0, trusted_key_hash_a);
    test_image_make(&b, NU_KIND_DEPLOYMENT, 60000, 2, 2, 0, trusted_key_hash_a);
    device_install_as_current(&d, &a, NU_RECORD_CONFIRMED);
    device_stage(&d, &b, NU_REQUEST_TEST);
    CHECK_EQ_INT(((run_fn)dlsym(library, "nu_swap_stage_run"))(&d.hal, &d.platform, &report), NU_OK);
    CHECK(report.kinds[1].actions & NU_DID_INSTALL);
    CHECK(device_region_holds(&d, &b));
    test_image_free(&a);
    test_image_free(&b);
    device_free(&d);
    dlclose(library);
    CHECK_EXIT("test_shared_library");
}
