// The q8 layout: where every int8 weight and int32 parameter of a quantized network sits in the
// buffers a q8 pipeline reads. This contract is what keeps q8 results byte-identical across
// targets, so every offset is computed here and nowhere else: the generators (their Halide
// Exprs), the quantizer's packing, the integer reference and the spec's offset assignment all
// call these. Plain C++ (no Halide): each index function is a template that takes ints for the
// runtime and Halide Exprs (Vars) for the generators alike.
//
// Weights. int8 weights sit at the fp32 weight offsets (an int8 buffer of packed_size bytes),
// in the fp32 layout (ghostnet_arch.h ConvKind) except for dense convs and linear layers with
// cin % kQ8Group == 0 (ConvSpec::q8_grouped), which keep kQ8Group input channels of an output
// channel together:
//   [ky][kx][cin / 4][cout][4]   (linear layers: k = 1)
// so a 4-way dot product reads one word per output channel: x86's vpdpbusd (VNNI) takes the
// uint8 input times the int8 weights as they are; ARM's sdot (and HVX) take int8 x int8, so
// there the input is read as int8, a - kQ8GroupedInputOffset (a byte xor), and the bias made
// for that form is used. Both forms give the same int32 accumulators. The other convs multiply
// by the uint8 input itself (uint8 x int8 is one pmaddwd lane on x86).
//
// Parameters. Each conv owns conv_params(cout, grouped) int32s at ConvSpec::q_params_offset:
//   [0] input zero point  [1] output zero point  [2] lowest output  [3] highest output
//   [4, 4 + cout)              bias in units of input scale * weight scale, with
//                              -(input zero point) * sum(weights) folded in
//   [4 + cout, 4 + 2 cout)     requantization multipliers (Q15, q8::requantize16; the
//                              squeeze-excite gate's Q31, q8::requantize)
//   [4 + 2 cout, 4 + 3 cout)   requantization shifts (> 0 right, < 0 left)
//   [4 + 3 cout, 4 + 4 cout)   grouped convs only: the bias for products with the input read
//                              as int8, -(input zero point - kQ8GroupedInputOffset) * sum(weights)
//                              folded in
// Each residual add owns kQ8AddParams int32s at BottleneckSpec::q_add_offset:
//   [0] residual zero point [1] shortcut zero point [2] output zero point
//   [3] residual multiplier [4] residual shift [5] shortcut multiplier [6] shortcut shift
//   [7] unused (Q15 multipliers: q8::add)
// Each DFC attention (GhostModuleSpec::dfc) owns kQ8SigmoidTable int32s at
// GhostModuleSpec::q_sigmoid_offset:
//   [q] the Q15 gate sigmoid(s * (q - z)) for the uint8 output q of its dfc_column conv
//   (q8::sigmoid_table; s, z its scale and zero point)
// The offsets themselves are assigned in network order by assign_q8_offsets (ghostnet_arch.h);
// runtime/q8_arithmetic.h states the arithmetic these feed.
#pragma once

#include <cstddef>

namespace ghostnet {

// q8 dense convs: input channels per weight group (one 32-bit dot product).
constexpr int kQ8Group = 4;
// int32s before a conv's per-channel parameters.
constexpr int kQ8ConvHeader = 4;
// int32s of a residual add.
constexpr int kQ8AddParams = 8;
// What a grouped conv's uint8 input loses to be read as int8 (a byte xor with 0x80).
constexpr int kQ8GroupedInputOffset = 128;
// The DFC attention's sigmoid, one Q15 gate per uint8 value.
constexpr int kQ8SigmoidTable = 256;
// The largest |weight| of a grouped conv in a model quantized with 7-bit grouped weights
// (q8::QuantizedNetwork::grouped_weight_bits): a sum of two uint8 x int8 products then stays
// within int16 (2 * 255 * 63 = 32,130), so a pipeline built for such models may add products
// in int16 pairs (x86's pmaddubsw) and give the same bytes.
constexpr int kQ8PairWeightLimit = 63;

namespace q8 {
// The bits a q8 model's grouped weights may have (QuantizedNetwork::grouped_weight_bits, the
// ghostnet_q8 generator's grouped_weight_bits), and the largest |weight| of each.
constexpr bool valid_weight_bits(int bits) { return bits == 7 || bits == 8; }
constexpr int weight_limit(int bits) { return bits == 7 ? kQ8PairWeightLimit : 127; }  // 8: 127
}  // namespace q8

namespace q8_layout {

// A conv's header: index within its parameters.
enum ConvHeader : int { kInZeroPoint = 0, kOutZeroPoint = 1, kLowest = 2, kHighest = 3 };
// A conv's per-output-channel parameters, in the order they follow the header.
enum class PerChannel : int { Bias = 0, Multiplier = 1, Shift = 2, BiasInt8 = 3 };
// A residual add's parameters: index within its kQ8AddParams.
enum AddParam : int {
    kResidualZeroPoint = 0,
    kShortcutZeroPoint = 1,
    kAddOutZeroPoint = 2,
    kResidualMultiplier = 3,
    kResidualShift = 4,
    kShortcutMultiplier = 5,
    kShortcutShift = 6,
};

// int32s a conv with `cout` outputs owns (grouped: with the int8-input bias).
inline size_t conv_params(int cout, bool grouped) {
    return size_t(kQ8ConvHeader) + (grouped ? 4 : 3) * size_t(cout);
}

// Index of a conv's header field, its parameters starting at `base`.
template <typename Base>
auto header(const Base &base, ConvHeader field) {
    return base + int(field);
}

// Index of output channel `co`'s `field`, the conv's parameters starting at `base`.
template <typename Base, typename Cout, typename Co>
auto per_channel(const Base &base, const Cout &cout, PerChannel field, const Co &co) {
    return base + kQ8ConvHeader + int(field) * cout + co;
}

// Index of a residual add's `field`, its parameters starting at `base`.
template <typename Base>
auto add_param(const Base &base, AddParam field) {
    return base + int(field);
}

// Index of a grouped conv's weight (output channel co, input channel ci, tap kx, ky) from the
// conv's weight offset `base`, in the [ky][kx][cin / 4][cout][4] layout above; a linear
// layer's taps are 0.
template <typename Base, typename I>
auto grouped_weight(const Base &base, int kernel_w, int cin, int cout, const I &co, const I &ci, const I &kx,
                    const I &ky) {
    return base + (((ky * kernel_w + kx) * (cin / kQ8Group) + ci / kQ8Group) * cout + co) * kQ8Group +
           ci % kQ8Group;
}

}  // namespace q8_layout
}  // namespace ghostnet
