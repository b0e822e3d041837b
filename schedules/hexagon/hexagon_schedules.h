// Hand schedules for Hexagon HVX in 128-byte mode (v66): q8 only. They were written for Halide
// 14, whose HVX had no float vectors; Halide 21's (hvx_v68) are not tried here. One file per op, named after the generator file it schedules; the blocks are
// placed by OpSchedules (schedules/shared/<op>.cpp) with these ops, as on the CPUs.
//
// A vector is 128 bytes: 128 uint8 activations, 32 int32 accumulators. The elementwise and
// depthwise stages take whole vectors of bytes (TargetInfo::stage_lanes, the last one masked);
// the dense convs with grouped weights (runtime/q8_layout.h: four input channels of an
// output channel in one word) one vrmpy per group and 32 outputs (conv2d.cpp). Verified: q8
// ops and whole networks bit-exact against x86 under qemu-hexagon (tests/test_hexagon.cpp);
// their executed work is counted by ghostnet-hvx-work (docs/hexagon.md).
#pragma once

#include "op_schedules.h"

namespace ghostnet {
namespace schedules {

class HexagonSchedules final : public OpSchedules {
public:
    using OpSchedules::OpSchedules;
    void conv2d(ops::Conv2d &c, int cout_hint, int width_hint) const override;
    void linear(ops::Linear &l, int cout_hint) const override;
};

}  // namespace schedules
}  // namespace ghostnet
