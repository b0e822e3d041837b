// The hand schedule of the plug-and-play networks (generators/plug_and_play_net.h): each conv
// or Ghost module stored whole, a residual block's second conv made as its add reads it.
#include "op_schedules.h"

namespace ghostnet {
namespace schedules {

void OpSchedules::plug_and_play_conv(ops::PlugAndPlayConv &l, bool root) const {
    const PlugAndPlayLayer &s = *l.spec;
    if (s.ghost) {
        ghost_module(l.module, s.module.intrinsic(), s.out_c, s.out_w, root);
    } else {
        conv2d(l.conv, s.out_c, s.out_w);  // stores its output whole
    }
    if (s.max_pool_after) max_pool(l.pool, s.out_c);
}

void OpSchedules::residual_block(ops::ResidualBlock &b) const {
    const ops::Vars &v = ops::vars();
    const ResidualBlockSpec &s = *b.spec;
    // Ghost modules in both convs: the first module's slices (a copy and the cheap depthwise op)
    // are made for each row of the second module's primary conv as it reads them, rather than in
    // two parallel loops of their own: on these small maps the thread pool's round trips, not
    // the arithmetic, are what the extra loops cost.
    const bool fuse = s.conv1.ghost && s.conv2.ghost;
    plug_and_play_conv(b.conv1, /*root=*/!fuse);
    plug_and_play_conv(b.conv2, /*root=*/false);
    if (fuse) b.conv1.module.out.compute_at(b.conv2.module.primary.out, v.y);
    residual_rows(b.out, s.conv2.ghost ? b.conv2.module.out : b.conv2.conv.out, t_.lanes_for(s.out_c));
}

void OpSchedules::plug_and_play_net(ops::PlugAndPlayNet &net) const {
    for (ops::PlugAndPlayConv &l : net.features) plug_and_play_conv(l, /*root=*/true);
    for (ops::ResidualBlock &b : net.blocks) residual_block(b);
    if (net.spec->global_avg_pool) global_avg_pool(net.pool);
    for (size_t i = 0; i < net.classifier.size(); i++) linear(net.classifier[i], net.spec->classifier[i].cout);
}

}  // namespace schedules
}  // namespace ghostnet
