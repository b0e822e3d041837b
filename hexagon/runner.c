/* Runs one Halide pipeline compiled for hexagon-32-noos-hvx_128 under qemu-hexagon:
     runner JOB OUT [RUNS [untimed]]
   JOB (written by tests/hexagon_job.h on the host) lists the pipeline's buffer arguments in
   order: for each, whether it is an output, its type, dimensions (min, extent, stride) and,
   for inputs, its bytes. The runner calls the pipeline through its generated argv entry point
   (PIPELINE_ARGV, set when compiling) and writes OUT: the int32 return code, then each output
   buffer's size (uint64) and bytes. With RUNS (ghostnet-autotune's benchmark), the pipeline
   runs that many times and the fastest run's time is printed as
     hexagon runner: best case of <ns> ns/iter over <RUNS> runs
   (under qemu-hexagon this is emulator time: it ranks schedules by the work emulated, not by
   what a DSP would take). With "untimed" the runs are neither timed nor reported, so that the
   runner's own work does not depend on the clock (ghostnet-hvx-work counts packets of 1 and 2
   runs). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "HalideRuntime.h"
#include "libc.h"

int PIPELINE_ARGV(void **args);

#define MAX_ARGS 16

static int fail(const char *what, const char *path) {
    print("hexagon runner: ");
    print(what);
    print(" ");
    print(path);
    print("\n");
    return 2;
}

static int read_all(long fd, void *dst, size_t n) {
    unsigned char *p = dst;
    while (n) {
        const long got = sys_read(fd, p, n > (1u << 20) ? (1u << 20) : n);
        if (got <= 0) return 0;
        p += got;
        n -= (size_t)got;
    }
    return 1;
}

static int write_all(long fd, const void *src, size_t n) {
    const unsigned char *p = src;
    while (n) {
        const long put = sys_write(fd, p, n);
        if (put <= 0) return 0;
        p += put;
        n -= (size_t)put;
    }
    return 1;
}

static void print_u64(unsigned long long v) {
    char buf[24];
    int i = 23;
    buf[i] = 0;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    print(buf + i);
}

static int equal(const char *a, const char *b) {
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

int main(int argc, char **argv) {
    long runs = 1;
    const int untimed = argc == 5 && equal(argv[4], "untimed"), timed = argc == 4;
    if (argc == 4 || untimed) {
        runs = 0;
        for (const char *p = argv[3]; *p; p++) runs = *p >= '0' && *p <= '9' && runs < 100000 ? runs * 10 + (*p - '0') : -1;
    }
    if ((argc != 3 && argc != 4 && !untimed) || runs < 1) {
        print("usage: runner JOB OUT [RUNS [untimed]]  (RUNS: 1 to 100000)\n");
        return 2;
    }
    const long in = sys_open(argv[1], 0 /* O_RDONLY */, 0);
    if (in < 0) return fail("cannot open", argv[1]);
    char magic[4];
    uint32_t nargs = 0;
    if (!read_all(in, magic, 4) || memcmp(magic, "GHXJ", 4) != 0 || !read_all(in, &nargs, 4) ||
        nargs == 0 || nargs > MAX_ARGS)
        return fail("not a job file:", argv[1]);

    static halide_buffer_t bufs[MAX_ARGS];
    static halide_dimension_t dims[MAX_ARGS][4];
    static uint32_t is_output[MAX_ARGS];
    static uint64_t sizes[MAX_ARGS];
    void *args[MAX_ARGS];
    for (uint32_t i = 0; i < nargs; i++) {
        uint32_t head[4]; /* is_output, type code, type bits, dimensions */
        if (!read_all(in, head, sizeof(head)) || head[3] > 4) return fail("bad argument header in", argv[1]);
        halide_buffer_t *b = &bufs[i];
        memset(b, 0, sizeof(*b));
        is_output[i] = head[0];
        b->type.code = (uint8_t)head[1];
        b->type.bits = (uint8_t)head[2];
        b->type.lanes = 1;
        b->dimensions = (int32_t)head[3];
        b->dim = dims[i];
        for (uint32_t d = 0; d < head[3]; d++) {
            int32_t mes[3];
            if (!read_all(in, mes, sizeof(mes))) return fail("bad dimensions in", argv[1]);
            dims[i][d].min = mes[0];
            dims[i][d].extent = mes[1];
            dims[i][d].stride = mes[2];
            dims[i][d].flags = 0;
        }
        if (!read_all(in, &sizes[i], 8)) return fail("bad size in", argv[1]);
        b->host = malloc((size_t)sizes[i] ? (size_t)sizes[i] : 1);
        if (!b->host) return 3;
        if (is_output[i]) memset(b->host, 0, (size_t)sizes[i]);
        else if (!read_all(in, b->host, (size_t)sizes[i])) return fail("truncated data in", argv[1]);
        args[i] = b;
    }
    sys_close(in);

    int32_t rc = 0;
    unsigned long long best = ~0ull;
    for (long r = 0; r < runs && rc == 0; r++) {
        if (!timed) {
            rc = PIPELINE_ARGV(args);
            continue;
        }
        const long long t0 = sys_clock_ns();
        rc = PIPELINE_ARGV(args);
        const long long t = sys_clock_ns() - t0;
        if (t >= 0 && (unsigned long long)t < best) best = (unsigned long long)t;
    }
    if (timed && rc == 0) {
        print("hexagon runner: best case of ");
        print_u64(best);
        print(" ns/iter over ");
        print_int(runs);
        print(" runs\n");
    }

    const long out = sys_open(argv[2], 01101 /* O_WRONLY | O_CREAT | O_TRUNC */, 0644);
    if (out < 0) return fail("cannot create", argv[2]);
    int ok = write_all(out, &rc, 4);
    for (uint32_t i = 0; i < nargs; i++)
        if (is_output[i]) ok = ok && write_all(out, &sizes[i], 8) && write_all(out, bufs[i].host, (size_t)sizes[i]);
    sys_close(out);
    if (!ok) return fail("cannot write", argv[2]);
    return rc == 0 ? 0 : 1;
}
