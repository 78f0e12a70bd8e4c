/* A minimal assertion kit for plain-C tests: each failed CHECK prints where and why, the test continues, and
 * CHECK_EXIT() turns the failure count into the exit status CTest reads. */
#ifndef CHECK_H
#define CHECK_H

#include <stdio.h>

extern int check_failures;
extern int check_count;

#define CHECK(condition)                                                                                               \
    do {                                                                                                               \
        check_count++;                                                                                                 \
        if (!(condition)) {                                                                                            \
            check_failures++;                                                                                          \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #condition);                             \
        }                                                                                                              \
    } while (0)

#define CHECK_EQ_INT(actual, expected)                                                                                 \
    do {                                                                                                               \
        long long check_a_ = (long long)(actual), check_e_ = (long long)(expected);                                    \
        check_count++;                                                                                                 \
        if (check_a_ != check_e_) {                                                                                    \
            check_failures++;                                                                                          \
            fprintf(stderr, "%s:%d: CHECK failed: %s == %lld, expected %lld\n", __FILE__, __LINE__, #actual,          \
                    check_a_, check_e_);                                                                               \
        }                                                                                                              \
    } while (0)

#define CHECK_EXIT(name)                                                                                               \
    do {                                                                                                               \
        printf("%s: %d checks, %d failed\n", name, check_count, check_failures);                                      \
        return check_failures == 0 ? 0 : 1;                                                                            \
    } while (0)

#endif /* CHECK_H */
