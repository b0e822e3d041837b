// The correctness check ghostnet-autotune compiles around every candidate it tunes: the
// candidate library and the same network with the hand schedule (both emitted by
// ghostnet-generate), run on random weights and a random input (autotune_network.h); fp32
// logits must agree within float rounding, q8 logits (integers) exactly.
// Built by the tool with -DGHOSTNET_CANDIDATE=<function> -DGHOSTNET_PIPELINE="<network name>"
// (and -DGHOSTNET_Q8 for a q8 network); prints one line and exits 0 when they agree, 1 when
// they do not.
#include <HalideBuffer.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "autotune_network.h"
#include "model.h"

#ifdef GHOSTNET_Q8
extern "C" int GHOSTNET_CANDIDATE(halide_buffer_t *input, halide_buffer_t *weights, halide_buffer_t *params,
                                  halide_buffer_t *logits);
extern "C" int hand_schedule(halide_buffer_t *input, halide_buffer_t *weights, halide_buffer_t *params,
                             halide_buffer_t *logits);
#else
extern "C" int GHOSTNET_CANDIDATE(halide_buffer_t *input, halide_buffer_t *weights, halide_buffer_t *logits);
extern "C" int hand_schedule(halide_buffer_t *input, halide_buffer_t *weights, halide_buffer_t *logits);
#endif

int main() {
    using namespace ghostnet;
    try {
        const autotune::RandomNetwork n = autotune::random_network(GHOSTNET_PIPELINE);
#ifdef GHOSTNET_Q8
        const std::vector<int32_t> want = Model(n.spec, n.packed_q8, hand_schedule).run_q8(n.input_q8.data(), n.input_q8.size());
        const std::vector<int32_t> got =
            Model(n.spec, n.packed_q8, GHOSTNET_CANDIDATE).run_q8(n.input_q8.data(), n.input_q8.size());
        for (size_t i = 0; i < want.size(); i++)
            if (got[i] != want[i]) {
                std::printf("check: wrong logits: %d != %d at logit %zu (hand schedule's value second; q8 must match exactly)\n",
                            got[i], want[i], i);
                return 1;
            }
        std::printf("check: q8 logits equal the hand schedule's\n");
        return 0;
#else
        const std::vector<float> want = Model(n.spec, n.packed, hand_schedule).run(n.input.data(), n.input.size());
        const std::vector<float> got = Model(n.spec, n.packed, GHOSTNET_CANDIDATE).run(n.input.data(), n.input.size());
        double worst = 0, sq = 0;
        size_t at = 0;
        for (size_t i = 0; i < want.size(); i++) {
            sq += double(want[i]) * want[i];
            const double e = std::fabs(double(got[i]) - want[i]);
            if (!(e <= worst)) worst = e, at = i;
        }
        // Both are float32 pipelines over the same sums in different orders.
        const double tolerance = 1e-3 * std::max(1.0, std::sqrt(sq / want.size()));
        if (!(worst <= tolerance)) {
            std::printf("check: wrong logits: |%g - %g| = %g at logit %zu (hand schedule's value second; tolerance %g)\n",
                        got[at], want[at], worst, at, tolerance);
            return 1;
        }
        std::printf("check: logits agree with the hand schedule's (max difference %g)\n", worst);
        return 0;
#endif
    } catch (const std::exception &e) {
        std::printf("check: %s\n", e.what());
        return 1;
    }
}
