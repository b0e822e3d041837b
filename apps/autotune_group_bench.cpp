// The benchmark ghostnet-autotune --layer-groups links around every layer-group candidate
// (ghostnet-generate --group W; runtime/layer_group.h) on this machine: the group run on the
// autotuner's random network (autotune_network.h: its packed weights, and q8 parameters as the
// quantizer makes them) and a random map of the group's input shape, on this project's thread
// pool (runtime/thread_pool.h), as apps/autotune_bench.cpp runs the whole network.
//
// Compiled once per work folder with -DGHOSTNET_PIPELINE="<network name>",
// -DGHOSTNET_GROUP=<width> (and -DGHOSTNET_Q8 for a q8 network); each candidate is linked with
// -Wl,--defsym=ghostnet_candidate=<function>.
//   bench RUNS THREADS   prints "runtime benchmark: median <ns> ns/run, min <ns> ns/run over
//                        RUNS runs, THREADS threads" as autotune_bench.cpp does; exit 1 (and
//                        the reason) on failure.
#include <HalideBuffer.h>
#include <HalideRuntime.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <stdexcept>
#include <vector>

#include "autotune_network.h"
#include "layer_group.h"
#include "thread_pool.h"
#include "timing.h"

#ifdef GHOSTNET_Q8
using Act = uint8_t;
extern "C" int ghostnet_candidate(halide_buffer_t *input, halide_buffer_t *weights, halide_buffer_t *params,
                                  halide_buffer_t *output);
#else
using Act = float;
extern "C" int ghostnet_candidate(halide_buffer_t *input, halide_buffer_t *weights, halide_buffer_t *output);
#endif

int main(int argc, char **argv) {
    using namespace ghostnet;
    using Halide::Runtime::Buffer;
    const int runs = argc > 1 ? std::atoi(argv[1]) : 0;
    const int threads = argc > 2 ? std::atoi(argv[2]) : -1;
    if (argc != 3 || runs < 1 || threads < 0) {
        std::fprintf(stderr, "usage: %s RUNS THREADS (RUNS >= 1; THREADS 0 for one per core)\n", argv[0]);
        return 2;
    }
    try {
        autotune::RandomNetwork n = autotune::random_network(GHOSTNET_PIPELINE);
        const LayerGroup g = layer_group(n.spec, GHOSTNET_GROUP);
        Buffer<Act, 3> input = g.stem ? Buffer<Act, 3>(g.in_w, g.in_h, g.in_c)
                                      : Buffer<Act, 3>(g.stored_in_c(), g.in_w, g.in_h);
        std::mt19937 rng(61);
        std::uniform_int_distribution<int> byte(0, 255);
        input.for_each_value([&](Act &v) { v = Act(byte(rng)) / Act(sizeof(Act) == 1 ? 1 : 255); });
        Buffer<Act, 3> output(g.out_c, g.out_w, g.out_h);
#ifdef GHOSTNET_Q8
        Buffer<int8_t, 1> weights(n.packed_q8.weights.data(), int(n.packed_q8.weights.size()));
        Buffer<int32_t, 1> params(n.packed_q8.params.data(), int(n.packed_q8.params.size()));
        auto run = [&] { return ghostnet_candidate(input, weights, params, output); };
#else
        Buffer<float, 1> weights(n.packed.data(), int(n.packed.size()));
        auto run = [&] { return ghostnet_candidate(input, weights, output); };
#endif
        install_thread_pool();
        set_thread_pool_threads(threads);
        const int warmup = std::max(3, runs / 10);
        std::vector<double> ns;
        for (int i = 0; i < warmup + runs; i++) {
            const auto t0 = std::chrono::steady_clock::now();
            const int rc = run();
            const auto t1 = std::chrono::steady_clock::now();
            if (rc != 0) throw std::runtime_error("the layer group's pipeline failed (Halide error " + std::to_string(rc) + ")");
            if (i >= warmup) ns.push_back(std::chrono::duration<double, std::nano>(t1 - t0).count());
        }
        const Timing t = summarize(ns);
        std::printf("runtime benchmark: median %.0f ns/run, min %.0f ns/run over %d runs, %d threads\n", t.median,
                    t.min, runs, threads);
        return 0;
    } catch (const std::exception &e) {
        std::printf("runtime benchmark: %s\n", e.what());
        return 1;
    }
}
