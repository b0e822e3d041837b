#include "tensor.h"

namespace ghostnet {
namespace ops {

const Vars &vars() {
    static const Vars v;
    return v;
}

Func pad(const Tensor &in, const Expr &value, const std::string &name) {
    Func padded = Halide::BoundaryConditions::constant_exterior(
        in.f, Halide::cast(in.f.output_types()[0], value), {Halide::Range(), {0, in.shape.w}, {0, in.shape.h}});
    Func named(name);
    const Vars &v = vars();
    named(v.c, v.x, v.y) = padded(v.c, v.x, v.y);
    return named;
}

Expr requantize(const Expr &acc, const Expr &multiplier, const Expr &shift) {
    using Halide::Internal::rounding_mul_shift_right;
    using Halide::Internal::rounding_shift_right;
    // Halide's left shifts wrap: clamp first (q8::clamped_shift_left).
    const Expr left = Halide::max(-shift, 0);
    const Expr pre = Halide::clamp(acc, Halide::Int(32).min() >> left, Halide::Int(32).max() >> left)
                     << left;
    return rounding_shift_right(rounding_mul_shift_right(pre, multiplier, 31), Halide::max(shift, 0));
}

Expr requantize_output(const Expr &acc, const Requant &q, const Expr &co) {
    if (q.output == Requant::Output::Raw) return acc;
    const Expr r = Halide::clamp(requantize(acc, q.multiplier(co), q.shift(co)), q.lo - q.out_zp,
                                 q.hi - q.out_zp) + q.out_zp;
    return q.output == Requant::Output::Gate ? r : Halide::cast<uint8_t>(r);
}

Expr widening_product(const Expr &weight, const Expr &activation) {
    return Halide::cast<int32_t>(Halide::cast<int16_t>(weight) * Halide::cast<int16_t>(activation));
}

}  // namespace ops
}  // namespace ghostnet
