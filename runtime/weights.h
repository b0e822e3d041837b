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

// A convolution with BN folded in, still in PyTorch layout ([cout][cin/groups][k][k]).
struct FoldedConv {
    std::vector<float> weight;
    std::vector<float> bias;
};

// Checks that `tensors` holds exactly what `spec` needs (names, shapes, float dtypes;
// num_batches_tracked ignored). `source` names the file in error messages.
void check_tensors(const NetworkSpec &spec, const TensorMap &tensors, const std::string &source);

FoldedConv fold_conv(const ConvSpec &conv, const TensorMap &tensors, const std::string &source);

// Rearranges a folded conv into its packed layout at conv.weight_offset / conv.bias_offset.
void pack_conv(const ConvSpec &conv, const FoldedConv &folded, std::vector<float> *packed);

// The whole network: check, fold, pack. The result has spec.packed_size floats.
std::vector<float> pack_network(const NetworkSpec &spec, const TensorMap &tensors,
                                const std::string &source);

}  // namespace ghostnet
