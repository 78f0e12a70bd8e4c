/* Minimal Cortex-M startup for the QEMU test: vector table, .data copy, .bss clear, main, exit with its status. */
#include <stdint.h>

#include "qemu_semihosting.h"

extern uint32_t __data_load, __data_start, __data_end, __bss_start, __bss_end, __stack_top;
int main(void);
void reset_handler(void);
void fault_handler(void);

void reset_handler(void)
{
    uint32_t *from = &__data_load, *to = &__data_start;
    while (to < &__data_end) {
        *to++ = *from++;
    }
    for (to = &__bss_start; to < &__bss_end;) {
        *to++ = 0;
    }
    semihosting_exit(main());
}

void fault_handler(void)
{
    semihosting_print("fault\n");
    semihosting_exit(3);
}

__attribute__((section(".vectors"), used)) static void (*const vectors[16])(void) = {
    (void (*)(void))&__stack_top, reset_handler, fault_handler, fault_handler, fault_handler, fault_handler,
    fault_handler, 0, 0, 0, 0, fault_handler, fault_handler, 0, fault_handler, fault_handler,
};
