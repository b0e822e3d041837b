// The GhostNet architecture spec: the one place that knows the cfg table, the width
// rounding, the family's members (V1, V2, V3: Version), the timm/official tensor names and
// shapes, and where each folded weight lives in the packed weight buffer. Plain C++ (no Halide): the generators read it at compile time to
// build the pipeline, the runtime reads it at load time to check and pack weights, and
// `ghostnet-spec --json` prints it for the Python tools.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "network_name.h"
#include "q8_layout.h"

namespace ghostnet {

// The official code's _make_divisible(v, divisor): round to the nearest multiple of divisor,
// never below divisor and never more than 10% below v.
int make_divisible(double v, int divisor);

// Output size of a convolution with zero padding `pad`.
inline int conv_out_size(int in, int k, int stride, int pad) { return (in + 2 * pad - k) / stride + 1; }

// How a convolution's weights are packed into the flat weight buffer after BN folding.
//  Dense:     PyTorch [cout][cin][k][k]  -> packed [ky][kx][cin][cout] (cout innermost)
//  Depthwise: PyTorch [cout][1][k][k]    -> packed [ky][kx][cout]; output o reads input o / multiplier
//  Linear:    PyTorch [cout][cin]        -> packed [cout / kLinearBlock][cin][kLinearBlock]: the
//             outputs in blocks of kLinearBlock, each block's weights one stream along cin
//             (cout rounded up to whole blocks, the padding zero; linear_packed_index)
// Every layer gets a bias in the packed buffer (BN shift or the layer's own bias).
enum class ConvKind { Dense, Depthwise, Linear };

// Outputs per block of a Linear layer's packed weights. A matrix-vector layer's accumulator
// vectors read their block's weights as one stream (not a slice of every [cin][cout] row,
// each row on a new 4 KB page, which the hardware prefetchers lose: tools/probe_matvec_stream.c).
// 32: a whole number of fp32 vectors on every target (16 on AVX-512, 8 on AVX2, 4 on NEON,
// 32 on HVX), so a vector never straddles two blocks.
constexpr int kLinearBlock = 32;
// Where weight (co, ci) of a Linear layer with `cin` inputs lies in its packed weights (the
// runtime packer's size_t, the generators' Halide Expr).
template <typename I>
I linear_packed_index(int cin, I co, I ci) {
    return ((co / kLinearBlock) * cin + ci) * kLinearBlock + co % kLinearBlock;
}

// A kernel's taps: k x k, or GhostNetV2's DFC attention's 1 x k (along a row) and k x 1 (along a
// column) depthwise convs, zero-padded by k / 2 along their one axis only.
enum class Taps { Square, Row, Column };
inline int kernel_rows(Taps taps, int k) { return taps == Taps::Row ? 1 : k; }
inline int kernel_columns(Taps taps, int k) { return taps == Taps::Column ? 1 : k; }

// One training-time branch of a re-parameterized conv (GhostNetV3): a conv + BatchNorm, or a
// BatchNorm alone on the conv's input (identity: weight ""). The runtime folds each branch's
// BatchNorm into it, zero-pads a 1x1 kernel to the conv's k x k (the identity is a centred
// one-hot kernel) and sums kernels and shifts into the one conv, as timm's switch_to_deploy does.
struct ConvBranch {
    std::string weight;  // e.g. "blocks.3.0.ghost1.primary_rpr_conv.0.conv.weight"; "" = identity
    std::string bn;      // e.g. "blocks.3.0.ghost1.primary_rpr_conv.0.bn1"
    int k = 1;           // the branch's own kernel (1 or the conv's k)
};

struct TensorSpec {
    std::string name;
    std::vector<int64_t> shape;
};

struct ConvSpec {
    std::string weight;     // tensor name of the weight, e.g. "blocks.6.3.ghost1.primary_conv.0.weight"
    std::string bn;         // BatchNorm prefix folded into this conv ("" if none), e.g. "bn1"
    std::string bias;       // tensor name of the layer's own bias ("" if none)
    ConvKind kind = ConvKind::Dense;
    int cin = 0, cout = 0, k = 1, stride = 1;
    Taps taps = Taps::Square;
    // GhostNetV3: the checkpoint holds these branches instead of `weight` and `bn` (which then
    // name the folded conv: timm's deploy names); empty for every other conv.
    std::vector<ConvBranch> branches;
    bool relu = false;
    bool fully_connected = false;  // nn.Linear ([cout][cin]) rather than a 1x1 nn.Conv2d
    // Offsets (in floats) into the packed weight buffer, assigned by the spec builder.
    size_t weight_offset = 0, bias_offset = 0;

    // q8 (runtime/q8_layout.h). The activation points this conv reads and writes, by name:
    // act_out is empty for the classifier (int32 logits) and for a squeeze-excite gate.
    std::string act_in, act_out;
    bool gate = false;         // SE expand: requantized to the Q15 hard-sigmoid gate
    size_t q_params_offset = 0;  // into the int32 q8 parameter buffer
    size_t q_params_count() const;

