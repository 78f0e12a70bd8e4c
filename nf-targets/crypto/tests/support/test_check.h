/* Minimal assertion helpers for the plain-C test programs: count checks, report failures, exit status. */
#ifndef NU_TEST_CHECK_H
#define NU_TEST_CHECK_H

#include <stdio.h>

extern int test_checks;
extern int test_failures;

#define CHECK(condition, ...)                                                                                      \
    do {                                                                                                           \
        test_checks++;                                                                                             \
        if (!(condition)) {                                                                                        \
            test_failures++;                                                                                       \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                                                   \
            fprintf(stderr, __VA_ARGS__);                                                                          \
            fprintf(stderr, "\n");                                                                                 \
        }                                                                                                          \
    } while (0)

/* Prints the summary line and returns the process exit status. */
int test_summary(const char *suite);

#endif /* NU_TEST_CHECK_H */
