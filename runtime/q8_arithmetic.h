// q8: the 8-bit integer scheme, in plain C++: its arithmetic. (Quantizing a checkpoint:
// quantization.h; the q8 model file: q8_model_file.h; what a pipeline reads: q8_pack.h, laid
// out as q8_layout.h says.)
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

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "ghostnet_arch.h"

namespace ghostnet {
namespace q8 {

// v clamped to int32.
int32_t saturate32(int64_t v);

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
// The residual add: params as runtime/q8_layout.h lays them out (q8_layout::AddParam), as
// add_params makes them. Each operand minus its zero point is scale16'd to the output scale (under a left shift, first clamped to what int16 holds
// after it, [-2^15 >> left, (2^15 - 1) >> left]: a saturated operand is the largest multiple of
// 2^left, as 16-bit lanes shift it), the two summed with int16 saturation, then one rounding:
// clamp(rounding_shift_right(sat16(a + b), kQ8RequantFracBits) + zero point, 0, 255).
uint8_t add(uint8_t residual, uint8_t shortcut, const int32_t *params);
// A residual add's parameters: its operands' and output's zero points and each operand's
// multiplier to the output scale.
std::array<int32_t, kQ8AddParams> add_params(int32_t residual_zero_point, int32_t shortcut_zero_point,
                                             int32_t out_zero_point, const Multiplier16 &residual,
                                             const Multiplier16 &shortcut);
// Squeeze-excite: the gated value, same scale and zero point as the input.
uint8_t gate(uint8_t v, int32_t zero_point, int32_t gate_q15);
// GhostNetV2's DFC attention: the Q15 gate round(2^15 * sigmoid(s * (q - z))) for each uint8 q
// of an activation with scale s and zero point z (kQ8SigmoidTable values in [0, 2^15]).
std::vector<int32_t> sigmoid_table(const ActQuant &q);
// The average of `count` uint8 values that sum to `sum`, rounded half up.
inline uint8_t average(uint32_t sum, uint32_t count) { return uint8_t((sum + count / 2) / count); }

}  // namespace q8
}  // namespace ghostnet
