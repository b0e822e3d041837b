// The whole GhostNet as one Halide pipeline, built from the architecture spec:
// stem (3x3 conv + BN + ReLU) -> Ghost bottlenecks -> head (1x1 conv + BN + ReLU, global
// average pool, conv_head + ReLU, classifier).
#pragma once

#include <vector>

#include "ghost_bottleneck.h"
#include "ghostnet_arch.h"
#include "layer_group.h"
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
    // A layer group (ghostnet_group) leaves out the layers of other widths: the stem's and the
    // head's Funcs, and logits, stay undefined where it does; `features` is its last map.
    Tensor features;
};

// `input` is planar: input(x, y, c), the memory order of a batch-1 NCHW tensor.
GhostNet ghostnet(const NetworkSpec &spec, const Func &input, const PackedWeights &weights);

// The group's layers alone. `input` is the image as ghostnet() takes it when the group has the
// stem, else the (c, x, y) map entering its first bottleneck; net.features is its last map.
GhostNet ghostnet_group(const NetworkSpec &spec, const LayerGroup &group, const Func &input,
                        const PackedWeights &weights);

// The head alone, on a (c, x, y) feature map (shared with the head's op test).
Head ghostnet_head(const NetworkSpec &spec, const Tensor &features, const PackedWeights &weights);

}  // namespace ops
}  // namespace ghostnet
