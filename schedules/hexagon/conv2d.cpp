#include "hexagon_schedules.h"

namespace ghostnet {
namespace schedules {

// The CPUs' register tile with HVX's numbers: 32 int32 lanes per accumulator vector, 32 vector
// registers (TargetInfo::conv_tile). A first cut: with grouped weights register_tiled_conv
// vectorizes the four products of a group atomically into each accumulator lane, the form vrmpy
// takes, but Halide 14 does not emit vrmpy for it yet (no vrmpy in build/hexagon/*.s), and most
// of the inner loops are scalar code (scripts/hvx_report.sh).
void HexagonSchedules::conv2d(ops::Conv2d &c, int cout_hint, int width_hint) const {
    register_tiled_conv(c, t_.conv_tile(cout_hint > 0 ? cout_hint : 64, width_hint));
}

}  // namespace schedules
}  // namespace ghostnet
