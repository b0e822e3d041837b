// Views of the packed weight buffer the runtime fills (layouts in runtime/ghostnet_arch.h):
// each ConvSpec's offsets say where its folded weights and bias live. fp32: one float buffer
// holds weights and biases. q8: int8 weights at the same offsets, and an int32 parameter
// buffer with biases, requantization and zero points (the q8 layout).
#pragma once

#include "ghostnet_arch.h"
#include "tensor.h"

namespace ghostnet {
namespace ops {

// q8: the residual add's parameters (runtime/quantization.h q8::add).
struct AddParams {
    Expr residual_zp, shortcut_zp, out_zp;
    Expr residual_multiplier, residual_shift, shortcut_multiplier, shortcut_shift;
};

// One conv's q8 parameters (runtime/q8_layout.h: header, then bias, multipliers and
// shifts of `cout` channels, and for grouped convs the int8-input bias) from `params` at
// index 0, for layers with runtime shapes.
struct ConvParamsQ8 {
    Func b, b_int8;
    Requant q;
};
ConvParamsQ8 q8_conv_params(const Func &params, const Expr &cout, const std::string &name);

class PackedWeights {
public:
    explicit PackedWeights(Func flat) : flat_(std::move(flat)) {}
    // int8_products: grouped convs take the input as int8 (schedules::q8_int8_products).
    // pair16: grouped dense convs add their products in int16 pairs (DenseWeights::pair16;
    // only for weights within kQ8PairWeightLimit).
    PackedWeights(Func int8_weights, Func int32_params, bool int8_products, bool pair16 = false)
        : flat_(std::move(int8_weights)),
          params_(std::move(int32_params)),
          int8_products_(int8_products),
          pair16_(pair16) {}
    bool q8() const { return params_.defined(); }

    DenseWeights dense(const ConvSpec &c) const;
    DepthwiseWeights depthwise(const ConvSpec &c) const;
    LinearWeights linear(const ConvSpec &c) const;
    AddParams add(const BottleneckSpec &b) const;  // q8 only
    // q8: a DFC attention's sigmoid table, t(q) for uint8 q; undefined for fp32.
    Func sigmoid_table(const GhostModuleSpec &g) const;

private:
    Func bias(const ConvSpec &c) const;
    // q8 grouped: the bias for int8 x int8 products, where the target takes them (else undefined).
    Func bias_int8(const ConvSpec &c) const;
    Requant requant(const ConvSpec &c) const;  // undefined for fp32
    Func flat_, params_;
    bool int8_products_ = false;
    bool pair16_ = false;
};

}  // namespace ops
}  // namespace ghostnet
