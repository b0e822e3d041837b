// Building a q8 network from a float checkpoint in a test: calibrate on some inputs, quantize.
// Shared by test_q8 (the x86 pipeline against the integer reference) and test_hexagon (the HVX
// pipeline against the x86 one).
#pragma once

#include <vector>

#include "calibration.h"
#include "quantization.h"

namespace ghostnet {
namespace test {

// Calibrates `ckpt` on `inputs` (batch-1 NCHW images) and quantizes it, grouped convs'
// weights to `grouped_weight_bits`.
inline q8::QuantizedNetwork calibrate(const NetworkSpec &spec, const TensorMap &ckpt,
                                      const std::vector<std::vector<float>> &inputs, double percentile,
                                      int grouped_weight_bits = 8) {
    Calibrator cal(spec, ckpt, "checkpoint", percentile);
    for (const auto &x : inputs) cal.observe(x.data());
    return q8::quantize_network(spec, ckpt, "checkpoint", cal.act_quant(), grouped_weight_bits);
}

}  // namespace test
}  // namespace ghostnet
