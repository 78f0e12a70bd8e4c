#include "qemu_semihosting.h"

#define SYS_WRITE0 0x04u
#define SYS_EXIT_EXTENDED 0x20u
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

static uint32_t semihosting_call(uint32_t operation, const void *argument)
{
    register uint32_t r0 __asm__("r0") = operation;
    register const void *r1 __asm__("r1") = argument;
    __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void semihosting_print(const char *text)
{
    semihosting_call(SYS_WRITE0, text);
}

void semihosting_print_number(const char *label, uint32_t value)
{
    char digits[12];
    int at = (int)sizeof(digits) - 1;
    digits[at] = 0;
    do {
        digits[--at] = (char)('0' + value % 10u);
        value /= 10u;
    } while (value != 0 && at > 0);
    semihosting_print(label);
    semihosting_print(digits + at);
    semihosting_print("\n");
}

void semihosting_exit(int status)
{
    uint32_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint32_t)status};
    semihosting_call(SYS_EXIT_EXTENDED, block);
    for (;;) {
    }
}
