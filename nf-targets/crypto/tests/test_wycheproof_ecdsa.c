/*
 * Every case of Wycheproof ecdsa_secp256r1_sha256_test.json: SHA-256 of the message, strict DER decoding of the
 * signature into r || s (support/der_signature.c, the rule the C# agent applies), then nu_crypto_ecdsa_p256_verify.
 * Valid ones must be accepted, invalid ones rejected (by the DER rule or by the verifier), acceptable ones are listed.
 * Usage: test_wycheproof_ecdsa <wycheproof directory>
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nu_crypto.h"
#include "support/der_signature.h"
#include "support/hex.h"
#include "support/test_check.h"
#include "support/wycheproof.h"

typedef struct counters {
    int rejected_by_der;
    int rejected_by_verify;
    int rejected_key;
} counters;

static int verify_case(const wycheproof_case *test, void *context)
{
    counters *count = context;
    const char *key_hex = json_member_string(json_member(test->group, "publicKey"), "uncompressed");
    size_t key_length = 0;
    uint8_t *key = key_hex != NULL ? hex_decode(key_hex, &key_length) : NULL;
    uint8_t digest[32];
    uint8_t rs[64];
    int result;

    if (key == NULL || key_length != 65 || key[0] != 0x04) {
        count->rejected_key++;
        free(key);
        return 0;
    }
    if (der_signature_to_rs(test->signature, test->signature_length, rs) != 0) {
        count->rejected_by_der++;
        free(key);
        return 0;
    }
    if (nu_crypto_sha256(test->message, test->message_length, digest) != 0) {
        free(key);
        return 0;
    }
    result = nu_crypto_ecdsa_p256_verify(key + 1, digest, rs);
    count->rejected_key += result == NU_CRYPTO_BAD_KEY;
    count->rejected_by_verify += result != NU_CRYPTO_VALID && result != NU_CRYPTO_BAD_KEY;
    free(key);
    return result == NU_CRYPTO_VALID;
}

int main(int argc, char **argv)
{
    wycheproof_tally tally;
    counters count;
    long declared;

    memset(&count, 0, sizeof count);
    if (wycheproof_run_from_arguments(argc, argv, "ecdsa_secp256r1_sha256_test.json", verify_case, &count, &tally,
                                      &declared) != 0) {
        return 2;
    }
    printf("wycheproof ecdsa p256/sha256: %d cases (file declares %ld): %d valid accepted, %d invalid rejected "
           "(%d by the DER rule, %d by the verifier, %d bad keys), %d acceptable (%d accepted)\n",
           tally.cases, declared, tally.valid_accepted, tally.invalid_rejected, count.rejected_by_der,
           count.rejected_by_verify, count.rejected_key, tally.acceptable_accepted + tally.acceptable_rejected,
           tally.acceptable_accepted);
    wycheproof_check_tally(&tally, declared);
    return test_summary("wycheproof ecdsa");
}
