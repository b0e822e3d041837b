// Hand schedules for AArch64 NEON (32 registers of 4 floats, fused multiply-add with a
// vector-lane operand): one file per op, named after the generator file it schedules.
// Depthwise convs, the Ghost module, pooling and the blocks are placed by OpSchedules
// (schedules/shared/<op>.cpp), with these ops. Only correctness is verified here (under qemu-aarch64);
// no ARM timing exists.
#pragma once

#include "op_schedules.h"

namespace ghostnet {
namespace schedules {

class ArmSchedules final : public OpSchedules {
public:
    using OpSchedules::OpSchedules;
    void conv2d(ops::Conv2d &c, int cout_hint, int width_hint) const override;
    void linear(ops::Linear &l, int cout_hint) const override;
};

}  // namespace schedules
}  // namespace ghostnet
