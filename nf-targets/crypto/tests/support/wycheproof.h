/*
 * Walks a Wycheproof verify-test file (testvectors_v1 schema): every test of every group, with the group's JSON
 * object (for its key) and the test's decoded fields, and tallies outcomes against the expected result.
 */
#ifndef NU_TEST_WYCHEPROOF_H
#define NU_TEST_WYCHEPROOF_H

#include <stddef.h>
#include <stdint.h>

#include "json_reader.h"

typedef enum wycheproof_expectation {
    WYCHEPROOF_VALID,
    WYCHEPROOF_INVALID,
    WYCHEPROOF_ACCEPTABLE
} wycheproof_expectation;

typedef struct wycheproof_case {
    const json_value *group;
    long id;
    const char *comment;
    const uint8_t *message;
    size_t message_length;
    const uint8_t *signature;
    size_t signature_length;
    wycheproof_expectation expected;
} wycheproof_case;

/* Returns 1 when the verifier accepted the signature, 0 when it rejected it. */
typedef int (*wycheproof_verifier)(const wycheproof_case *test, void *context);

typedef struct wycheproof_tally {
    int cases;
    int valid_accepted;
    int valid_rejected;
    int invalid_rejected;
    int invalid_accepted;
    int acceptable_accepted;
    int acceptable_rejected;
    int malformed_file;
} wycheproof_tally;

/* Runs every case; prints each wrong outcome and each acceptable case with its outcome. Returns 0 when the file
 * could be read and walked, -1 otherwise. */
int wycheproof_run(const char *path, wycheproof_verifier verifier, void *context, wycheproof_tally *tally);

/* Declared number of tests in the file header, or -1. */
long wycheproof_declared_count(const char *path);

/* A test program's run of one file: argv[1] is the Wycheproof directory, file the name in it. Fills tally and the
 * declared count; returns 0, or 2 (usage printed) when the arguments are wrong. */
int wycheproof_run_from_arguments(int argc, char **argv, const char *file, wycheproof_verifier verifier, void *context,
                                  wycheproof_tally *tally, long *declared);

/* The checks every verifier must pass: every declared case ran, the file was readable, no valid signature rejected
 * and no invalid one accepted. */
void wycheproof_check_tally(const wycheproof_tally *tally, long declared);

#endif /* NU_TEST_WYCHEPROOF_H */
