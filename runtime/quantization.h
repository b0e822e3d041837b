// q8: the 8-bit integer scheme, in plain C++.
//
//   weights      int8, symmetric, one scale per output channel: w = s_w[co] * q, q in [-127, 127]
//   activations  uint8, one scale and zero point per activation point: x = s * (q - z)
//   accumulator  int32: bias (in units of s_in * s_w[co]) + sum q_w * (q_in - z_in)
//   requantize   the accumulator times the real multiplier M = s_in * s_w[co] / s_out, on
//                16-bit lanes (requantize16: a Q15 multiplier and a shift), plus the output
//                zero point, clamped to [lowest, highest] (ReLU is a clamp at the zero point);
//                the squeeze-excite gate, which needs 16 bits of result, in 32 bits (a Q31
//                multiplier: requantize)
//
// After calibration everything is integer, so every target gives the same bytes. The
// generators (generators/tensor.h) state this arithmetic with Halide's intrinsics; the
// functions here state it in C++ for the runtime, the references and the tests, and the tests
// hold the two equal. Rounding follows Halide's intrinsics: ties go toward +infinity (gemmlowp
// rounds them away from zero; the two differ only on exact negative ties).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "ghostnet_arch.h"
#include "safetensors.h"
#include "weights.h"

namespace ghostnet {
namespace q8 {

// Halide's rounding_shift_right on int32 for b >= 0: (a + 2^(b-1)) >> b in 64 bits.
int32_t rounding_shift_right(int32_t a, int b);

// a << b for b >= 0, with a first clamped to [INT32_MIN >> b, INT32_MAX >> b] so nothing
// wraps (Halide's shifts wrap; this is the form both sides compute).
int32_t clamped_shift_left(int32_t a, int b);

// Halide's rounding_mul_shift_right(a, b, 31): the rounding doubling high multiply,
// (a * b + 2^30) >> 31 in 64 bits, saturated to int32.
int32_t rounding_mul_shift_right31(int32_t a, int32_t b);

// acc * M for M = multiplier * 2^-31 * 2^-shift: a clamped left shift first when shift < 0
// (keeps precision for M >= 1), the Q31 multiply, then a rounding right shift when shift > 0.
int32_t requantize(int32_t acc, int32_t multiplier, int32_t shift);

struct Multiplier {
    int32_t multiplier = 0;  // in [2^30, 2^31), or 0 for M == 0
    int32_t shift = 0;       // in [-30, 31]
};
// Throws Error when `real` is negative, not finite or >= 2^30.
Multiplier quantize_multiplier(double real);

// The activation form, on 16-bit lanes: no 64-bit product, and SIMD units take 32 (AVX-512),
// 8 (NEON) or 64 (HVX) lanes at once. For M = multiplier * 2^-(15 + kQ8RequantFracBits + shift):
//   left = max(-shift, 0), right = max(shift, 0), half = 2^right / 2 (0 when right == 0)
//   t = sat16(rounding_shift_right(clamp(acc, INT32_MIN >> left, (INT32_MAX >> left) - half)
//                                  << left, right))
// (the clamp keeps both the shift left and the rounding's addend inside int32, so SIMD units
// round with one add and one shift; it moves t only for |acc| within 2^(right-1) of 2^31,
// where t is saturated or right >= 17)
//   scale16(acc) = rounding_mul_shift_right15(t, multiplier)   acc * M in units of
//                                                               2^-kQ8RequantFracBits
//   requantize16(acc) = rounding_shift_right(scale16(acc), kQ8RequantFracBits)
// t keeps kQ8RequantFracBits bits below the result's last one, so the first two roundings
// add at most 2^-kQ8RequantFracBits of a unit to the last one's half unit; results saturate
// (t at int16) somewhere in |acc * M| in [256, 512), past what a uint8 output can differ from
// its zero point.
// (t * b + 2^14) >> 15 for int16 t and b in [0, 2^15): Halide's rounding_mul_shift_right(t, b,
// 15) (x86 pmulhrsw, ARM sqrdmulh).
int32_t rounding_mul_shift_right15(int32_t t, int32_t b);
int32_t saturate16(int64_t v);
int32_t scale16(int32_t acc, int32_t multiplier, int32_t shift);
int32_t requantize16(int32_t acc, int32_t multiplier, int32_t shift);
struct Multiplier16 {
    int32_t multiplier = 0;  // in [2^14, 2^15), or 0 for M == 0
    int32_t shift = 0;       // in [-15, 31]
};
// Throws Error when `real` is negative, not finite or >= 2^(15 - kQ8RequantFracBits).
Multiplier16 quantize_multiplier16(double real);

struct ActQuant {
    float scale = 1.0f;
    int32_t zero_point = 0;
};

// The scale and zero point that map [lo, hi] (widened to hold 0) onto [0, 255] with 0 exact.
ActQuant choose_act_quant(float lo, float hi);
// x / scale rounded half to even, plus the zero point, saturated to [0, 255] (NaN: 0). The batch form
// (the network's input) gives the same bytes, vectorized.
uint8_t quantize(float x, const ActQuant &q);
void quantize(const float *x, size_t n, const ActQuant &q, uint8_t *out);
inline float dequantize(uint8_t v, const ActQuant &q) { return q.scale * (int32_t(v) - q.zero_point); }

// Integer ops shared by the runtime and the references.
// The residual add: params as in ghostnet_arch.h's q8 layout. Each operand minus its zero
// point is scale16'd to the output scale (under a left shift, first clamped to what int16 holds
// after it, [-2^15 >> left, (2^15 - 1) >> left]: a saturated operand is the largest multiple of
// 2^left, as 16-bit lanes shift it), the two summed with int16 saturation, then one rounding:
// clamp(rounding_shift_right(sat16(a + b), kQ8RequantFracBits) + zero point, 0, 255).
uint8_t add(uint8_t residual, uint8_t shortcut, const int32_t *params);
// Squeeze-excite: the gated value, same scale and zero point as the input.
uint8_t gate(uint8_t v, int32_t zero_point, int32_t gate_q15);
// GhostNetV2's DFC attention: the Q15 gate round(2^15 * sigmoid(s * (q - z))) for each uint8 q
// of an activation with scale s and zero point z (kQ8SigmoidTable values in [0, 2^15]).
std::vector<int32_t> sigmoid_table(const ActQuant &q);
// The average of `count` uint8 values that sum to `sum`, rounded half up.
inline uint8_t average(uint32_t sum, uint32_t count) { return uint8_t((sum + count / 2) / count); }

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
};

// Quantizes one folded conv whose input has scale `input_scale`.
QuantizedConv quantize_conv(const ConvSpec &conv, const FoldedConv &folded, float input_scale);

// Folds and quantizes a float checkpoint with the activation quantization of every point of
// spec.activation_points() (missing points throw Error naming them).
QuantizedNetwork quantize_network(const NetworkSpec &spec, const TensorMap &tensors,
                                  const std::string &source,
                                  const std::map<std::string, ActQuant> &acts);

// The q8 model file (safetensors): for a conv whose weight is "<p>.weight",
//   "<p>.weight" I8 (PyTorch shape), "<p>.weight_scale" F32 [cout], "<p>.bias" I32 [cout];
// for each activation point a, "act.<a>.scale" F32 [1] and "act.<a>.zero_point" I32 [1];
// metadata "format": "ghostnet-q8", "format_version": "1", plus what the caller adds.
constexpr const char *kFormat = "ghostnet-q8";
void write_model(const std::string &path, const NetworkSpec &spec, const QuantizedNetwork &net,
                 std::map<std::string, std::string> metadata);
bool is_q8_file(const SafetensorsFile &file);
// Checks every tensor against `spec` (names, dtypes, shapes, finite positive scales, zero
// points in [0, 255]); Error names the file and tensor at fault.
QuantizedNetwork read_model(const NetworkSpec &spec, const SafetensorsFile &file);

// What a q8 pipeline reads, packed per the q8 layout of ghostnet_arch.h.
struct PackedQ8 {
    std::vector<int8_t> weights;   // spec.packed_size
    std::vector<int32_t> params;   // spec.q_params_size
    ActQuant input;
    std::vector<float> logit_scale;  // logits = int32 output * logit_scale[k]
};

// One conv's int8 weights in the q8 layout, from `dst` on: grouped by kQ8Group input
// channels when `grouped` (only for conv.q8_grouped()), else the fp32 layout.
void pack_conv_weights(const ConvSpec &conv, const QuantizedConv &q, bool grouped, int8_t *dst);
// One conv's conv.q_params_count() parameters, from `dst` on, for weights packed `grouped`
// or not (grouped ones also get the bias for int8 input products; `grouped` needs
// conv.q8_grouped()). `out` is null for the logits.
void pack_conv_params(const ConvSpec &conv, const QuantizedConv &q, bool grouped,
                      const ActQuant &in, const ActQuant *out, int32_t *dst);
// Packs one conv as a network does: weights at conv.weight_offset (grouped when
// conv.q8_grouped()), parameters at conv.q_params_offset.
void pack_conv(const ConvSpec &conv, const QuantizedConv &q, const ActQuant &in,
               const ActQuant *out, PackedQ8 *packed);
// Packs one residual add's parameters (at block.q_add_offset).
void pack_add(const BottleneckSpec &block, const ActQuant &residual, const ActQuant &shortcut,
              const ActQuant &out, PackedQ8 *packed);
// Packs one DFC attention's sigmoid table (at g.q_sigmoid_offset) for its dfc_column output
// quantization `column`.
void pack_sigmoid_table(const GhostModuleSpec &g, const ActQuant &column, PackedQ8 *packed);
PackedQ8 pack_network(const NetworkSpec &spec, const QuantizedNetwork &net);

// What the ghost_module_q8 generator's library takes for one Ghost module (plug-and-play):
// weights in the fp32 layouts (its shapes are runtime values), each conv's parameters in the
// q8 layout. `in` and `out` are the module's input and output activation quantization (the
// cheap op reads and writes `out`).
struct PackedGhostModuleQ8 {
    std::vector<int8_t> primary_weights, cheap_weights;
    std::vector<int32_t> primary_params, cheap_params;
};
PackedGhostModuleQ8 pack_ghost_module(const GhostModuleSpec &g, const QuantizedConv &primary,
                                      const QuantizedConv &cheap, const ActQuant &in,
                                      const ActQuant &out);

}  // namespace q8
}  // namespace ghostnet
