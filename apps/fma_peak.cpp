// apps/fma_peak.h: the FMA loops, one per ISA, compiled for it with a target attribute and run
// only where this_cpu() says the CPU and its operating system have it.
#include "fma_peak.h"

#include <algorithm>
#include <chrono>
#include <cstdint>

#include "cpu_identity.h"

#if defined(__x86_64__)
#include <immintrin.h>
#elif defined(__aarch64__)
#include <arm_neon.h>
#endif

namespace ghostnet {

namespace {

constexpr int kChains = 12;
constexpr int64_t kIterations = 2000000;  // x 12 FMAs: 0.77 GFLOP on AVX-512, ~5 ms at 170 GFLOP/s

// Seconds `body` takes: one loop of kIterations x kChains FMAs, whose sum it stores in `sink`
// so that the loop cannot be dropped.
template <typename Body>
double time_loop(Body body) {
    const auto t0 = std::chrono::steady_clock::now();
    body();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

volatile float sink;

#if defined(__x86_64__)
__attribute__((target("avx512f"))) void fma_loop_avx512() {
    __m512 acc[kChains];
    for (int i = 0; i < kChains; i++) acc[i] = _mm512_set1_ps(float(i) * 0.001f);
    const __m512 a = _mm512_set1_ps(0.999999f), b = _mm512_set1_ps(1e-7f);
    for (int64_t n = 0; n < kIterations; n++)
        for (int i = 0; i < kChains; i++) acc[i] = _mm512_fmadd_ps(acc[i], a, b);
    __m512 s = acc[0];
    for (int i = 1; i < kChains; i++) s = _mm512_add_ps(s, acc[i]);
    sink = _mm512_reduce_add_ps(s);
}

__attribute__((target("avx2,fma"))) void fma_loop_avx2() {
    __m256 acc[kChains];
    for (int i = 0; i < kChains; i++) acc[i] = _mm256_set1_ps(float(i) * 0.001f);
    const __m256 a = _mm256_set1_ps(0.999999f), b = _mm256_set1_ps(1e-7f);
    for (int64_t n = 0; n < kIterations; n++)
        for (int i = 0; i < kChains; i++) acc[i] = _mm256_fmadd_ps(acc[i], a, b);
    __m256 s = acc[0];
    for (int i = 1; i < kChains; i++) s = _mm256_add_ps(s, acc[i]);
    float lanes[8];
    _mm256_storeu_ps(lanes, s);
    float t = 0.0f;
    for (float v : lanes) t += v;
    sink = t;
}

bool has(const CpuIdentity &cpu, const char *feature) {
    return std::find(cpu.features.begin(), cpu.features.end(), feature) != cpu.features.end();
}
#elif defined(__aarch64__)
void fma_loop_neon() {
    float32x4_t acc[kChains];
    for (int i = 0; i < kChains; i++) acc[i] = vdupq_n_f32(float(i) * 0.001f);
    const float32x4_t a = vdupq_n_f32(0.999999f), b = vdupq_n_f32(1e-7f);
    for (int64_t n = 0; n < kIterations; n++)
        for (int i = 0; i < kChains; i++) acc[i] = vfmaq_f32(b, acc[i], a);
    float32x4_t s = acc[0];
    for (int i = 1; i < kChains; i++) s = vaddq_f32(s, acc[i]);
    sink = vaddvq_f32(s);
}
#endif

// The best of 5 tries of `loop` on `bits`-wide vectors, in GFLOP/s.
template <typename Loop>
double best_gflops(Loop loop, int bits) {
    const double flops = 2.0 * (bits / 32) * double(kChains) * double(kIterations);
    loop();  // warm-up: clocks up, code paged in
    double best = 0.0;
    for (int t = 0; t < 5; t++) best = std::max(best, flops / time_loop(loop) / 1e9);
    return best;
}

}  // namespace

FmaPeak measure_fma_peak(int max_bits) {
    FmaPeak p;
#if defined(__x86_64__)
    const CpuIdentity cpu = this_cpu();
    if (max_bits >= 512 && has(cpu, "avx512f")) {
        p.vector_bits = 512;
        p.isa = "AVX-512";
        p.gflops = best_gflops(fma_loop_avx512, 512);
    } else if (max_bits >= 256 && has(cpu, "avx2") && has(cpu, "fma")) {
        p.vector_bits = 256;
        p.isa = "AVX2+FMA";
        p.gflops = best_gflops(fma_loop_avx2, 256);
    }
#elif defined(__aarch64__)
    (void)max_bits;
    p.vector_bits = 128;
    p.isa = "NEON";
    p.gflops = best_gflops(fma_loop_neon, 128);
#else
    (void)max_bits;
#endif
    return p;
}

}  // namespace ghostnet
