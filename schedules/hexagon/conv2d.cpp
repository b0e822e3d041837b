#include "hexagon_schedules.h"

namespace ghostnet {
namespace schedules {

// One 32-lane int32 accumulator vector per output pixel, no register tile: with grouped weights
// register_tiled_conv vectorizes the four products of a group atomically into each accumulator
// lane, the form Halide maps onto vrmpy (u8 x i8, four products per word). The CPUs' unrolled
// tiles (TargetInfo::conv_tile) made code LLVM's Hexagon backend compiles very slowly (its bit
// simplification, RDF and addressing-mode passes grow faster than the code): measured, the 1x1
// grouped conv op compiled in 34 s instead of 90 s with this tile, with vrmpy in its inner loop
// where the unrolled tile had none. Both hints are unused until tiles pay on HVX.
void HexagonSchedules::conv2d(ops::Conv2d &c, int /*cout_hint*/, int /*width_hint*/) const {
    register_tiled_conv(c, {t_.vector_floats, 1, 1});
}

}  // namespace schedules
}  // namespace ghostnet
