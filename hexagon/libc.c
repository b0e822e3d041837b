/* The few C library functions a hexagon-32-noos Halide object and the runner need, for a
   freestanding static program under qemu-hexagon (Linux user mode): no Hexagon libc exists on
   this machine. System calls go through trap0(#1), number in r6, arguments in r0..r5. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "libc.h"

static long syscall6(long n, long a, long b, long c, long d, long e, long f) {
    register long r0 __asm__("r0") = a;
    register long r1 __asm__("r1") = b;
    register long r2 __asm__("r2") = c;
    register long r3 __asm__("r3") = d;
    register long r4 __asm__("r4") = e;
    register long r5 __asm__("r5") = f;
    register long r6 __asm__("r6") = n;
    __asm__ volatile("trap0(#1)" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r5), "r"(r6) : "memory");
    return r0;
}

enum { SYS_openat = 56, SYS_close = 57, SYS_read = 63, SYS_write = 64, SYS_exit_group = 94, SYS_clock_gettime = 113 };
#define AT_FDCWD (-100)

long sys_open(const char *path, int flags, int mode) { return syscall6(SYS_openat, AT_FDCWD, (long)path, flags, mode, 0, 0); }
long sys_close(long fd) { return syscall6(SYS_close, fd, 0, 0, 0, 0, 0); }
long sys_read(long fd, void *buf, size_t n) { return syscall6(SYS_read, fd, (long)buf, (long)n, 0, 0, 0); }
long sys_write(long fd, const void *buf, size_t n) { return syscall6(SYS_write, fd, (long)buf, (long)n, 0, 0, 0); }
void sys_exit(int code) {
    syscall6(SYS_exit_group, code, 0, 0, 0, 0, 0);
    for (;;) {}
}

long long sys_clock_ns(void) {
    struct {
        long sec, nsec; /* 32-bit time_t: Hexagon's Linux ABI */
    } ts = {0, 0};
    syscall6(SYS_clock_gettime, 1 /* CLOCK_MONOTONIC */, (long)&ts, 0, 0, 0, 0);
    return (long long)ts.sec * 1000000000LL + ts.nsec;
}

void print(const char *s) { sys_write(2, s, strlen(s)); }

