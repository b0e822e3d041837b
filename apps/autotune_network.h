// The network ghostnet-autotune's helper programs run a candidate on: the pipeline's
// architecture with random weights and one random input, fp32 or q8 (calibrated on that input
// and quantized as ghostnet-quantize does). Fixed seeds: every candidate of a run, and the
// hand schedule it is checked against, see the same numbers.
#pragma once

#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "calibration.h"
#include "ghostnet_arch.h"
#include "q8_pack.h"
#include "quantization.h"
#include "weights.h"

namespace ghostnet {
namespace autotune {

struct RandomNetwork {
    NetworkSpec spec;
    bool q8 = false;
    std::vector<float> input;      // (x, y, c) planar, normal(0, 1)
    std::vector<float> packed;     // fp32 weights
    q8::PackedQ8 packed_q8;        // q8 only
    std::vector<uint8_t> input_q8; // q8 only: the input quantized
};

inline RandomNetwork random_network(const std::string &pipeline) {
    RandomNetwork n;
    NetworkConfig cfg;
    if (!parse_network_name(pipeline, &cfg, &n.q8)) throw std::runtime_error(pipeline + " is not a network name");
    n.spec = make_ghostnet_spec(cfg);
    const TensorMap ckpt = random_checkpoint(n.spec.tensors(), 53);
    std::mt19937 rng(59);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    n.input.resize(size_t(cfg.in_channels) * cfg.input_size * cfg.input_size);
    for (float &x : n.input) x = normal(rng);
    if (!n.q8) {
        n.packed = pack_network(n.spec, ckpt, "random");
        return n;
    }
    Calibrator cal(n.spec, ckpt, "random");
    cal.observe(n.input.data());
    n.packed_q8 = q8::pack_network(n.spec, q8::quantize_network(n.spec, ckpt, "random", cal.act_quant()));
    n.input_q8.resize(n.input.size());
    q8::quantize(n.input.data(), n.input.size(), n.packed_q8.input, n.input_q8.data());
    return n;
}

}  // namespace autotune
}  // namespace ghostnet