    // q8: a dense conv or linear layer whose int8 weights are packed in groups of 4 input
    // channels (runtime/q8_layout.h).
    bool q8_grouped() const { return kind != ConvKind::Depthwise && cin % kQ8Group == 0; }

    int pad() const { return k / 2; }
    int kernel_h() const { return kernel_rows(taps, k); }
    int kernel_w() const { return kernel_columns(taps, k); }
    int multiplier() const { return kind == ConvKind::Depthwise ? cout / cin : 1; }
    size_t weight_count() const;          // the checkpoint's weights
    size_t packed_weight_count() const;   // their place in the packed buffer (Linear: whole blocks)
    std::vector<int64_t> weight_shape() const;  // PyTorch shape of `weight`
    // The checkpoint tensors of this layer: weight, bias, BatchNorm parameters and statistics
    // (GhostNetV3: each branch's).
    void append_tensors(std::vector<TensorSpec> *out) const;
};

// Ghost module: m = ceil(n / ratio) intrinsic maps from `primary` (k x k, stride), then
// (ratio - 1) * m ghost maps from `cheap` (d x d depthwise, multiplier ratio - 1); the output is
// [intrinsic, ghost] with the first n channels kept.
// The module's primary and cheap convs write one activation point (the concatenated output),
// so the concatenation needs no rescaling in q8.
//
// GhostNetV2's DFC attention (timm's GhostModuleV2, `short_conv`), when `dfc`: the module's
// output is multiplied by sigmoid(DFC(x)), upsampled to the output's size by nearest
// neighbour, where DFC(x) = 2x2 average pool (stride 2, floor) -> `dfc_conv` (k x k, stride,
// in -> out, BN) -> `dfc_row` (1 x 5 depthwise, BN) -> `dfc_column` (5 x 1 depthwise, BN).
// q8: the pooled map keeps the module input's scale and zero point (q8::average of the four
// values); the three convs write activation points "<prefix>.dfc_conv", ".dfc_row" and
// ".dfc_column"; the sigmoid is a table of kQ8SigmoidTable Q15 gates indexed by dfc_column's
// uint8 output (q8::sigmoid_table, at q_sigmoid_offset in the q8 parameters); the gated output
// keeps the module output's scale and zero point (q8::gate, as squeeze-excite's).
struct GhostModuleSpec {
    int in = 0, out = 0, ratio = 2, k = 1, d = 3, stride = 1;
    bool relu = true;
    ConvSpec primary, cheap;
    bool dfc = false;
    ConvSpec dfc_conv, dfc_row, dfc_column;
    size_t q_sigmoid_offset = 0;  // q8, when dfc: the sigmoid table's place in the parameters
    int intrinsic() const { return primary.cout; }

    // The module's convolutions in packing order (primary, cheap, then the DFC attention's).
    std::vector<ConvSpec *> convs();
    std::vector<const ConvSpec *> convs() const;
};

// GhostNetV2's DFC attention kernel (its 1 x 5 and 5 x 1 depthwise convs).
constexpr int kDfcKernel = 5;
// The size of a DFC attention's pooled map (2x2 average pool, stride 2, floor) for a map of
// `size` pixels.
inline int dfc_pooled_size(int size) { return size / 2; }
// The nearest upsampling of the attention to the module's output: output pixel `dst` of
// `out_size` reads pixel min(dst * in_size / out_size, in_size - 1) of `in_size`, in integers.
// PyTorch's F.interpolate(mode='nearest') computes floor(dst * float(in_size / out_size)) in
// float; the two agree wherever dst * in_size / out_size is not an integer within float
// rounding, which holds for every map the attention sees: in_size = floor(out_size / 2), so
// the ratio is exactly 1/2 (even sizes) or its numerator and denominator are coprime (odd
// ones; tests/test_arch.cpp checks sizes up to 4096). Integers, because the DSP targets have no
// float division. (dfc_attention.cpp states it in Halide.)
int nearest_source(int dst, int in_size, int out_size);

struct SqueezeExciteSpec {
    int channels = 0, reduced = 0;  // reduced == 0: no SE
    ConvSpec reduce, expand;        // both Linear kind (1x1 on a pooled vector) with bias
};

struct BottleneckSpec {
    std::string name;  // "blocks.<stage>.<index>"
    int stage = 0, index = 0;
    int in = 0, mid = 0, out = 0, k = 3, stride = 1;
    int in_h = 0, in_w = 0, out_h = 0, out_w = 0;
    GhostModuleSpec ghost1, ghost2;
    bool has_dw = false;  // depthwise k x k stride 2 + BN between the Ghost modules
    ConvSpec dw;
    SqueezeExciteSpec se;
    bool identity_shortcut = true;
    ConvSpec shortcut_dw, shortcut_pw;  // used when !identity_shortcut

    // q8: the residual add's operands and result as activation points (act_out == name),
    // and where its kQ8AddParams parameters live.
    std::string act_in, act_residual, act_shortcut, act_out;
    size_t q_add_offset = 0;
    // The activation points the block writes, in order (act_out last; act_in not included).
    std::vector<std::string> activation_points() const;