void print_int(long v) {
    char buf[24];
    int i = 23;
    buf[i] = 0;
    const int neg = v < 0;
    unsigned long u = neg ? 0ul - (unsigned long)v : (unsigned long)v;
    do {
        buf[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (neg) buf[--i] = '-';
    print(buf + i);
}

/* --- memory: a bump allocator over a static arena, with blocks freed in LIFO order given back.
   Halide allocates and frees its stage buffers in nested order, so the arena does not grow with
   the number of runs. --- */
#define ARENA_BYTES (512u << 20)
static unsigned char arena[ARENA_BYTES] __attribute__((aligned(128)));
static size_t arena_top;

typedef struct {
    size_t size, prev_top;
} BlockHeader;
#define HEADER_BYTES 128 /* keeps every block 128-byte aligned, as HVX loads like */

void *malloc(size_t n) {
    const size_t total = HEADER_BYTES + ((n + 127) & ~(size_t)127);
    if (total > ARENA_BYTES - arena_top) {
        print("hexagon runner: out of memory (arena of 512 MB)\n");
        return NULL;
    }
    unsigned char *p = arena + arena_top;
    BlockHeader *h = (BlockHeader *)p;
    h->size = total;
    h->prev_top = arena_top;
    arena_top += total;
    return p + HEADER_BYTES;
}

void free(void *ptr) {
    if (!ptr) return;
    BlockHeader *h = (BlockHeader *)((unsigned char *)ptr - HEADER_BYTES);
    /* Only the most recent block returns its space; others stay until everything above goes. */
    if (h->prev_top + h->size == arena_top) arena_top = h->prev_top;
}

void *memcpy(void *dst, const void *src, size_t n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    while (n--) *d++ = *s++;
    return dst;
}

void *memmove(void *dst, const void *src, size_t n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d < s) {
        while (n--) *d++ = *s++;
    } else {
        d += n;
        s += n;
        while (n--) *--d = *--s;
    }
    return dst;
}

void *memset(void *dst, int c, size_t n) {
    unsigned char *d = dst;
    while (n--) *d++ = (unsigned char)c;
    return dst;
}

int memcmp(const void *a, const void *b, size_t n) {
    const unsigned char *x = a, *y = b;
    for (; n; n--, x++, y++)
        if (*x != *y) return *x < *y ? -1 : 1;
    return 0;
}

size_t strlen(const char *s) {
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

/* Hexagon's compiler emits calls to this for large aligned copies. */
void *__hexagon_memcpy_likely_aligned_min32bytes_mult8bytes(void *dst, const void *src, size_t n) {
    return memcpy(dst, src, n);
}

void abort(void) {
    print("hexagon runner: abort\n");
    sys_exit(134);
}

int atoi(const char *s) {
    int v = 0, neg = 0;
    if (*s == '-') neg = 1, s++;
    while (*s >= '0' && *s <= '9') v = v * 10 + (*s++ - '0');
    return neg ? -v : v;
}

char *getenv(const char *name) {
    (void)name;
    return NULL;
}

/* Halide 21's runtime refers to fopen (its weak halide_fopen, for tracing and profiling
   output, which these programs never ask for): no file can be opened. */
void *fopen(const char *path, const char *mode) {
    (void)path;
    (void)mode;
    return NULL;
}

/* Double arithmetic helpers the compiler calls for Halide's runtime: only
   halide_double_to_string (numbers in error messages) uses them. Computed in single
   precision, which the DSP does natively, so a double in a message shows about 7 digits. */
double __hexagon_adddf3(double a, double b) { return (double)((float)a + (float)b); }
double __hexagon_subdf3(double a, double b) { return (double)((float)a - (float)b); }
double __hexagon_muldf3(double a, double b) { return (double)((float)a * (float)b); }
/* Division without a divide instruction: a reciprocal estimate from the exponent bits, refined
   by Newton steps r = r (2 - b r), each doubling the correct bits. */
static float reciprocal(float b) {
    union {
        float f;
        uint32_t u;
    } r = {b};
    r.u = 0x7EF311C7u - r.u;
    for (int i = 0; i < 4; i++) r.f = r.f * (2.0f - b * r.f);
    return r.f;
}
double __hexagon_divdf3(double a, double b) { return (double)((float)a * reciprocal((float)b)); }

/* Integer division, exact, truncating as C's: Hexagon has no divide instruction, and the
   compiler calls these for divisions by values known only at run time (e.g. the DFC
   attention's upsampling index, x * attention width / output width). Shift and subtract. */
uint32_t __hexagon_udivsi3(uint32_t n, uint32_t d) {
    uint32_t q = 0, r = 0;
    for (int i = 31; i >= 0; i--) {
        r = (r << 1) | ((n >> i) & 1u);
        if (r >= d) {
            r -= d;
            q |= 1u << i;
        }
    }
    return q;
}
uint32_t __hexagon_umodsi3(uint32_t n, uint32_t d) { return n - __hexagon_udivsi3(n, d) * d; }
static uint32_t magnitude(int32_t v) { return v < 0 ? 0u - (uint32_t)v : (uint32_t)v; }
int32_t __hexagon_divsi3(int32_t a, int32_t b) {
    const uint32_t q = __hexagon_udivsi3(magnitude(a), magnitude(b));
    return (a < 0) != (b < 0) ? (int32_t)(0u - q) : (int32_t)q;
}
int32_t __hexagon_modsi3(int32_t a, int32_t b) { return a - __hexagon_divsi3(a, b) * b; }

/* Halide runtime hooks. */
void halide_print(void *user_context, const char *msg) {
    (void)user_context;
    print(msg);
}

void halide_error(void *user_context, const char *msg) {
    (void)user_context;
    print("halide_error: ");
    print(msg);
    print("\n");
}

/* The HVX context is the program's own under the emulator. */
int qurt_hvx_lock(int mode) {
    (void)mode;
    return 0;
}
int qurt_hvx_unlock(void) { return 0; }

/* No vector tightly-coupled memory here: Halide falls back to the heap. */
void *HAP_request_VTCM(unsigned int size, unsigned int single_page) {
    (void)size;
    (void)single_page;
    return NULL;
}
int HAP_release_VTCM(void *p) {
    (void)p;
    return 0;
}

int main(int argc, char **argv);

/* Linux user-mode entry: the stack holds argc, then argv. */
void __attribute__((noreturn)) start_c(long *sp) {
    const int argc = (int)sp[0];
    char **argv = (char **)(sp + 1);
    sys_exit(main(argc, argv));
}

__asm__(".text\n"
        ".globl _start\n"
        "_start:\n"
        "  r0 = r29\n"
        "  r29 = and(r29, #-8)\n"
        "  call start_c\n");
