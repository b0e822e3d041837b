#include "tensor.h"

namespace ghostnet {
namespace ops {

const Vars &vars() {
    static const Vars v;
    return v;
}

Func zero_pad(const Tensor &in, const std::string &name) {
    Func padded = Halide::BoundaryConditions::constant_exterior(
        in.f, 0.0f, {Halide::Range(), {0, in.shape.w}, {0, in.shape.h}});
    Func named(name);
    const Vars &v = vars();
    named(v.c, v.x, v.y) = padded(v.c, v.x, v.y);
    return named;
}

}  // namespace ops
}  // namespace ghostnet
