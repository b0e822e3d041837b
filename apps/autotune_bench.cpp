// The benchmark ghostnet-autotune's runtime backend links around every candidate (the default
// on this machine, apps/autotune/benchmark.h): the candidate library run the way an
// application runs it, through this project's runtime (Model::run from a float input, q8
// quantizing it; runtime/thread_pool.h's threads), on the autotuner's random network
// (autotune_network.h). Unlike Halide's RunGen, the weights are a real network's packed
// weights and the threads are the ones ghostnet-bench and the apps use.
//
// Compiled once per work folder with -DGHOSTNET_PIPELINE="<network name>" (and -DGHOSTNET_Q8
// for a q8 network); each candidate is linked with -Wl,--defsym=ghostnet_candidate=<function>.
//   bench RUNS THREADS   as autotune_bench_main.h says, then "cpu: <the CPU it ran on, as
//                        runtime/cpu_identity.h writes it>" (the kept record's CPU).
#include <HalideRuntime.h>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <vector>

#include "autotune_bench_main.h"
#include "autotune_network.h"
#include "cpu_identity.h"
#include "model.h"

#ifdef GHOSTNET_Q8
extern "C" int ghostnet_candidate(halide_buffer_t *input, halide_buffer_t *weights, halide_buffer_t *params,
                                  halide_buffer_t *logits);
#else
extern "C" int ghostnet_candidate(halide_buffer_t *input, halide_buffer_t *weights, halide_buffer_t *logits);
#endif

int main(int argc, char **argv) {
    using namespace ghostnet;
    auto prepare = [](int threads) -> std::function<void()> {
        auto n = std::make_shared<autotune::RandomNetwork>(autotune::random_network(GHOSTNET_PIPELINE));
#ifdef GHOSTNET_Q8
        auto model = std::make_shared<const Model>(n->spec, std::move(n->packed_q8), ghostnet_candidate);
#else
        auto model = std::make_shared<const Model>(n->spec, std::move(n->packed), ghostnet_candidate);
#endif
        set_num_threads(threads);
        return [n, model] {
            if (model->run(n->input.data(), n->input.size()).empty()) throw std::runtime_error("no logits");
        };
    };
    return autotune::benchmark_main(argc, argv, prepare,
                                    [] { std::printf("cpu: %s\n", this_cpu().to_json().c_str()); });
}
