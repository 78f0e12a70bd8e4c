/* ARM semihosting, the two calls the QEMU test needs: print a string, and exit with a status (SYS_EXIT_EXTENDED so
 * the status reaches QEMU's own exit code). */
#ifndef QEMU_SEMIHOSTING_H
#define QEMU_SEMIHOSTING_H

#include <stdint.h>

void semihosting_print(const char *text);
void semihosting_print_number(const char *label, uint32_t value); /* "label value\n" */
void semihosting_exit(int status) __attribute__((noreturn));

#endif /* QEMU_SEMIHOSTING_H */
