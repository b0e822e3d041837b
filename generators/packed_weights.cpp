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

ConvParamsQ8 q8_conv_params(const Func &params, const Expr &cout, const std::string &name) {
    Var co("co");
    ConvParamsQ8 c;
    c.b = Func(name + "_b");
    c.b(co) = params(kQ8ConvHeader + co);
    c.q.multiplier = Func(name + "_multiplier");
    c.q.multiplier(co) = params(kQ8ConvHeader + cout + co);
    c.q.shift = Func(name + "_shift");
    c.q.shift(co) = params(kQ8ConvHeader + 2 * cout + co);
    c.b_int8 = Func(name + "_b_int8");
    c.b_int8(co) = params(kQ8ConvHeader + 3 * cout + co);
    c.q.in_zp = params(0);
    c.q.out_zp = params(1);
    c.q.lo = params(2);
    c.q.hi = params(3);
    return c;
}

Func PackedWeights::bias_int8(const ConvSpec &c) const {
    Func b;
    if (!int8_products_) return b;
    Var co("co");
    b = Func(stem(c) + "_b_int8");
    b(co) = params_(int(c.q_params_offset) + kQ8ConvHeader + 3 * c.cout + co);
    return b;
}

Func PackedWeights::bias(const ConvSpec &c) const {
    Var co("co");
    Func b(stem(c) + "_b");
    if (q8()) b(co) = params_(int(c.q_params_offset) + kQ8ConvHeader + co);
    else b(co) = flat_(int(c.bias_offset) + co);
    return b;
}

Requant PackedWeights::requant(const ConvSpec &c) const {
    Requant q;
    if (!q8()) return q;
    const int p = int(c.q_params_offset);
    if (c.act_out.empty() && !c.gate) {
        q.output = Requant::Output::Raw;
        return q;
    }
    q.output = c.gate ? Requant::Output::Gate : Requant::Output::Activation;
    Var co("co");
    q.multiplier = Func(stem(c) + "_multiplier");
    q.multiplier(co) = params_(p + kQ8ConvHeader + c.cout + co);
    q.shift = Func(stem(c) + "_shift");
    q.shift(co) = params_(p + kQ8ConvHeader + 2 * c.cout + co);
    q.in_zp = params_(p);
    q.out_zp = params_(p + 1);
    q.lo = params_(p + 2);
    q.hi = params_(p + 3);
    return q;
}

AddParams PackedWeights::add(const BottleneckSpec &b) const {
    const int p = int(b.q_add_offset);
    return {params_(p), params_(p + 1), params_(p + 2), params_(p + 3),
            params_(p + 4), params_(p + 5), params_(p + 6)};
}

Func PackedWeights::sigmoid_table(const GhostModuleSpec &g) const {
    Func t;
    if (!q8()) return t;
    Var q("q");
    std::string name = g.primary.act_out;  // the module's activation point, e.g. blocks.3.0.ghost1
    for (char &ch : name)
        if (ch == '.') ch = '_';
    t = Func(name + "_sigmoid");
    t(q) = params_(int(g.q_sigmoid_offset) + q);
    return t;
}

DenseWeights PackedWeights::dense(const ConvSpec &c) const {
    Var co("co"), ci("ci"), kx("kx"), ky("ky");
    Func w(stem(c));
    const int off = int(c.weight_offset);
    if (q8() && c.q8_grouped()) {
        const int g = kQ8Group;
        w(co, ci, kx, ky) = flat_(off + (((ky * c.kernel_w() + kx) * (c.cin / g) + ci / g) * c.cout + co) * g + ci % g);
        return {w, bias(c), requant(c), g, bias_int8(c)};
    }
    w(co, ci, kx, ky) = flat_(off + ((ky * c.kernel_w() + kx) * c.cin + ci) * c.cout + co);
    return {w, bias(c), requant(c)};
}

DepthwiseWeights PackedWeights::depthwise(const ConvSpec &c) const {
    Var ch("ch"), kx("kx"), ky("ky");
    Func w(stem(c));
    w(ch, kx, ky) = flat_(int(c.weight_offset) + (ky * c.kernel_w() + kx) * c.cout + ch);
    return {w, bias(c), requant(c)};
}

LinearWeights PackedWeights::linear(const ConvSpec &c) const {
    Var co("co"), ci("ci");
    Func w(stem(c));
    const int off = int(c.weight_offset);
    if (q8() && c.q8_grouped()) {
        const int g = kQ8Group;
        w(co, ci) = flat_(off + ((ci / g) * c.cout + co) * g + ci % g);
        return {w, bias(c), requant(c), g, bias_int8(c)};
    }
    w(co, ci) = flat_(off + ci * c.cout + co);
    return {w, bias(c), requant(c)};
}

}  // namespace ops
}  // namespace ghostnet
