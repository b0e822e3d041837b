// ghost_bottleneck: Ghost module (expand, ReLU) -> [depthwise k x k stride 2 + BN] ->
// [squeeze-excite] -> Ghost module (project, no ReLU) -> + shortcut, where the shortcut is the
// identity, or depthwise k x k (stride) + BN + 1x1 conv + BN when the shape changes.
// fp32 or q8, as the weights are (PackedWeights::q8()); q8 adds with q8::add's arithmetic.
#pragma once

#include "ghost_module.h"
#include "ghostnet_arch.h"
#include "packed_weights.h"
#include "squeeze_excite.h"

namespace ghostnet {
namespace ops {

struct GhostBottleneck {
    const BottleneckSpec *spec = nullptr;
    GhostModule ghost1;
    DepthwiseConv dw;  // when spec->has_dw
    SqueezeExcite se;  // when spec->se.reduced
    GhostModule ghost2;
    DepthwiseConv shortcut_dw;  // when !spec->identity_shortcut
    Conv2d shortcut_pw;
    Func out;
    Tensor result;
};

GhostModule ghost_module(const std::string &name, const Tensor &in, const GhostModuleSpec &spec,
                         const PackedWeights &weights);

GhostBottleneck ghost_bottleneck(const std::string &name, const Tensor &in,
                                 const BottleneckSpec &spec, const PackedWeights &weights);

}  // namespace ops
}  // namespace ghostnet
