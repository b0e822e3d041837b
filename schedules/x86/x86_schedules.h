// Hand schedules for x86-64 (SSE4.1, AVX2+FMA, AVX-512): one file per op, named after the
// generator file it schedules. Depthwise convs, the Ghost module, pooling and the blocks are
// placed by OpSchedules (schedules/shared/<op>.cpp), with these ops.
#pragma once

#include "op_schedules.h"

namespace ghostnet {
namespace schedules {

class X86Schedules final : public OpSchedules {
public:
    using OpSchedules::OpSchedules;
    void conv2d(ops::Conv2d &c, int cout_hint, int width_hint) const override;
    void linear(ops::Linear &l, int cout_hint) const override;

private:
    // A q8 grouped conv whose products add in int16 pairs (ops::Conv2d::pair16).
    static void conv2d_pair16(ops::Conv2d &c, const TargetInfo::ConvTile &tile);
};

}  // namespace schedules
}  // namespace ghostnet
