#include "test_check.h"

int test_checks;
int test_failures;

int test_summary(const char *suite)
{
    printf("%s: %d checks, %d failed\n", suite, test_checks, test_failures);
    return test_failures == 0 && test_checks > 0 ? 0 : 1;
}
