// Hand schedules for Hexagon HVX in 128-byte mode (v66): q8 only, since Halide 14's HVX has no
// float vectors. One file per op, named after the generator file it schedules; the blocks are
// placed by OpSchedules (schedules/shared/<op>.cpp) with these ops, as on the CPUs.
//
// A vector is 128 bytes: 128 uint8 activations, 32 int32 accumulators. The aim for dense convs
// with grouped weights (ghostnet_arch.h "q8 layout": four input channels of an output channel in
// one word) is one vrmpy per group and 32 outputs; these schedules do not reach it yet
// (conv2d.cpp). Verified so far: q8 ops bit-exact under qemu-hexagon (tests/test_hexagon.cpp).
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
