// The benchmark ghostnet-autotune's runtime backend links around every candidate (the default
// on this machine, apps/autotune/benchmark.h): the candidate library run the way an
// application runs it, through this project's runtime (Model::run from a float input, q8
// quantizing it; runtime/thread_pool.h's threads), on the autotuner's random network
// (autotune_network.h). Unlike Halide's RunGen, the weights are a real network's packed
// weights and the threads are the ones ghostnet-bench and the apps use.
//
// Compiled once per work folder with -DGHOSTNET_PIPELINE="<network name>" (and -DGHOSTNET_Q8
// for a q8 network); each candidate is linked with -Wl,--defsym=ghostnet_candidate=<function>.
//   bench RUNS THREADS   prints "runtime benchmark: median <ns> ns/run, min <ns> ns/run over
//                        RUNS runs, THREADS threads", then "cpu: <the CPU it ran on, as
//                        runtime/cpu_identity.h writes it>" (the kept record's CPU); exit 1
//                        (and the reason) on failure.
#include <HalideRuntime.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "autotune_network.h"
#include "cpu_identity.h"
#include "model.h"
#include "timing.h"

#ifdef GHOSTNET_Q8
extern "C" int ghostnet_candidate(halide_buffer_t *input, halide_buffer_t *weights, halide_buffer_t *params,
                                  halide_buffer_t *logits);
#else
extern "C" int ghostnet_candidate(halide_buffer_t *input, halide_buffer_t *weights, halide_buffer_t *logits);
#endif

int main(int argc, char **argv) {
    using namespace ghostnet;
    const int runs = argc > 1 ? std::atoi(argv[1]) : 0;
    const int threads = argc > 2 ? std::atoi(argv[2]) : -1;
    if (argc != 3 || runs < 1 || threads < 0) {
        std::fprintf(stderr, "usage: %s RUNS THREADS (RUNS >= 1; THREADS 0 for one per core)\n", argv[0]);
        return 2;
    }
    try {
        autotune::RandomNetwork n = autotune::random_network(GHOSTNET_PIPELINE);
#ifdef GHOSTNET_Q8
        const Model model(n.spec, std::move(n.packed_q8), ghostnet_candidate);
#else
        const Model model(n.spec, std::move(n.packed), ghostnet_candidate);
#endif
        set_num_threads(threads);
        const int warmup = std::max(3, runs / 10);
        std::vector<double> ns;
        for (int i = 0; i < warmup + runs; i++) {
            const auto t0 = std::chrono::steady_clock::now();
            const std::vector<float> logits = model.run(n.input.data(), n.input.size());
            const auto t1 = std::chrono::steady_clock::now();
            if (logits.empty()) throw std::runtime_error("no logits");
            if (i >= warmup) ns.push_back(std::chrono::duration<double, std::nano>(t1 - t0).count());
        }
        const Timing t = summarize(ns);
        std::printf("runtime benchmark: median %.0f ns/run, min %.0f ns/run over %d runs, %d threads\n", t.median,
                    t.min, runs, threads);
        std::printf("cpu: %s\n", this_cpu().to_json().c_str());
        return 0;
    } catch (const std::exception &e) {
        std::printf("runtime benchmark: %s\n", e.what());
        return 1;
    }
}
