/* Minimal assertion helpers for the board's plain-C host tests. */
#ifndef NU_BOARD_TEST_CHECK_H
#define NU_BOARD_TEST_CHECK_H

#include <stdio.h>

static int checks;
static int failures;

#define CHECK(condition, ...)                                                                                      \
    do {                                                                                                           \
        checks++;                                                                                                  \
        if (!(condition)) {                                                                                        \
            failures++;                                                                                            \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                                                   \
            fprintf(stderr, __VA_ARGS__);                                                                          \
            fprintf(stderr, "\n");                                                                                 \
        }                                                                                                          \
    } while (0)

static int summary(const char *suite)
{
    printf("%s: %d checks, %d failed\n", suite, checks, failures);
    return failures == 0 && checks > 0 ? 0 : 1;
}

#endif /* NU_BOARD_TEST_CHECK_H */
