// The benchmark ghostnet-autotune --layer-groups links around every layer-group candidate
// (ghostnet-generate --group W; runtime/layer_group.h) on this machine: the group run on the
// autotuner's random network (autotune_network.h: its packed weights, and q8 parameters as the
// quantizer makes them) and a random map of the group's input shape, with the runtime's hooks
// (runtime/pipeline_call.h: its thread pool and its allocator's cache) and denormals flushed
// (runtime/float_env.h), as apps/autotune_bench.cpp runs the whole network through Model.
//
// Compiled once per work folder with -DGHOSTNET_PIPELINE="<network name>",
// -DGHOSTNET_GROUP=<width> (and -DGHOSTNET_Q8 for a q8 network); each candidate is linked with
// -Wl,--defsym=ghostnet_candidate=<function>.
//   bench RUNS THREADS   as autotune_bench_main.h says.
#include <HalideBuffer.h>
#include <HalideRuntime.h>

#include <memory>
#include <random>
#include <stdexcept>
#include <string>

#include "autotune_bench_main.h"
#include "autotune_network.h"
#include "float_env.h"
#include "layer_group.h"
#include "pipeline_call.h"
#include "thread_pool.h"

#ifdef GHOSTNET_Q8
using Act = uint8_t;
extern "C" int ghostnet_candidate(halide_buffer_t *input, halide_buffer_t *weights, halide_buffer_t *params,
                                  halide_buffer_t *output);
#else
using Act = float;
extern "C" int ghostnet_candidate(halide_buffer_t *input, halide_buffer_t *weights, halide_buffer_t *output);
#endif

namespace {

using Halide::Runtime::Buffer;

// What the runs read and write, kept alive by the run.
struct Buffers {
    ghostnet::autotune::RandomNetwork n;
    Buffer<Act, 3> input, output;
#ifdef GHOSTNET_Q8
    Buffer<int8_t, 1> weights;
    Buffer<int32_t, 1> params;
#else
    Buffer<float, 1> weights;
#endif
};

int call(Buffers &b) {
#ifdef GHOSTNET_Q8
    return ghostnet_candidate(b.input, b.weights, b.params, b.output);
#else
    return ghostnet_candidate(b.input, b.weights, b.output);
#endif
}

}  // namespace

int main(int argc, char **argv) {
    using namespace ghostnet;
    auto prepare = [](int threads) -> std::function<void()> {
        auto b = std::make_shared<Buffers>();
        b->n = autotune::random_network(GHOSTNET_PIPELINE);
        const LayerGroup g = layer_group(b->n.spec, GHOSTNET_GROUP);
        b->output = Buffer<Act, 3>(g.out_c, g.out_w, g.out_h);
#ifdef GHOSTNET_Q8
        b->weights = Buffer<int8_t, 1>(b->n.packed_q8.weights.data(), int(b->n.packed_q8.weights.size()));
        b->params = Buffer<int32_t, 1>(b->n.packed_q8.params.data(), int(b->n.packed_q8.params.size()));
#else
        b->weights = Buffer<float, 1>(b->n.packed.data(), int(b->n.packed.size()));
#endif
        // The input as large as the candidate reads it (a bounds query): a register tile that
        // does not divide the width makes a few pixels past the row's end, and so reads past the
        // group's input, which in the whole network is a stage made as far as it is read.
        b->input = g.stem ? Buffer<Act, 3>(nullptr, g.in_w, g.in_h, g.in_c)
                          : Buffer<Act, 3>(nullptr, g.stored_in_c(), g.in_w, g.in_h);
        if (call(*b) != 0) throw std::runtime_error("the layer group's bounds query failed");
        b->input.allocate();
        // Random values: 0..255 for q8's uint8 maps, 0..1 for fp32.
        std::mt19937 rng(61);
        std::uniform_int_distribution<int> byte(0, 255);
        b->input.for_each_value([&](Act &v) { v = Act(byte(rng)) / Act(sizeof(Act) == 1 ? 1 : 255); });
        install_pipeline_hooks();
        set_thread_pool_threads(threads);
        return [b] {
            const DenormalsFlushed flushed;  // as the runtime runs a whole network (float_env.h)
            const int rc = call(*b);
            if (rc != 0)
                throw std::runtime_error("the layer group's pipeline failed (Halide error " + std::to_string(rc) + ")");
        };
    };
    return autotune::benchmark_main(argc, argv, prepare);
}
