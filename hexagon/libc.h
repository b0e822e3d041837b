/* System calls and output for the freestanding Hexagon test programs (libc.c). */
#ifndef GHOSTNET_HEXAGON_LIBC_H
#define GHOSTNET_HEXAGON_LIBC_H
#include <stddef.h>
long sys_open(const char *path, int flags, int mode);
long sys_close(long fd);
long sys_read(long fd, void *buf, size_t n);
long sys_write(long fd, const void *buf, size_t n);
void sys_exit(int code) __attribute__((noreturn));
/* CLOCK_MONOTONIC in nanoseconds (under qemu-hexagon: the emulator's host time). */
long long sys_clock_ns(void);
void print(const char *s);
void print_int(long v);
void *malloc(size_t n);
void free(void *p);
#endif
