// Reference Ghost bottleneck from checkpoint tensors: Ghost module, the stride-2 depthwise conv,
// squeeze-excite, Ghost module, plus the shortcut (identity, or depthwise + 1x1 conv).
#include "reference.h"

namespace ghostnet {
namespace reference {

Tensor3 ghost_bottleneck(const Tensor3 &in, const BottleneckSpec &b, const TensorMap &t) {
    Tensor3 x = ghost_module(in, b.ghost1, t);
    if (b.has_dw) x = conv_layer(x, b.dw, t);
    if (b.se.reduced)
        x = squeeze_excite(x, t.at(b.se.reduce.weight).to_f32(), t.at(b.se.reduce.bias).to_f32(),
                           t.at(b.se.expand.weight).to_f32(), t.at(b.se.expand.bias).to_f32());
    x = ghost_module(x, b.ghost2, t);
    const Tensor3 shortcut =
        b.identity_shortcut ? in : conv_layer(conv_layer(in, b.shortcut_dw, t), b.shortcut_pw, t);
    return add(x, shortcut);
}

}  // namespace reference
}  // namespace ghostnet
