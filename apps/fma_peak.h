// One core's fp32 multiply-add peak, measured: what "percent of the FMA peak" in
// docs/performance.md is a percent of. A loop of independent fused multiply-adds (12 chains,
// more than the FMA latency times the FMA pipes of any core here needs) on the widest vectors
// this CPU and its operating system run: AVX-512 or AVX2 + FMA on x86-64, NEON on AArch64.
#pragma once

namespace ghostnet {

struct FmaPeak {
    double gflops = 0.0;  // 2 flops per lane per FMA; 0 when nothing could be measured
    int vector_bits = 0;  // 512, 256, 128
    const char *isa = "";  // "AVX-512", "AVX2+FMA", "NEON", or "" (none measured)
};

// On the calling thread, the best of 5 tries of a few ms each (the peak: a busy neighbour only
// lowers a try). `max_bits` caps the vector width, e.g. 256 for the AVX2 code a pipeline's
// dispatch took where AVX-512 was refused.
FmaPeak measure_fma_peak(int max_bits = 512);

}  // namespace ghostnet
