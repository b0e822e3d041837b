#include "packed_weights.h"

namespace ghostnet {
namespace ops {

namespace {
std::string stem(const ConvSpec &c) {
    std::string s = c.weight;
    for (char &ch : s)
        if (ch == '.') ch = '_';
    return s;
}
}  // namespace

Func PackedWeights::bias(const ConvSpec &c) const {
    Var co("co");
    Func b(stem(c) + "_b");
    b(co) = flat_(int(c.bias_offset) + co);
    return b;
}

DenseWeights PackedWeights::dense(const ConvSpec &c) const {
    Var co("co"), ci("ci"), kx("kx"), ky("ky");
    Func w(stem(c));
    w(co, ci, kx, ky) = flat_(int(c.weight_offset) + ((ky * c.k + kx) * c.cin + ci) * c.cout + co);
    return {w, bias(c)};
}

DepthwiseWeights PackedWeights::depthwise(const ConvSpec &c) const {
    Var ch("ch"), kx("kx"), ky("ky");
    Func w(stem(c));
    w(ch, kx, ky) = flat_(int(c.weight_offset) + (ky * c.k + kx) * c.cout + ch);
    return {w, bias(c)};
}

LinearWeights PackedWeights::linear(const ConvSpec &c) const {
    Var co("co"), ci("ci");
    Func w(stem(c));
    w(co, ci) = flat_(int(c.weight_offset) + ci * c.cout + co);
    return {w, bias(c)};
}

}  // namespace ops
}  // namespace ghostnet
