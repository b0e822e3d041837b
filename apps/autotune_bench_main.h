// What the runtime benchmarks ghostnet-autotune links around a candidate share
// (autotune_bench.cpp: a whole network; autotune_group_bench.cpp: a layer group): the command
// line, the warm-up, the timed runs and the line the tuner reads (apps/autotune/benchmark.cpp).
//   bench RUNS THREADS   prints "runtime benchmark: median <ns> ns/run, min <ns> ns/run over
//                        RUNS runs, THREADS threads"; exit 1 (and the reason) on failure.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <vector>

#include "timing.h"

namespace ghostnet {
namespace autotune {

// `prepare(threads)` makes what the runs need and returns one run (which throws on failure);
// `after()`, when given, prints more lines after the timing. Returns main's exit status.
inline int benchmark_main(int argc, char **argv, const std::function<std::function<void()>(int threads)> &prepare,
                          const std::function<void()> &after = {}) {
    const int runs = argc > 1 ? std::atoi(argv[1]) : 0;
    const int threads = argc > 2 ? std::atoi(argv[2]) : -1;
    if (argc != 3 || runs < 1 || threads < 0) {
        std::fprintf(stderr, "usage: %s RUNS THREADS (RUNS >= 1; THREADS 0 for one per core)\n", argv[0]);
        return 2;
    }
    try {
        const std::function<void()> run = prepare(threads);
        const int warmup = std::max(3, runs / 10);
        std::vector<double> ns;
        for (int i = 0; i < warmup + runs; i++) {
            const auto t0 = std::chrono::steady_clock::now();
            run();
            const auto t1 = std::chrono::steady_clock::now();
            if (i >= warmup) ns.push_back(std::chrono::duration<double, std::nano>(t1 - t0).count());
        }
        const Timing t = summarize(ns);
        std::printf("runtime benchmark: median %.0f ns/run, min %.0f ns/run over %d runs, %d threads\n", t.median,
                    t.min, runs, threads);
        if (after) after();
        return 0;
    } catch (const std::exception &e) {
        std::printf("runtime benchmark: %s\n", e.what());
        return 1;
    }
}

}  // namespace autotune
}  // namespace ghostnet
