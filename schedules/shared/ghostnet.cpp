// The hand schedule of the GhostNet network and head (generators/ghostnet.h), and the map
// widths its per-width tunables name (tunables.h).
#include "op_schedules.h"

#include <algorithm>
#include <functional>

namespace ghostnet {
namespace schedules {

void OpSchedules::head(ops::Head &h, int width_hint) const {
    const NetworkSpec &s = *h.spec;
    conv2d(h.conv, s.head.cout, width_hint);
    global_avg_pool(h.pool);
    linear(h.conv_head, s.conv_head.cout);
    linear(h.classifier, s.classifier.cout);
}

void OpSchedules::ghostnet(ops::GhostNet &net) const {
    const NetworkSpec &s = *net.spec;
    // A layer group (ops::ghostnet_group) may lack the stem, the head, or all of the head but
    // its 1x1 conv: what it has is scheduled as in the whole network.
    if (net.stem.out.defined()) conv2d(net.stem, s.stem.cout, s.stem_w);
    for (ops::GhostBottleneck &b : net.blocks) ghost_bottleneck(b);
    if (net.logits.defined()) {
        head(net.head, s.head_w);
    } else if (net.head.conv.out.defined()) {
        conv2d(net.head.conv, s.head.cout, s.head_w);
    }
}

std::vector<int> tunable_widths(const NetworkSpec &net) {
    // stem, each bottleneck's ghost1 (its input width) and ghost2 / depthwise / shortcut
    // (its output width), head: as ghostnet() and ghost_bottleneck() pass them.
    std::vector<int> widths = {net.stem_w, net.head_w};
    for (const BottleneckSpec &b : net.blocks) {
        widths.push_back(b.in_w);
        widths.push_back(b.out_w);
    }
    std::sort(widths.begin(), widths.end(), std::greater<int>());
    widths.erase(std::unique(widths.begin(), widths.end()), widths.end());
    return widths;
}

}  // namespace schedules
}  // namespace ghostnet
