// Does the order in which a matrix-vector layer reads its weights change how fast they stream
// from memory? GhostNet's head (conv_head 960 -> 1280, classifier 1280 -> 1000, fp32) reads
// 10 MB of weights per image, bound by one core's bandwidth (docs/performance.md).
//
// One fp32 layer of CIN x COUT (default 1280 x 1000, the classifier; its outputs rounded up to
// whole blocks), accumulators in blocks of BLOCK_VECTORS 16-float vectors held in registers,
// read five ways:
//   rows          weights packed [cin][cout] as today; each block reads its slice of every row,
//                 then the next block (OpSchedules::mat_vec's block_vectors form, one part)
//   rows, 2 parts the same, the outputs cut in two parts first, run one after the other (the
//                 schedule's two parallel parts on one thread)
//   chunks of 8   [cin][cout]; every block takes its turn on 8 rows, then the next 8 rows (the
//                 accumulators stored between turns; the sums in the same order)
//   chunks, 2 parts  the same inside each of two parts
//   blocked       weights packed [cout / 16][cin][16]: each 16-output column a stream of its own
// Every way's outputs are checked equal to the first's (the same additions in the same order).
// Each round times every way RUNS times in turn (median), a 40 MB buffer read before each run
// so the weights come from memory as in the network; ROUNDS rounds; the median of the rounds'
// medians, the lowest time, and the ratio of "rows, 2 parts" to each.
//
//   cc -O2 -march=native tools/probe_matvec_stream.c -o /tmp/probe_matvec_stream
//   /tmp/probe_matvec_stream [CIN COUT [ROUNDS RUNS]]
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef float v16 __attribute__((vector_size(64), aligned(4)));
enum { LANES = 16, BLOCK_VECTORS = 16, BLOCK = LANES * BLOCK_VECTORS, CHUNK = 8, WAYS = 5 };
static const char *names[WAYS] = {"rows", "rows, 2 parts", "chunks of 8", "chunks, 2 parts", "blocked"};

static int cin, cout, cout_padded;
static float *w_rows, *w_blocked, *in, *acc, *out[WAYS];

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

// Outputs [c0, c1) (whole blocks), input rows [r0, r1), accumulators in acc.
static void block_rows(int b, int r0, int r1) {
    v16 a[BLOCK_VECTORS];
    memcpy(a, acc + b * BLOCK, sizeof a);
    for (int r = r0; r < r1; r++) {
        const float *w = w_rows + (size_t)r * cout_padded + (size_t)b * BLOCK;
        const float x = in[r];
        for (int i = 0; i < BLOCK_VECTORS; i++) a[i] += *(const v16 *)(w + i * LANES) * x;
    }
    memcpy(acc + b * BLOCK, a, sizeof a);
}

static void block_blocked(int b) {
    v16 a[BLOCK_VECTORS];
    memcpy(a, acc + b * BLOCK, sizeof a);
    for (int r = 0; r < cin; r++) {
        const float x = in[r];
        for (int i = 0; i < BLOCK_VECTORS; i++)
            a[i] += *(const v16 *)(w_blocked + ((size_t)(b * BLOCK_VECTORS + i) * cin + r) * LANES) * x;
    }
    memcpy(acc + b * BLOCK, a, sizeof a);
}

static void run(int way) {
    const int blocks = cout_padded / BLOCK, half = blocks / 2;
    memset(acc, 0, sizeof(float) * cout_padded);
    switch (way) {
    case 0:
        for (int b = 0; b < blocks; b++) block_rows(b, 0, cin);
        break;
    case 1:
        for (int p = 0; p < 2; p++)
            for (int b = p ? half : 0; b < (p ? blocks : half); b++) block_rows(b, 0, cin);
        break;
    case 2:
        for (int r = 0; r < cin; r += CHUNK)
            for (int b = 0; b < blocks; b++) block_rows(b, r, r + CHUNK < cin ? r + CHUNK : cin);
        break;
    case 3:
        for (int p = 0; p < 2; p++)
            for (int r = 0; r < cin; r += CHUNK)
                for (int b = p ? half : 0; b < (p ? blocks : half); b++) block_rows(b, r, r + CHUNK < cin ? r + CHUNK : cin);
        break;
    case 4:
        for (int b = 0; b < blocks; b++) block_blocked(b);
        break;
    }
    memcpy(out[way], acc, sizeof(float) * cout_padded);
}

