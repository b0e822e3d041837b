// q8: a float checkpoint quantized (int8 weights, per-channel scales, int32 biases) with the
// activation quantization calibration chose (calibration.h). The arithmetic: q8_arithmetic.h;
// the q8 model file: q8_model_file.h; packing for a pipeline: q8_pack.h.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "ghostnet_arch.h"
#include "q8_arithmetic.h"
#include "weights.h"

namespace ghostnet {
namespace q8 {

// One conv quantized: int8 weights in PyTorch layout, per-output-channel scales, int32 bias in
// units of input scale * weight scale.
struct QuantizedConv {
    std::vector<int8_t> weight;
    std::vector<float> weight_scale;
    std::vector<int32_t> bias;
};

// A q8 model: what ghostnet-quantize writes and Model::load reads.
struct QuantizedNetwork {
    std::map<std::string, ActQuant> acts;         // by activation point
    std::map<std::string, QuantizedConv> convs;   // by ConvSpec::weight
    // The bits of every grouped conv's weights (ConvSpec::q8_grouped): 8 (|w| <= 127), or 7
    // (|w| <= kQ8PairWeightLimit, runtime/q8_layout.h), which lets x86 without VNNI add their
    // products in int16 pairs (pmaddubsw) for the same bytes. Other convs keep 8.
    int grouped_weight_bits = 8;
};

// Quantizes one folded conv whose input has scale `input_scale`, its weights to `weight_bits`
// (symmetric, per output channel: scale = max |w| / weight_limit(weight_bits), q8_layout.h).
QuantizedConv quantize_conv(const ConvSpec &conv, const FoldedConv &folded, float input_scale,
                            int weight_bits = 8);

// Folds and quantizes a float checkpoint with the activation quantization of every point of
// spec.activation_points() (missing points throw Error naming them), grouped convs' weights to
// `grouped_weight_bits`.
QuantizedNetwork quantize_network(const NetworkSpec &spec, const TensorMap &tensors,
                                  const std::string &source,
                                  const std::map<std::string, ActQuant> &acts,
                                  int grouped_weight_bits = 8);

}  // namespace q8
}  // namespace ghostnet
