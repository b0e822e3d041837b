#include "arm_schedules.h"

namespace ghostnet {
namespace schedules {

using Halide::RVar;

// The register tile of x86 with NEON's numbers (TargetInfo::conv_tile: 4 lanes, up to 16
// channels by 6 pixels of accumulators in 32 registers). NEON's FMLA takes its scalar from a
// lane of a vector register, so the reduction over input channels is unrolled by four: the
// four consecutive input values of a pixel (channels innermost in memory) come in one load
// instead of four broadcasts. The summation order per output stays ci = 0, 1, 2, ...
void ArmSchedules::conv2d(ops::Conv2d &c, int cout_hint, int width_hint) const {
    const ops::Vars &v = ops::vars();
    register_tiled_conv(c, t_.conv_tile(cout_hint > 0 ? cout_hint : 64, width_hint));
    const int cin = ops::known_extent(c.r.x.extent());
    if (c.ci_group == 1 && cin > 0 && cin % 4 == 0) {
        RVar co("rco"), ci("rci");
        c.conv.update()
            .split(c.r.x, co, ci, 4)
            .reorder(v.c, v.x, ci, co, c.r.y, c.r.z, v.y)
            .unroll(ci);
    }
}

}  // namespace schedules
}  // namespace ghostnet
