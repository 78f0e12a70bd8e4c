/*
 * Every case of Wycheproof ed25519_test.json against nu_crypto_ed25519_verify: valid ones accepted, invalid ones
 * rejected, acceptable ones listed with their outcome. A signature that is not exactly 64 bytes (or a key that is not
 * 32) is rejected before the call, as the C# wrapper does.
 * Usage: test_wycheproof_ed25519 <wycheproof directory>
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nu_crypto.h"
#include "support/hex.h"
#include "support/test_check.h"
#include "support/wycheproof.h"

typedef struct counters {
    int rejected_length;
    int rejected_key;
} counters;

static int verify_case(const wycheproof_case *test, void *context)
{
    counters *count = context;
    const char *key_hex = json_member_string(json_member(test->group, "publicKey"), "pk");
    size_t key_length = 0;
    uint8_t *key = key_hex != NULL ? hex_decode(key_hex, &key_length) : NULL;
    int result;

    if (key == NULL || key_length != NU_CRYPTO_ED25519_PUBLIC_KEY_SIZE ||
        test->signature_length != NU_CRYPTO_ED25519_SIGNATURE_SIZE) {
        count->rejected_length++;
        free(key);
        return 0;
    }
    result = nu_crypto_ed25519_verify(key, test->message, test->message_length, test->signature);
    count->rejected_key += result == NU_CRYPTO_BAD_KEY;
    free(key);
    return result == NU_CRYPTO_VALID;
}

int main(int argc, char **argv)
{
    wycheproof_tally tally;
    counters count;
    long declared;

    memset(&count, 0, sizeof count);
    if (wycheproof_run_from_arguments(argc, argv, "ed25519_test.json", verify_case, &count, &tally, &declared) != 0) {
        return 2;
    }
    printf("wycheproof ed25519: %d cases (file declares %ld): %d valid accepted, %d invalid rejected "
           "(%d by length, %d by key), %d acceptable (%d accepted)\n",
           tally.cases, declared, tally.valid_accepted, tally.invalid_rejected, count.rejected_length,
           count.rejected_key, tally.acceptable_accepted + tally.acceptable_rejected, tally.acceptable_accepted);
    wycheproof_check_tally(&tally, declared);
    return test_summary("wycheproof ed25519");
}
