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

struct Shape {
    Expr c, w, h;
};

// An activation and its valid extent. Values outside [0, shape) are never read as data:
// consumers pad with zeros through BoundaryConditions, so a schedule may over-compute freely.
struct Tensor {
    Func f;
    Shape shape;
};

// Dense: w(co, ci, kx, ky). Depthwise: w(c, kx, ky). Linear (1x1 on a vector): w(co, ci).
// All with b(co). BatchNorm is already folded in by the runtime.
struct DenseWeights {
    Func w, b;
};
struct DepthwiseWeights {
    Func w, b;
};
struct LinearWeights {
    Func w, b;
};

// Zero padding in x and y (not c): reads outside [0, w) x [0, h) give 0.
Func zero_pad(const Tensor &in, const std::string &name);

// A weight buffer of runtime shape read as zero outside its bounds: schedules may compute a
// few lanes past the last channel, and those lanes must not read past the buffer.
template <typename T>
Func zero_outside(const T &buffer) {
    return Halide::BoundaryConditions::constant_exterior(buffer, 0.0f);
}

inline Expr relu(const Expr &e) { return Halide::max(e, 0.0f); }
inline Expr conv_out(const Expr &in, int k, int stride) { return (in + 2 * (k / 2) - k) / stride + 1; }

}  // namespace ops
}  // namespace ghostnet
