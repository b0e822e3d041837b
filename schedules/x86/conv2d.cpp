#include "x86_schedules.h"

namespace ghostnet {
namespace schedules {

// AVX-512 has 32 registers of 16 floats, AVX2 16 of 8: the tile (TargetInfo::conv_tile)
// fills the register file with accumulators and picks lanes that waste little on cout.
void X86Schedules::conv2d(ops::Conv2d &c, int cout_hint, int width_hint) const {
    register_tiled_conv(c, t_.conv_tile(cout_hint > 0 ? cout_hint : 64, width_hint));
}

}  // namespace schedules
}  // namespace ghostnet