static int by_value(const void *a, const void *b) {
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    cin = argc > 2 ? atoi(argv[1]) : 1280;
    cout = argc > 2 ? atoi(argv[2]) : 1000;
    const int rounds = argc > 4 ? atoi(argv[3]) : 5, runs = argc > 4 ? atoi(argv[4]) : 101;
    if (cin < 1 || cout < 1 || rounds < 1 || runs < 1 || (argc != 1 && argc != 3 && argc != 5)) {
        fprintf(stderr, "usage: %s [CIN COUT [ROUNDS RUNS]] (all >= 1)\n", argv[0]);
        return 2;
    }
    // Two parts of whole blocks each.
    cout_padded = (cout + 2 * BLOCK - 1) / (2 * BLOCK) * (2 * BLOCK);
    const size_t n = (size_t)cin * cout_padded;
    w_rows = aligned_alloc(64, n * sizeof(float));
    w_blocked = aligned_alloc(64, n * sizeof(float));
    in = malloc(sizeof(float) * cin);
    acc = aligned_alloc(64, sizeof(float) * cout_padded);
    for (int i = 0; i < WAYS; i++) out[i] = malloc(sizeof(float) * cout_padded);
    srand(7);
    for (int r = 0; r < cin; r++) in[r] = (float)rand() / RAND_MAX;
    for (int r = 0; r < cin; r++)
        for (int c = 0; c < cout_padded; c++) {
            const float v = c < cout ? (float)rand() / RAND_MAX - 0.5f : 0.0f;
            w_rows[(size_t)r * cout_padded + c] = v;
            w_blocked[((size_t)(c / LANES) * cin + r) * LANES + c % LANES] = v;
        }
    const size_t evict_bytes = (size_t)40 << 20;
    volatile char *evict = malloc(evict_bytes);
    memset((char *)evict, 1, evict_bytes);

    double *med = calloc((size_t)WAYS * rounds, sizeof(double)), lowest[WAYS];
    double *t = malloc(sizeof(double) * runs);
    for (int i = 0; i < WAYS; i++) lowest[i] = 1e30;
    for (int round = 0; round < rounds; round++)
        for (int way = 0; way < WAYS; way++) {
            for (int k = 0; k < runs; k++) {
                for (size_t i = 0; i < evict_bytes; i += 64) evict[i]++;
                const double t0 = now();
                run(way);
                t[k] = now() - t0;
            }
            qsort(t, runs, sizeof(double), by_value);
            med[way * rounds + round] = t[runs / 2];
            if (t[0] < lowest[way]) lowest[way] = t[0];
        }
    for (int way = 1; way < WAYS; way++)
        if (memcmp(out[way], out[0], sizeof(float) * cout) != 0) {
            fprintf(stderr, "%s: outputs differ from rows'\n", names[way]);
            return 1;
        }
    printf("%d x %d fp32 (%.2f MB of weights), %d rounds x %d runs, weights from memory\n", cin, cout,
           n * 4.0 / (1 << 20), rounds, runs);
    printf("| order | median ms | min ms | GB/s at the median | rows, 2 parts / this |\n|---|---|---|---|---|\n");
    double m[WAYS];
    for (int way = 0; way < WAYS; way++) {
        qsort(med + way * rounds, rounds, sizeof(double), by_value);
        m[way] = med[way * rounds + rounds / 2];
    }
    for (int way = 0; way < WAYS; way++)
        printf("| %s | %.3f | %.3f | %.1f | %.2fx |\n", names[way], m[way] * 1e3, lowest[way] * 1e3,
               n * 4.0 / m[way] / 1e9, m[1] / m[way]);
    return 0;
}
