// The correctness check ghostnet-autotune compiles around every candidate it tunes: the
// candidate library and the same network with the hand schedule (both emitted by
// ghostnet-generate), run on random weights and a random input; the logits must agree.
// Built by the tool with -DGHOSTNET_CANDIDATE=<function> -DGHOSTNET_PIPELINE="<network name>";
// prints one line and exits 0 when they agree, 1 when they do not.
#include <HalideBuffer.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

#include "model.h"
#include "weights.h"

extern "C" int GHOSTNET_CANDIDATE(halide_buffer_t *input, halide_buffer_t *weights, halide_buffer_t *logits);
extern "C" int hand_schedule(halide_buffer_t *input, halide_buffer_t *weights, halide_buffer_t *logits);

int main() {
    using namespace ghostnet;
    try {
        NetworkConfig cfg;
        bool q8 = false;
        if (!parse_network_name(GHOSTNET_PIPELINE, &cfg, &q8) || q8) {
            std::printf("check: %s is not an fp32 network name\n", GHOSTNET_PIPELINE);
            return 1;
        }
        const NetworkSpec spec = make_ghostnet_spec(cfg);
        const std::vector<float> packed = pack_network(spec, random_checkpoint(spec.tensors(), 53), "random");
        std::mt19937 rng(59);
        std::normal_distribution<float> normal(0.0f, 1.0f);
        std::vector<float> input(size_t(cfg.in_channels) * cfg.input_size * cfg.input_size);
        for (float &x : input) x = normal(rng);

        const std::vector<float> want = Model(spec, packed, hand_schedule).run(input.data(), input.size());
        const std::vector<float> got = Model(spec, packed, GHOSTNET_CANDIDATE).run(input.data(), input.size());
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
    } catch (const std::exception &e) {
        std::printf("check: %s\n", e.what());
        return 1;
    }
}
