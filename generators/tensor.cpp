#include "tensor.h"

#include "ghostnet_arch.h"

#include <optional>

namespace ghostnet {
namespace ops {

int known_extent(const Expr &extent) {
    const std::optional<int64_t> value = Halide::Internal::as_const_int(extent);
    return value ? int(*value) : 0;
}

const Vars &vars() {
    static const Vars v;
    return v;
}

Func pad(const Tensor &in, const Expr &value, const std::string &name) {
    Func padded = Halide::BoundaryConditions::constant_exterior(
        in.f, Halide::cast(in.f.types()[0], value), {Halide::Range(), {0, in.shape.w}, {0, in.shape.h}});
    Func named(name);
    const Vars &v = vars();
    named(v.c, v.x, v.y) = padded(v.c, v.x, v.y);
    return named;
}

namespace {
// q8::clamped_shift_left(acc, max(-shift, 0)): Halide's left shifts wrap, so clamp first.
Expr clamped_shift_left(const Expr &acc, const Expr &shift) {
    const Expr left = Halide::max(-shift, 0);
    return Halide::clamp(acc, Halide::Int(32).min() >> left, Halide::Int(32).max() >> left) << left;
}
}  // namespace

// Never past int16, so written without Halide's saturating form, whose x86 pmulhrsw carries a
// guard for -2^15 * -2^15 (two more instructions per vector).
Expr q15_multiply(const Expr &t, const Expr &multiplier) {
    return Halide::cast<int16_t>(Halide::rounding_shift_right(
        Halide::widening_mul(t, Halide::cast<int16_t>(multiplier)), 15));
}

Expr requantize(const Expr &acc, const Expr &multiplier, const Expr &shift) {
    using Halide::rounding_mul_shift_right;
    using Halide::rounding_shift_right;
    return rounding_shift_right(rounding_mul_shift_right(clamped_shift_left(acc, shift), multiplier, 31),
                                Halide::max(shift, 0));
}

Expr scale16(const Expr &acc, const Expr &multiplier, const Expr &shift) {
    using Halide::cast;
    // q8::scale16's clamp lets the rounding be an add and a shift (Halide's rounding_shift_right
    // by a per-lane amount guards against the addend's overflow with three more instructions).
    const Expr left = Halide::max(-shift, 0), right = Halide::max(shift, 0);
    const Expr half = cast<int32_t>((cast<uint32_t>(1) << cast<uint32_t>(right)) >> 1);
    const Expr lo = Halide::Int(32).min() >> left, hi = (Halide::Int(32).max() >> left) - half;
    const Expr t = Halide::saturating_cast<int16_t>(((Halide::clamp(acc, lo, hi) << left) + half) >> right);
    return q15_multiply(t, multiplier);
}

Expr scale16_small(const Expr &v, const Expr &multiplier, const Expr &shift) {
    using Halide::cast;
    // |v| <= 255 and left <= 15: v is clamped to [-2^15 >> left, (2^15 - 1) >> left], so the
    // shift stays inside int16 (q8::add states this clamp). A right shift (left is 0 then) rounds v
    // itself, and every |v| <= 255 rounds to 0 from 9 on: so the shift stops at 9, and its
    // rounding is an add and a shift that cannot overflow int16 (Halide's rounding_shift_right
    // by an unknown amount takes four instructions). The amounts are unsigned: Halide shifts
    // by a signed one either way, a select per shift.
    const Expr left = cast<uint16_t>(Halide::max(-shift, 0));
    const Expr right = cast<uint16_t>(Halide::clamp(shift, 0, 9));
    const Expr half = cast<int16_t>((cast<uint16_t>(1) << right) >> 1);
    const Expr lo = cast<int16_t>(-32768) >> left, hi = cast<int16_t>(32767) >> left;
    const Expr t = ((Halide::clamp(v, lo, hi) << left) + half) >> right;
    return q15_multiply(t, multiplier);
}

Expr requantize_output(const Expr &acc, const Requant &q, const Expr &co) {
    if (q.output == Requant::Output::Raw) return acc;
    if (q.output == Requant::Output::Gate)
        return Halide::clamp(requantize(acc, q.multiplier(co), q.shift(co)), q.lo - q.out_zp, q.hi - q.out_zp) +
               q.out_zp;
    // q8::requantize16, then the zero point and the clamp, in int16. Its last rounding shift,
    // by f = kQ8RequantFracBits, is one rounding multiply: (s * 2^(15 - f) + 2^14) >> 15 is
    // rounding_shift_right(s, f) for every int16 s.
    using Halide::cast;
    const Expr r = q15_multiply(scale16(acc, q.multiplier(co), q.shift(co)), 1 << (15 - kQ8RequantFracBits));
    return cast<uint8_t>(Halide::clamp(r + cast<int16_t>(q.out_zp), cast<int16_t>(q.lo), cast<int16_t>(q.hi)));
}

Expr gate_q15(const Expr &v, const Expr &zero_point, const Expr &gate) {
    return Halide::cast<uint8_t>(
        zero_point + Halide::rounding_shift_right((Halide::cast<int32_t>(v) - zero_point) * gate, kQ8GateBits));
}

Expr widening_product(const Expr &weight, const Expr &activation) {
    return Halide::cast<int32_t>(Halide::cast<int16_t>(weight) * Halide::cast<int16_t>(activation));
}

Expr grouped_product(const Expr &weight, const Expr &activation, bool int8_products) {
    if (!int8_products) return widening_product(weight, activation);
    return widening_product(weight, Halide::cast<int8_t>(activation ^ Halide::cast<uint8_t>(kQ8GroupedInputOffset)));
}

}  // namespace ops
}  // namespace ghostnet
