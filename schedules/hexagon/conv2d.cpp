#include "hexagon_schedules.h"

namespace ghostnet {
namespace schedules {

// One 32-lane int32 accumulator vector per output pixel, no register tile: with grouped weights
// register_tiled_conv vectorizes the four products of a group atomically into each accumulator
// lane, the form Halide maps onto vrmpy (u8 x i8, four products per word). Chosen for code size,
// which is what LLVM's Hexagon backend spends its time on (bit simplification, RDF and
// addressing-mode passes: 91% of a Ghost module's compile): the 1x1 grouped conv op's innermost
// loops hold 4,561 instructions instead of the unrolled CPU tile's 12,391 (scripts/hvx_report.sh),
// though its HVX share fell from 17% to 9% (that op's bounds-checked reads dominate). The whole
// network's compile time did not measurably change (9.5 min alone before, 11.5 min with another
// compile beside it after). The exception is a conv with few input channels (the stem: 3, one
// group of four per tap, read and zero-padded a pixel at a time, a few scalar instructions per
// tap and pixel): kFewChannelPixels pixels share the weights' loads and the loop overhead.
// Executed packets of GhostNet 1.0x q8 (ghostnet-hvx-work, 2026-12-04; deterministic): the stem
// 9.34 M with 1 pixel, 3.25 M with 4, 2.93 M with 8 (docs/hexagon.md). Other convs stay at one
// pixel: 4 everywhere helped the wide layers' 1x1 convs and hurt the narrow ones'. The tunables conv_vectors
// and conv_pixels (per width) set a tile, for ghostnet-autotune --search hand on a device.
void HexagonSchedules::conv2d(ops::Conv2d &c, int /*cout_hint*/, int width_hint) const {
    constexpr int kFewChannelPixels = 8;
    const int cin = ops::known_extent(c.r.x.extent());
    const bool few_channels = cin > 0 && cin <= 4;
    const int vectors = t_.tuned.at(&Tunables::conv_vectors, width_hint);
    const int pixels = t_.tuned.at(&Tunables::conv_pixels, width_hint);
    register_tiled_conv(c, {t_.vector_floats, vectors > 0 ? vectors : 1,
                            pixels > 0 ? pixels : few_channels ? kFewChannelPixels : 1});
}

}  // namespace schedules
}  // namespace ghostnet
