#include "plug_and_play_arch.h"

#include <stdexcept>

namespace ghostnet {

namespace {

constexpr int kCifarSize = 32;
constexpr int kCifarClasses = 10;

// VGG-16's convs (output channels) with 0 for a 2x2 max pool.
const int kVggCfg[] = {64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0};
constexpr int kVggHidden = 512;
// ResNet-56: a 16-channel stem, then three stages of 9 basic blocks.
const int kResnetWidths[] = {16, 32, 64};
constexpr int kResnetBlocksPerStage = 9;

// `name` prefixes the Ghost module's tensors; `weight` and `bn` name the ordinary conv's.
PlugAndPlayLayer make_layer(const std::string &name, const std::string &weight, const std::string &bn,
                            int in_c, int out_c, int stride, int in_hw, bool relu, bool ghost_ok,
                            const PlugAndPlayConfig &cfg) {
    const int k = 3, in_h = in_hw, in_w = in_hw;
    PlugAndPlayLayer l;
    l.name = name;
    l.in_c = in_c;
    l.out_c = out_c;
    l.k = k;
    l.stride = stride;
    l.in_h = in_h;
    l.in_w = in_w;
    l.out_h = conv_out_size(in_h, k, stride, k / 2);
    l.out_w = conv_out_size(in_w, k, stride, k / 2);
    l.relu = relu;
    l.ghost = ghost_ok && cfg.ghost_ratio > 0;
    if (l.ghost)
        l.module = make_ghost_module_spec(name, in_c, out_c, cfg.ghost_ratio, k, cfg.ghost_dw, stride, relu);
    else
        l.conv = make_conv_spec(weight, bn, ConvKind::Dense, in_c, out_c, k, stride, relu);
    return l;
}

std::vector<ConvSpec *> mutable_convs(PlugAndPlaySpec *s) {
    std::vector<ConvSpec *> v;
    for (const ConvSpec *c : s->convs()) v.push_back(const_cast<ConvSpec *>(c));
    return v;
}

}  // namespace

std::vector<const ConvSpec *> PlugAndPlayLayer::convs() const {
    if (ghost) return {&module.primary, &module.cheap};
    return {&conv};
}

const char *network_name(PlugAndPlayNetwork n) {
    return n == PlugAndPlayNetwork::Vgg16 ? "vgg16" : "resnet56";
}

bool parse_plug_and_play_network(const std::string &s, PlugAndPlayNetwork *out) {
    if (s == "vgg16") *out = PlugAndPlayNetwork::Vgg16;
    else if (s == "resnet56") *out = PlugAndPlayNetwork::Resnet56;
    else return false;
    return true;
}

PlugAndPlaySpec make_plug_and_play_spec(const PlugAndPlayConfig &cfg) {
    if (cfg.ghost_ratio < 0 || cfg.ghost_ratio == 1 || cfg.ghost_ratio > 16)
        throw std::invalid_argument("Ghost ratio s must be 2..16 (or 0: ordinary convs), got " +
                                    std::to_string(cfg.ghost_ratio));
    if (cfg.ghost_ratio && (cfg.ghost_dw < 1 || cfg.ghost_dw % 2 == 0 || cfg.ghost_dw > 9))
        throw std::invalid_argument("cheap kernel d must be odd, 1..9, got " + std::to_string(cfg.ghost_dw));
    PlugAndPlaySpec s;
    s.config = cfg;
    s.input_size = kCifarSize;
    s.num_classes = kCifarClasses;
    int c = s.in_channels, hw = s.input_size;
    if (cfg.network == PlugAndPlayNetwork::Vgg16) {
        int i = 0;
        for (int out : kVggCfg) {
            if (out == 0) {
                s.features.back().max_pool_after = true;
                hw /= 2;
                continue;
            }
            const std::string name = "features." + std::to_string(i);
            s.features.push_back(make_layer(name, name + ".conv.weight", name + ".bn", c, out, 1, hw,
                                            true, i > 0, cfg));
            c = out;
            i++;
        }
        s.classifier.push_back(make_linear_spec("classifier.0", c * hw * hw, kVggHidden, true));
        s.classifier.push_back(make_linear_spec("classifier.1", kVggHidden, s.num_classes, false));
    } else {
        s.features.push_back(make_layer("conv1", "conv1.weight", "bn1", c, kResnetWidths[0], 1, hw,
                                        true, false, cfg));
        c = kResnetWidths[0];
        for (int stage = 0; stage < 3; stage++) {
            for (int b = 0; b < kResnetBlocksPerStage; b++) {
                ResidualBlockSpec r;
                r.name = "layer" + std::to_string(stage + 1) + "." + std::to_string(b);
                r.in_c = c;
                r.out_c = kResnetWidths[stage];
                r.stride = stage > 0 && b == 0 ? 2 : 1;
                for (int j : {1, 2}) {
                    const std::string conv = r.name + ".conv" + std::to_string(j);
                    PlugAndPlayLayer l = make_layer(conv, conv + ".weight", r.name + ".bn" + std::to_string(j),
                                                    j == 1 ? c : r.out_c, r.out_c, j == 1 ? r.stride : 1,
                                                    hw, /*relu=*/j == 1, true, cfg);
                    hw = l.out_h;
                    (j == 1 ? r.conv1 : r.conv2) = l;
                }
                s.blocks.push_back(r);
                c = r.out_c;
            }
        }
        s.global_avg_pool = true;
        s.classifier.push_back(make_linear_spec("fc", c, s.num_classes, false));
    }
    for (ConvSpec &fc : s.classifier) fc.fully_connected = true;
    s.packed_size = assign_offsets(mutable_convs(&s));
    return s;
}

std::vector<const ConvSpec *> PlugAndPlaySpec::convs() const {
    std::vector<const ConvSpec *> v;
    auto add = [&](const PlugAndPlayLayer &l) {
        for (const ConvSpec *c : l.convs()) v.push_back(c);
    };
    for (const PlugAndPlayLayer &l : features) add(l);
    for (const ResidualBlockSpec &b : blocks) {
        add(b.conv1);
        add(b.conv2);
    }
    for (const ConvSpec &fc : classifier) v.push_back(&fc);
    return v;
}

std::vector<TensorSpec> PlugAndPlaySpec::tensors() const {
    std::vector<TensorSpec> t;
    for (const ConvSpec *c : convs()) c->append_tensors(&t);
    return t;
}

int64_t PlugAndPlaySpec::parameter_count() const { return count_parameters(tensors()); }

std::string PlugAndPlaySpec::name() const {
    const std::string base = network_name(config.network);
    if (!config.ghost_ratio) return base;
    return "ghost_" + base + "_s" + std::to_string(config.ghost_ratio) + "_d" + std::to_string(config.ghost_dw);
}

std::string PlugAndPlaySpec::describe() const {
    std::string s = config.network == PlugAndPlayNetwork::Vgg16 ? "VGG-16" : "ResNet-56";
    if (config.ghost_ratio)
        s = "Ghost-" + s + " (s=" + std::to_string(config.ghost_ratio) + ", d=" + std::to_string(config.ghost_dw) + ")";
    return s + ", CIFAR-10 " + std::to_string(input_size) + "x" + std::to_string(input_size) + "x" +
           std::to_string(in_channels) + ", " + std::to_string(num_classes) + " classes";
}

}  // namespace ghostnet
