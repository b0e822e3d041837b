// The plug-and-play networks of runtime/plug_and_play_arch.h as Halide pipelines: VGG-16 and
// ResNet-56 for CIFAR-10, each conv but the first an ordinary conv2d or a ghost_module as the
// spec says, from the same op builders as GhostNet.
#pragma once

#include <vector>

#include "conv2d.h"
#include "ghost_module.h"
#include "linear.h"
#include "pooling.h"
#include "packed_weights.h"
#include "plug_and_play_arch.h"

namespace ghostnet {
namespace ops {

// One layer of the spec: conv2d or Ghost module, then VGG's max pool if the spec has one.
struct PlugAndPlayConv {
    const PlugAndPlayLayer *spec = nullptr;
    Conv2d conv;         // !spec->ghost
    GhostModule module;  // spec->ghost
    MaxPool pool;        // spec->max_pool_after
    Tensor result;
};

// relu(conv2(conv1(x)) + shortcut(x)), the shortcut as ResidualBlockSpec says (option A).
struct ResidualBlock {
    const ResidualBlockSpec *spec = nullptr;
    PlugAndPlayConv conv1, conv2;
    Func out;
    Tensor result;
};

struct PlugAndPlayNet {
    const PlugAndPlaySpec *spec = nullptr;
    Func input_chw;  // the planar (x, y, c) input seen as (c, x, y)
    std::vector<PlugAndPlayConv> features;
    std::vector<ResidualBlock> blocks;
    GlobalAvgPool pool;  // spec->global_avg_pool
    Func flat;           // the classifier's input vector, PyTorch's flatten order (c, y, x)
    std::vector<Linear> classifier;
    Func logits;  // logits(k)
};

PlugAndPlayConv plug_and_play_conv(const Tensor &in, const PlugAndPlayLayer &spec,
                                   const PackedWeights &weights);

// `input` is planar: input(x, y, c), the memory order of a batch-1 NCHW tensor. fp32 only.
PlugAndPlayNet plug_and_play_net(const PlugAndPlaySpec &spec, const Func &input,
                                 const PackedWeights &weights);

}  // namespace ops
}  // namespace ghostnet
