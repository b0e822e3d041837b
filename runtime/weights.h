// From a checkpoint with timm/official GhostNet tensor names to the packed buffer the
// pipeline reads: every tensor checked against the architecture spec, BatchNorm folded into
// the convolution before it, weights rearranged into the layouts of ghostnet_arch.h.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "ghostnet_arch.h"
#include "safetensors.h"

namespace ghostnet {

constexpr float kBatchNormEps = 1e-5f;

using TensorMap = std::map<std::string, Tensor>;

// A convolution with BN folded in (GhostNetV3: its branches folded into one), still in PyTorch
// layout ([cout][cin/groups][kernel_h][kernel_w]).
struct FoldedConv {
    std::vector<float> weight;
    std::vector<float> bias;
};

// Checks that `tensors` holds exactly what `spec` needs (names, shapes, float dtypes;
// num_batches_tracked ignored). `source` names the file in error messages.
void check_tensors(const NetworkSpec &spec, const TensorMap &tensors, const std::string &source);
// The same for any network: `required` from its spec, `network` its description, `hint` what
// to add to an "unexpected tensor" error.
void check_tensors(const std::vector<TensorSpec> &required, const std::string &network,
                   const TensorMap &tensors, const std::string &source, const std::string &hint);

FoldedConv fold_conv(const ConvSpec &conv, const TensorMap &tensors, const std::string &source);

// Rearranges one conv's weights from PyTorch layout (`src`) into its packed layout (`dst`, the
// start of the conv's weights), for float (fp32) and int8 (q8) weights alike:
//  Dense [cout][cin][ky][kx] -> [ky][kx][cin][cout]; Depthwise [cout][1][ky][kx] -> [ky][kx][cout]
//  (ky < kernel_h, kx < kernel_w);
//  Linear [cout][cin] -> [cout / kLinearBlock][cin][kLinearBlock] (linear_packed_index; the
//  padding of the last block is left as `dst` holds it: zero in a fresh buffer).
template <typename T>
void pack_layout(const ConvSpec &c, const T *src, T *dst) {
    const int kh = c.kernel_h(), kw = c.kernel_w();
    switch (c.kind) {
    case ConvKind::Dense:
        for (int o = 0; o < c.cout; o++)
            for (int i = 0; i < c.cin; i++)
                for (int ky = 0; ky < kh; ky++)
                    for (int kx = 0; kx < kw; kx++)
                        dst[((size_t(ky) * kw + kx) * c.cin + i) * c.cout + o] =
                            src[((size_t(o) * c.cin + i) * kh + ky) * kw + kx];
        break;
    case ConvKind::Depthwise:
        for (int o = 0; o < c.cout; o++)
            for (int ky = 0; ky < kh; ky++)
                for (int kx = 0; kx < kw; kx++)
                    dst[(size_t(ky) * kw + kx) * c.cout + o] = src[(size_t(o) * kh + ky) * kw + kx];
        break;
    case ConvKind::Linear:
        for (int o = 0; o < c.cout; o++)
            for (int i = 0; i < c.cin; i++) dst[linear_packed_index<size_t>(c.cin, o, i)] = src[size_t(o) * c.cin + i];
        break;
    }
}

// Rearranges a folded conv into its packed layout at conv.weight_offset / conv.bias_offset.
void pack_conv(const ConvSpec &conv, const FoldedConv &folded, std::vector<float> *packed);

// The whole network: check, fold, pack. The result has spec.packed_size floats.
std::vector<float> pack_network(const NetworkSpec &spec, const TensorMap &tensors,
                                const std::string &source);
// Fold and pack `convs` (already checked) into a buffer of `packed_size` floats.
std::vector<float> pack_convs(const std::vector<const ConvSpec *> &convs, size_t packed_size,
                              const TensorMap &tensors, const std::string &source);

// A checkpoint for `tensors` with values from a seeded generator: conv and linear weights
// normal with stddev 1/sqrt(fan_in), so activations stay O(1) through the depth; BatchNorm
// statistics far from identity (var in [0.5, 2], mean in [-0.5, 0.5], gamma in [0.5, 1.5]),
// biases in [-0.3, 0.3]. For tests and benchmarks: no training involved.
TensorMap random_checkpoint(const std::vector<TensorSpec> &tensors, uint32_t seed);

}  // namespace ghostnet
