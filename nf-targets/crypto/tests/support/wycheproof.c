#include "wycheproof.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hex.h"
#include "test_check.h"

static int parse_expectation(const char *text, wycheproof_expectation *out)
{
    if (text == NULL) {
        return -1;
    }
    if (strcmp(text, "valid") == 0) {
        *out = WYCHEPROOF_VALID;
    } else if (strcmp(text, "invalid") == 0) {
        *out = WYCHEPROOF_INVALID;
    } else if (strcmp(text, "acceptable") == 0) {
        *out = WYCHEPROOF_ACCEPTABLE;
    } else {
        return -1;
    }
    return 0;
}

static void record(wycheproof_tally *tally, const wycheproof_case *test, int accepted)
{
    tally->cases++;
    switch (test->expected) {
    case WYCHEPROOF_VALID:
        if (accepted) {
            tally->valid_accepted++;
        } else {
            tally->valid_rejected++;
            fprintf(stderr, "  tcId %ld (valid) REJECTED: %s\n", test->id, test->comment);
        }
        break;
    case WYCHEPROOF_INVALID:
        if (accepted) {
            tally->invalid_accepted++;
            fprintf(stderr, "  tcId %ld (invalid) ACCEPTED: %s\n", test->id, test->comment);
        } else {
            tally->invalid_rejected++;
        }
        break;
    case WYCHEPROOF_ACCEPTABLE:
        if (accepted) {
            tally->acceptable_accepted++;
        } else {
            tally->acceptable_rejected++;
        }
        printf("  tcId %ld (acceptable) %s: %s\n", test->id, accepted ? "accepted" : "rejected", test->comment);
        break;
    }
}

int wycheproof_run(const char *path, wycheproof_verifier verifier, void *context, wycheproof_tally *tally)
{
    char error[256];
    json_value *root = json_parse_file(path, error, sizeof error);
    const json_value *groups;
    size_t g;

    memset(tally, 0, sizeof *tally);
    if (root == NULL) {
        fprintf(stderr, "cannot load %s: %s\n", path, error);
        return -1;
    }
    groups = json_member(root, "testGroups");
    if (groups == NULL || groups->kind != JSON_ARRAY) {
        fprintf(stderr, "%s: no testGroups array\n", path);
        json_free(root);
        return -1;
    }
    for (g = 0; g < groups->count; g++) {
        const json_value *group = groups->items[g];
        const json_value *tests = json_member(group, "tests");
        size_t t;
        if (tests == NULL || tests->kind != JSON_ARRAY) {
            tally->malformed_file++;
            continue;
        }
        for (t = 0; t < tests->count; t++) {
            const json_value *entry = tests->items[t];
            const json_value *id = json_member(entry, "tcId");
            const char *message_hex = json_member_string(entry, "msg");
            const char *signature_hex = json_member_string(entry, "sig");
            uint8_t *message = NULL;
            uint8_t *signature = NULL;
            wycheproof_case test;

            memset(&test, 0, sizeof test);
            test.group = group;
            test.id = id != NULL && id->kind == JSON_NUMBER ? (long)id->number : -1;
            test.comment = json_member_string(entry, "comment");
            if (test.comment == NULL) {
                test.comment = "";
            }
            if (message_hex != NULL) {
                message = hex_decode(message_hex, &test.message_length);
            }
            if (signature_hex != NULL) {
                signature = hex_decode(signature_hex, &test.signature_length);
            }
            if (message == NULL || signature == NULL ||
                parse_expectation(json_member_string(entry, "result"), &test.expected) != 0) {
                tally->malformed_file++;
                fprintf(stderr, "  tcId %ld: unreadable test entry\n", test.id);
            } else {
                test.message = message;
                test.signature = signature;
                record(tally, &test, verifier(&test, context));
            }
            free(message);
            free(signature);
        }
    }
    json_free(root);
    return 0;
}

long wycheproof_declared_count(const char *path)
{
    char error[256];
    json_value *root = json_parse_file(path, error, sizeof error);
    const json_value *count = json_member(root, "numberOfTests");
    long result = count != NULL && count->kind == JSON_NUMBER ? (long)count->number : -1;
    json_free(root);
    return result;
}

int wycheproof_run_from_arguments(int argc, char **argv, const char *file, wycheproof_verifier verifier, void *context,
                                  wycheproof_tally *tally, long *declared)
{
    char path[1024];
    if (argc != 2) {
        fprintf(stderr, "usage: %s <wycheproof directory>\n", argv[0]);
        return 2;
    }
    snprintf(path, sizeof path, "%s/%s", argv[1], file);
    CHECK(wycheproof_run(path, verifier, context, tally) == 0, "read %s", path);
    *declared = wycheproof_declared_count(path);
    return 0;
}

void wycheproof_check_tally(const wycheproof_tally *tally, long declared)
{
    CHECK(tally->cases == declared && tally->cases > 0, "every declared case ran");
    CHECK(tally->malformed_file == 0, "%d unreadable entries", tally->malformed_file);
    CHECK(tally->valid_rejected == 0, "%d valid signatures rejected", tally->valid_rejected);
    CHECK(tally->invalid_accepted == 0, "%d invalid signatures accepted", tally->invalid_accepted);
}
