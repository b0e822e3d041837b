// A layer group: the layers of a network on maps of one width, the ones a per-width tunable
// such as "strips@14" schedules (schedules/tunables.h): the stem when it makes such maps, each
// bottleneck that reads or makes them (a stride-2 block belongs to the groups of both its
// widths), and the head's 1x1 conv when it reads them. They follow each other in the network.
// ghostnet-autotune --layer-groups compiles and times each group alone (ghostnet-generate
// --group W, ops::ghostnet_group in generators/ghostnet.h; apps/autotune_group_bench.cpp) in a
// fraction of the whole network's compile.
#pragma once

#include <cstddef>

#include "ghostnet_arch.h"

namespace ghostnet {

struct LayerGroup {
    int width = 0;
    bool stem = false;          // the group starts at the image
    size_t first = 0, end = 0;  // its bottlenecks, [first, end) of spec.blocks
    bool head_conv = false;
    int in_c = 0, in_w = 0, in_h = 0;     // the map entering it (the image with the stem)
    int out_c = 0, out_w = 0, out_h = 0;  // the map it makes

    // The group's input, as its pipeline takes it: the image planar (x, y, c) when it starts at
    // the stem, else the map (c, x, y) with `stored_in_c` channels, more than in_c: the
    // network's stages make whole vectors of channels, so the first bottleneck reads past in_c
    // (values it never uses), within 128 channels on every target.
    int stored_in_c() const { return (in_c + 127) / 128 * 128; }
};

// Throws std::invalid_argument when no layer of `spec` works on maps `width` pixels wide.
LayerGroup layer_group(const NetworkSpec &spec, int width);

}  // namespace ghostnet
