#include "layer_group.h"

#include <stdexcept>
#include <string>

namespace ghostnet {

LayerGroup layer_group(const NetworkSpec &spec, int width) {
    LayerGroup g;
    g.width = width;
    g.stem = spec.stem_w == width;
    g.first = spec.blocks.size();
    for (size_t i = 0; i < spec.blocks.size(); i++) {
        const BottleneckSpec &b = spec.blocks[i];
        if (b.in_w != width && b.out_w != width) continue;
        if (g.first == spec.blocks.size()) g.first = i;
        g.end = i + 1;
    }
    if (g.first == spec.blocks.size()) g.first = g.end = g.stem ? 0 : spec.blocks.size();
    g.head_conv = spec.head_w == width;
    if (!g.stem && g.first == g.end && !g.head_conv)
        throw std::invalid_argument("no layer of " + network_name(spec.config, false) + " works on maps " +
                                    std::to_string(width) + " pixels wide");
    // The map entering: the image, the first bottleneck's input, or the head's.
    const BottleneckSpec *before = g.first > 0 ? &spec.blocks[g.first - 1] : nullptr;
    if (g.stem) {
        g.in_c = spec.config.in_channels;
        g.in_w = g.in_h = spec.config.input_size;
    } else if (g.first < g.end) {
        g.in_c = spec.blocks[g.first].in;
        g.in_w = spec.blocks[g.first].in_w;
        g.in_h = spec.blocks[g.first].in_h;
    } else {
        g.in_c = before ? before->out : spec.stem.cout;
        g.in_w = spec.head_w;
        g.in_h = spec.head_h;
    }
    if (g.head_conv) {
        g.out_c = spec.head.cout;
        g.out_w = spec.head_w;
        g.out_h = spec.head_h;
    } else if (g.first < g.end) {
        g.out_c = spec.blocks[g.end - 1].out;
        g.out_w = spec.blocks[g.end - 1].out_w;
        g.out_h = spec.blocks[g.end - 1].out_h;
    } else {
        g.out_c = spec.stem.cout;
        g.out_w = spec.stem_w;
        g.out_h = spec.stem_h;
    }
    return g;
}

}  // namespace ghostnet
