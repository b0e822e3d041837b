// The whole GhostNet as one Halide pipeline, built from the architecture spec:
// stem (3x3 conv + BN + ReLU) -> Ghost bottlenecks -> head (1x1 conv + BN + ReLU, global
// average pool, conv_head + ReLU, classifier).
#pragma once

#include <vector>

#include "ghost_bottleneck.h"
#include "ghostnet_arch.h"
#include "linear.h"
#include "pooling.h"

namespace ghostnet {
namespace ops {

struct Head {
    const NetworkSpec *spec = nullptr;
    Conv2d conv;  // blocks.<n>.0: 1x1 conv + BN + ReLU
    GlobalAvgPool pool;
    Linear conv_head;   // + ReLU
    Linear classifier;  // logits
};

struct GhostNet {
    const NetworkSpec *spec = nullptr;
    Func input_chw;  // the planar (x, y, c) input seen as (c, x, y)
    Conv2d stem;
    std::vector<GhostBottleneck> blocks;
    Head head;
    Func logits;  // logits(k)
};

// `input` is planar: input(x, y, c), the memory order of a batch-1 NCHW tensor.
GhostNet ghostnet(const NetworkSpec &spec, const Func &input, const PackedWeights &weights);

// The head alone, on a (c, x, y) feature map (shared with the head's op test).
Head ghostnet_head(const NetworkSpec &spec, const Tensor &features, const PackedWeights &weights);

}  // namespace ops
}  // namespace ghostnet
