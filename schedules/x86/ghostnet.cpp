#include "x86_schedules.h"

namespace ghostnet {
namespace schedules {
namespace x86 {

void schedule_head(ops::Head &h, const TargetInfo &t, int width_hint) {
    const NetworkSpec &s = *h.spec;
    schedule_conv2d(h.conv, t, s.head.cout, width_hint);
    schedule_global_avg_pool(h.pool, t);
    schedule_linear(h.conv_head, t, s.conv_head.cout);
    schedule_linear(h.classifier, t, s.classifier.cout);
}

void schedule_ghostnet(ops::GhostNet &net, const TargetInfo &t) {
    const NetworkSpec &s = *net.spec;
    schedule_conv2d(net.stem, t, s.stem.cout, s.stem_w);
    for (ops::GhostBottleneck &b : net.blocks) schedule_ghost_bottleneck(b, t);
    schedule_head(net.head, t, s.head_w);
}

}  // namespace x86
}  // namespace schedules
}  // namespace ghostnet
