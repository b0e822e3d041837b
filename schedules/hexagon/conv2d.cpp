#include "hexagon_schedules.h"

#include <algorithm>

namespace ghostnet {
namespace schedules {

// int32 accumulators, 32 lanes a vector. With grouped weights register_tiled_conv vectorizes the
// four products of a group atomically into each accumulator lane, the form Halide maps onto
// vrmpy (four products per word). Each group's four input bytes of a pixel are broadcast to the
// whole vector first, which Halide 14 does with a vsplat and five vshuff, one permute per packet:
// that broadcast, not the vrmpy, is what a narrow conv spends. So the tile covers the output
// channels (up to kMaxVectors vectors, 128 channels) and one broadcast serves all of them. A
// tile of fewer vectors takes more pixels, up to kMaxVectors accumulators in all, where they
// divide the width: the pixels' requantizations, one dependent chain of ~20 instructions each,
// then share packets. A conv with few input channels (the stem: 3, read a pixel at a time)
// takes kFewChannelPixels pixels, sharing the weights' loads and the loop, its zero-padded input
// rows made first, x in the vector, so each tap loads without a bounds test.
// Executed packets of GhostNet 1.0x q8 (ghostnet-hvx-work, deterministic; docs/hexagon.md):
// covering the channels took the 1x1 convs from 10.0 M to 6.8 M, the staged stem input the
// stem from 3.0 M to 1.9 M, the pixels of narrow tiles the network from 15.5 M to 13.7 M (with
// squeeze-excite's gated row, shared/ghost_bottleneck.cpp); 4 vectors for every conv
// (conv_vectors:4) 1.45x the whole network, 4 pixels for every conv about even.
// The tunables conv_vectors and conv_pixels (per width) set the tile instead, for
// ghostnet-autotune --search hand on a device.
void HexagonSchedules::conv2d(ops::Conv2d &c, int cout_hint, int width_hint) const {
    constexpr int kFewChannelPixels = 8, kMaxVectors = 4;
    const int cin = ops::known_extent(c.r.x.extent());
    const bool few_channels = cin > 0 && cin <= 4;
    const int lanes = t_.vector_floats;
    const int cover = cout_hint > 0 ? std::min(kMaxVectors, (cout_hint + lanes - 1) / lanes) : 1;
    const int pixels = few_channels ? kFewChannelPixels : TargetInfo::pixels_dividing(kMaxVectors / cover, width_hint);
    register_tiled_conv(c, t_.tuned_tile({lanes, cover, pixels}, width_hint));
    stage_few_channel_input(c, t_.stage_lanes);
}

}  // namespace schedules
}  // namespace ghostnet
