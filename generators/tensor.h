// What every op builder shares: activations as Funcs over (c, x, y) with the channel innermost
// (so 1x1 convolutions and depthwise convolutions both vectorize over channels without
// gathers), and weights as Func views whose storage the generator chooses.
#pragma once

#include "Halide.h"

#include <string>

namespace ghostnet {
namespace ops {

using Halide::Expr;
using Halide::Func;
using Halide::RDom;
using Halide::Var;

// The pure variables of every activation Func: f(c, x, y).
struct Vars {
    Var c{"c"}, x{"x"}, y{"y"};
};
const Vars &vars();

// An extent's value when the generator fixed it at compile time, else 0: what a schedule may
// specialize on (a Shape's c, w or h, a reduction's extent).
int known_extent(const Expr &extent);

struct Shape {
    Expr c, w, h;
};

// An activation and its valid extent. Values outside [0, shape) are never read as data:
// consumers pad with zeros through BoundaryConditions, so a schedule may over-compute freely.
struct Tensor {
    Func f;
    Shape shape;
};

// q8 (runtime/quantization.h states the arithmetic): how an op's int32 accumulator becomes its
// output. Undefined (multiplier not defined) for fp32 ops.
struct Requant {
    enum class Output {
        Activation,  // uint8: clamp(requantize16(acc) + out_zp, lo, hi)
        Gate,        // int32 Q15 squeeze-excite gate: the same with out_zp 2^14, [lo, hi] = [0, 2^15]
        Raw,         // int32: the accumulator itself (logits)
    };
    Output output = Output::Activation;
    Func multiplier, shift;  // (co)
    Expr in_zp, out_zp, lo, hi;
    bool defined() const { return multiplier.defined() || output == Output::Raw; }
};

// Dense: w(co, ci, kx, ky). Depthwise: w(c, kx, ky). Linear (1x1 on a vector): w(co, ci).
// All with b(co). BatchNorm is already folded in by the runtime. fp32: float weights and
// bias; q8: int8 weights, int32 bias with the input zero point folded in, and `q`.
struct DenseWeights {
    Func w, b;
    Requant q;
    // q8: input channels stored together per output channel (runtime/q8_layout.h), so
    // a schedule reduces over them as one dot product. 1: cout innermost.
    int ci_group = 1;
    // q8 grouped, defined where the target takes int8 x int8 dot products (ARM's sdot, HVX):
    // the bias for products with the input read as int8, a - kQ8GroupedInputOffset. Undefined:
    // the uint8 input as it is, with `b` (x86's vpdpbusd, uint8 x int8).
    Func b_int8;
    // q8 grouped, uint8 input: each group's products summed as two int16 pairs first, then
    // widened (x86 without VNNI: pmaddubsw, then pmaddwd by ones). Exact only for weights within
    // kQ8PairWeightLimit (runtime/q8_layout.h), which a pipeline built with
    // grouped_weight_bits=7 is given (the runtime picks it by the model's metadata).
    bool pair16 = false;
};
struct DepthwiseWeights {
    Func w, b;
    Requant q;
};
// q8 grouping as DenseWeights.
struct LinearWeights {
    Func w, b;
    Requant q;
    int ci_group = 1;
    Func b_int8;
};

// Padding in x and y (not c): reads outside [0, w) x [0, h) give `value` (0 for fp32, the
// input zero point for q8).
Func pad(const Tensor &in, const Expr &value, const std::string &name);

// q8 helpers (runtime/quantization.h states the arithmetic).
// Halide's form of q8::requantize (Q31, int32; the squeeze-excite gate).
Expr requantize(const Expr &acc, const Expr &multiplier, const Expr &shift);
// Halide's form of q8::scale16 on an int32 accumulator: int16, in units of
// 2^-kQ8RequantFracBits.
Expr scale16(const Expr &acc, const Expr &multiplier, const Expr &shift);
// The same for an int16 `v` with |v| <= 255 (an activation minus its zero point), computed in
// int16 throughout: under a left shift v is clamped to what int16 holds after it (q8::add's
// operands, runtime/quantization.h).
Expr scale16_small(const Expr &v, const Expr &multiplier, const Expr &shift);
// (t * multiplier + 2^14) >> 15 for int16 t and multiplier in [0, 2^15), in int16 (x86
// pmulhrsw, ARM sqrdmulh). By 2^(15 - f) it is rounding_shift_right(t, f) for every int16 t.
Expr q15_multiply(const Expr &t, const Expr &multiplier);
// The op's output from its int32 accumulator for output channel `co`, as q.output says.
Expr requantize_output(const Expr &acc, const Requant &q, const Expr &co);
// q8::gate: the uint8 `v` (zero point `zero_point`) times a Q15 gate in [0, 2^15], keeping
// its scale and zero point (squeeze-excite's gate, the DFC attention's sigmoid).
Expr gate_q15(const Expr &v, const Expr &zero_point, const Expr &gate);
// u8 x i8 product widened to int32 (the form the dot-product instructions match).
Expr widening_product(const Expr &weight, const Expr &activation);
// A grouped q8 layer's product: with int8_products (the weights' b_int8 defined: ARM's sdot,
// HVX) the uint8 input read as int8, a - kQ8GroupedInputOffset (a byte xor; b_int8 carries
// the difference), times the weight, else widening_product of the input as it is.
Expr grouped_product(const Expr &weight, const Expr &activation, bool int8_products);

// A weight buffer of runtime shape read as zero outside its bounds: schedules may compute a
// few lanes past the last channel, and those lanes must not read past the buffer.
template <typename T>
Func zero_outside(const T &buffer) {
    return Halide::BoundaryConditions::constant_exterior(buffer, Halide::cast(buffer.type(), 0));
}

// max(e, 0) for a float, taken on its bits: a float with the sign bit set is a negative int32.
// The same value as the float max (but that -0 comes out +0), and one integer max on every
// target, where HVX v68 has no float vector max: Halide 21 compiles that one lane by lane (the
// bundled fp32 model's innermost loops on v68 went from 57% to 77% HVX; docs/hexagon.md).
inline Expr relu(const Expr &e) {
    return Halide::reinterpret<float>(Halide::max(Halide::reinterpret<int32_t>(e), 0));
}
inline Expr conv_out(const Expr &in, int k, int stride) { return (in + 2 * (k / 2) - k) / stride + 1; }

}  // namespace ops
}  // namespace ghostnet