    // The block's convolutions in packing order.
    std::vector<ConvSpec *> convs();
    std::vector<const ConvSpec *> convs() const;
};

struct NetworkSpec {
    NetworkConfig config;
    int ghost_ratio = 2, ghost_dw = 3;
    ConvSpec stem;           // conv_stem + bn1 + ReLU
    int stem_h = 0, stem_w = 0;
    std::vector<BottleneckSpec> blocks;
    int num_stages = 0;      // blocks.0 .. blocks.<num_stages-1>; the head conv is blocks.<num_stages>.0
    ConvSpec head;           // 1x1 conv to 960*width + BN + ReLU
    int head_h = 0, head_w = 0;
    ConvSpec conv_head;      // 1x1 on the pooled vector to 1280, bias, ReLU (Linear kind)
    ConvSpec classifier;     // Linear to num_classes
    size_t packed_size = 0;  // floats in the packed weight buffer, including kPackedSlack
    size_t q_params_size = 0;  // int32s in the q8 parameter buffer, including kPackedSlack

    // Every activation point of the q8 network (the input first), in network order.
    std::vector<std::string> activation_points() const;

    // Every tensor a checkpoint must hold, with its PyTorch shape (num_batches_tracked excluded).
    std::vector<TensorSpec> tensors() const;
    // Every ConvSpec in the network, in packing order.
    std::vector<const ConvSpec *> convs() const;
    std::string describe() const;     // one line: "GhostNet 1.0x, 224x224x3, 1000 classes"
    std::string to_json() const;      // the format tools/ghostnet_torch.py reads
    int64_t parameter_count() const;  // as PyTorch counts them: weights, biases, BN gamma/beta
};

// Schedules may compute a few lanes past the last output channel of a layer (vector tails);
// those lanes read weights past the layer's end, so the packed buffer ends with this much
// zeroed slack. Halide's bounds checks still catch a schedule that needs more. After a Linear
// layer (the classifier ends every network) the slack also holds kLinearSlackBlocks blocks of
// its weights: an output rounded up past the last block reads a whole block further on (an
// Adams2019 schedule rounds the classifier's 1000 outputs up past 1024).
constexpr size_t kPackedSlack = 4096;
constexpr int kLinearSlackBlocks = 2;

// q8: the layout of the int8 weights and int32 parameters (each conv's, each residual add's,
// each DFC attention's sigmoid table) and every index into them: runtime/q8_layout.h.

// Activation requantization (q8::requantize16) and the residual add keep this many bits below
// the output's last bit, on 16-bit lanes, until the final rounding.
constexpr int kQ8RequantFracBits = 6;
// The squeeze-excite gate relu6(x + 3) / 6 as a Q15 number in [0, 2^15].
constexpr int kQ8GateBits = 15;

// Assigns q8 parameter offsets to convs, then a block's sigmoid table (when ghost1 has the DFC
// attention) and residual add, in order, from `start`; returns the end.
size_t assign_q8_offsets(const std::vector<ConvSpec *> &convs, size_t start);
size_t assign_q8_offsets(BottleneckSpec *block, size_t start);

NetworkSpec make_ghostnet_spec(const NetworkConfig &config);

// Throws std::invalid_argument naming the field when a config cannot be built.
void validate_config(const NetworkConfig &config);

// Whether a member's block `block_index` (counted over all stages from 0) has the DFC attention.
bool has_dfc(Version v, int block_index);

// Builders for the pieces, shared with the op test generators.
// `act_in` names the activation point the piece reads (q8).
// `version` V3 stores the primary and cheap convs (and a bottleneck's stride-2 depthwise conv)
// as branches; `dfc` gives a Ghost module (a bottleneck's first) the DFC attention.
GhostModuleSpec make_ghost_module_spec(const std::string &prefix, int in, int out, int ratio, int k,
                                       int d, int stride, bool relu,
                                       const std::string &act_in = "input",
                                       Version version = Version::V1, bool dfc = false);
BottleneckSpec make_bottleneck_spec(const std::string &name, int in, int mid, int out, int k,
                                    int stride, int se_reduce, int in_h, int in_w,
                                    int ghost_ratio = 2, int ghost_dw = 3,
                                    const std::string &act_in = "input",
                                    Version version = Version::V1, bool dfc = false);
// Assigns packed offsets to convs in order; returns the total size including kPackedSlack.
size_t assign_offsets(const std::vector<ConvSpec *> &convs);
// A conv (Dense or Depthwise) with an optional BatchNorm prefix, and a layer with its own bias
// (`prefix`.weight, `prefix`.bias; Linear kind, stored as a 1x1 conv unless fully_connected).
ConvSpec make_conv_spec(const std::string &weight, const std::string &bn, ConvKind kind, int cin,
                        int cout, int k, int stride, bool relu);
ConvSpec make_linear_spec(const std::string &prefix, int cin, int cout, bool relu);
// Parameters as PyTorch counts them (BatchNorm running statistics are buffers, not parameters).
int64_t count_parameters(const std::vector<TensorSpec> &tensors);

}  // namespace ghostnet
