#include "complexity.h"

#include <cstdio>
#include <sstream>
#include <stdexcept>

#include "error.h"

namespace ghostnet {

int64_t LayerCost::params() const {
    return int64_t(cout) * (cin / groups) * kernel_h() * kernel_w() + (bias ? cout : 0) + (bn ? 2 * int64_t(cout) : 0);
}

int64_t LayerCost::macs() const { return int64_t(cout) * (cin / groups) * kernel_h() * kernel_w() * out_h * out_w; }

int64_t NetworkCost::params() const {
    int64_t p = 0;
    for (const LayerCost &l : layers) p += l.params();
    return p;
}

int64_t NetworkCost::macs() const {
    int64_t m = 0;
    for (const LayerCost &l : layers) m += l.macs();
    return m;
}

std::string NetworkCost::table() const {
    std::ostringstream s;
    char row[256];
    std::snprintf(row, sizeof row, "%-44s %-9s %5s %5s %3s %2s %8s %12s %14s\n", "layer", "kind", "cin",
                  "cout", "k", "s", "out", "params", "MACs");
    s << name << "\n" << row;
    for (const LayerCost &l : layers) {
        char k[16];
        if (l.taps == Taps::Square) std::snprintf(k, sizeof k, "%d", l.k);
        else std::snprintf(k, sizeof k, "%dx%d", l.kernel_h(), l.kernel_w());
        std::snprintf(row, sizeof row, "%-44s %-9s %5d %5d %3s %2d %4dx%-3d %12lld %14lld\n", l.name.c_str(),
                      l.kind.c_str(), l.cin, l.cout, k, l.stride, l.out_h, l.out_w, (long long)l.params(),
                      (long long)l.macs());
        s << row;
    }
    std::snprintf(row, sizeof row, "%-44s %52lld %14lld   (%.2f M parameters, %.1f M MACs)\n", "total",
                  (long long)params(), (long long)macs(), params() / 1e6, macs() / 1e6);
    s << row;
    return s.str();
}

std::string NetworkCost::json() const {
    std::ostringstream s;
    s << "{\"network\": \"" << name << "\", \"params\": " << params() << ", \"macs\": " << macs()
      << ", \"layers\": [";
    for (size_t i = 0; i < layers.size(); i++) {
        const LayerCost &l = layers[i];
        s << (i ? ", " : "") << "{\"name\": \"" << l.name << "\", \"kind\": \"" << l.kind << "\", \"cin\": " << l.cin
          << ", \"cout\": " << l.cout << ", \"kh\": " << l.kernel_h() << ", \"kw\": " << l.kernel_w() << ", \"stride\": " << l.stride
          << ", \"groups\": " << l.groups << ", \"out_h\": " << l.out_h << ", \"out_w\": " << l.out_w
          << ", \"params\": " << l.params() << ", \"macs\": " << l.macs() << "}";
    }
    s << "]}";
    return s.str();
}

namespace {

LayerCost from_conv(const std::string &name, const ConvSpec &c, int out_h, int out_w) {
    LayerCost l;
    l.name = name;
    l.kind = c.kind == ConvKind::Depthwise ? "depthwise" : (c.kind == ConvKind::Linear ? "linear" : "conv");
    l.cin = c.cin;
    l.cout = c.cout;
    l.k = c.k;
    l.taps = c.taps;
    l.stride = c.stride;
    l.groups = c.kind == ConvKind::Depthwise ? c.cin : 1;
    l.out_h = out_h;
    l.out_w = out_w;
    l.bn = !c.bn.empty();
    l.bias = !c.bias.empty();
    return l;
}

std::string strip_weight(const std::string &w) {
    const std::string suffix = ".weight";
    return w.size() > suffix.size() && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0
               ? w.substr(0, w.size() - suffix.size())
               : w;
}

// Builds ResNet-50 (ImageNet; counted, not compiled): ordinary convs with BatchNorm, or Ghost
// modules.
struct Builder {
    NetworkCost net;
    GhostChoice g;

    void conv(const std::string &name, int cin, int cout, int k, int stride, int out_hw, bool ghost_ok) {
        if (g.s == 0 || !ghost_ok) {
            LayerCost l;
            l.name = name;
            l.kind = "conv";
            l.cin = cin, l.cout = cout, l.k = k, l.stride = stride, l.out_h = l.out_w = out_hw;
            l.bn = true;
            net.layers.push_back(l);
            return;
        }
        const int m = (cout + g.s - 1) / g.s;
        LayerCost p;
        p.name = name + ".primary";
        p.kind = "conv";
        p.cin = cin, p.cout = m, p.k = k, p.stride = stride, p.out_h = p.out_w = out_hw, p.bn = true;
        LayerCost c;
        c.name = name + ".cheap";
        c.kind = "depthwise";
        c.cin = m, c.cout = m * (g.s - 1), c.k = g.d, c.groups = m, c.out_h = c.out_w = out_hw, c.bn = true;
        net.layers.push_back(p);
        net.layers.push_back(c);
    }

    void linear(const std::string &name, int cin, int cout) {
        LayerCost l;
        l.name = name;
        l.kind = "linear";
        l.cin = cin, l.cout = cout, l.bias = true;
        net.layers.push_back(l);
    }
};

std::string ghost_suffix(GhostChoice g) {
    return g.s ? " with Ghost modules (s=" + std::to_string(g.s) + ", d=" + std::to_string(g.d) + ")" : "";
}

void check_choice(GhostChoice g) {
    if (g.s == 1 || g.s < 0) throw Error("Ghost ratio s must be >= 2 (or 0: ordinary convs), got " + std::to_string(g.s));
    if (g.s && (g.d < 1 || g.d % 2 == 0)) throw Error("cheap kernel d must be odd and >= 1, got " + std::to_string(g.d));
}

}  // namespace

NetworkCost ghostnet_cost(const NetworkSpec &spec) {
    NetworkCost n;
    n.name = spec.describe();
    n.layers.push_back(from_conv("conv_stem", spec.stem, spec.stem_h, spec.stem_w));
    for (const BottleneckSpec &b : spec.blocks) {
        auto add = [&](const ConvSpec &c, int h, int w) { n.layers.push_back(from_conv(strip_weight(c.weight), c, h, w)); };
        add(b.ghost1.primary, b.in_h, b.in_w);
        add(b.ghost1.cheap, b.in_h, b.in_w);
        if (b.ghost1.dfc) {  // on the 2x2-pooled map
            const int h = dfc_pooled_size(b.in_h), w = dfc_pooled_size(b.in_w);
            add(b.ghost1.dfc_conv, h, w);
            add(b.ghost1.dfc_row, h, w);
            add(b.ghost1.dfc_column, h, w);
        }
        if (b.has_dw) add(b.dw, b.out_h, b.out_w);
        if (b.se.reduced) {
            add(b.se.reduce, 1, 1);
            add(b.se.expand, 1, 1);
        }
        add(b.ghost2.primary, b.out_h, b.out_w);
        add(b.ghost2.cheap, b.out_h, b.out_w);
        if (!b.identity_shortcut) {
            add(b.shortcut_dw, b.out_h, b.out_w);
            add(b.shortcut_pw, b.out_h, b.out_w);
        }
    }
    n.layers.push_back(from_conv(strip_weight(spec.head.weight), spec.head, spec.head_h, spec.head_w));
    n.layers.push_back(from_conv(strip_weight(spec.conv_head.weight), spec.conv_head, 1, 1));
    n.layers.push_back(from_conv(strip_weight(spec.classifier.weight), spec.classifier, 1, 1));
    return n;
}

NetworkCost plug_and_play_cost(const PlugAndPlaySpec &spec) {
    NetworkCost n;
    n.name = spec.describe();
    auto add_layer = [&](const PlugAndPlayLayer &l) {
        for (const ConvSpec *c : l.convs()) n.layers.push_back(from_conv(strip_weight(c->weight), *c, l.out_h, l.out_w));
    };
    for (const PlugAndPlayLayer &l : spec.features) add_layer(l);
    for (const ResidualBlockSpec &b : spec.blocks) {
        add_layer(b.conv1);
        add_layer(b.conv2);
    }
    for (const ConvSpec &fc : spec.classifier) n.layers.push_back(from_conv(strip_weight(fc.weight), fc, 1, 1));
    return n;
}

namespace {

NetworkCost cifar_cost(PlugAndPlayNetwork network, GhostChoice g) {
    check_choice(g);
    PlugAndPlayConfig cfg;
    cfg.network = network;
    cfg.ghost_ratio = g.s;
    cfg.ghost_dw = g.d;
    try {
        return plug_and_play_cost(make_plug_and_play_spec(cfg));
    } catch (const std::invalid_argument &e) {
        throw Error(e.what());
    }
}

}  // namespace

NetworkCost vgg16_cifar_cost(GhostChoice g) { return cifar_cost(PlugAndPlayNetwork::Vgg16, g); }

NetworkCost resnet56_cifar_cost(GhostChoice g) { return cifar_cost(PlugAndPlayNetwork::Resnet56, g); }

NetworkCost resnet50_imagenet_cost(GhostChoice g) {
    check_choice(g);
    Builder b{{}, g};
    b.net.name = "ResNet-50 (ImageNet, 224x224)" + ghost_suffix(g);
    b.conv("conv1", 3, 64, 7, 2, 112, false);
    int cin = 64, hw = 56;  // after the 3x3 stride-2 max pool
    const int mids[] = {64, 128, 256, 512}, blocks[] = {3, 4, 6, 3};
    for (int stage = 0; stage < 4; stage++) {
        const int mid = mids[stage], out = 4 * mid;
        for (int i = 0; i < blocks[stage]; i++) {
            const int stride = (stage > 0 && i == 0) ? 2 : 1;
            const int in_hw = hw;
            hw /= stride;
            const std::string name = "layer" + std::to_string(stage + 1) + "." + std::to_string(i);
            b.conv(name + ".conv1", cin, mid, 1, 1, in_hw, true);
            b.conv(name + ".conv2", mid, mid, 3, stride, hw, true);
            b.conv(name + ".conv3", mid, out, 1, 1, hw, true);
            if (i == 0) b.conv(name + ".downsample", cin, out, 1, stride, hw, true);
            cin = out;
        }
    }
    if (g.s) {
        // The classifier as a 1x1 conv on the pooled vector, replaced like the others (it keeps
        // its bias; no BatchNorm).
        b.conv("fc", 2048, 1000, 1, 1, 1, true);
        for (size_t i = b.net.layers.size() - 2; i < b.net.layers.size(); i++) {
            b.net.layers[i].bn = false;
            b.net.layers[i].bias = true;
        }
    } else {
        b.linear("fc", 2048, 1000);
    }
    return b.net;
}

NetworkCost plug_and_play_cost(const std::string &network, GhostChoice g) {
    if (network == "vgg16") return vgg16_cifar_cost(g);
    if (network == "resnet56") return resnet56_cifar_cost(g);
    if (network == "resnet50") return resnet50_imagenet_cost(g);
    throw Error("unknown network '" + network + "': expected ghostnet, vgg16, resnet56 or resnet50");
}

const std::vector<PublishedFigure> &published_figures() {
    static const std::vector<PublishedFigure> figures = {
        {"GhostNet 0.5x, 224", "ghostnet", 0.5, {}, 2.6, 42, 1, 0},
        {"GhostNet 1.0x, 224", "ghostnet", 1.0, {}, 5.2, 141, 1, 0},
        {"GhostNet 1.3x, 224", "ghostnet", 1.3, {}, 7.3, 226, 1, 0},
        // GhostNetV2 (Tang et al., NeurIPS 2022), Table 2.
        {"GhostNetV2 1.0x, 224", "ghostnet", 1.0, {}, 6.1, 167, 1, 0, Version::V2},
        {"GhostNetV2 1.3x, 224", "ghostnet", 1.3, {}, 8.9, 269, 1, 0, Version::V2},
        {"GhostNetV2 1.6x, 224", "ghostnet", 1.6, {}, 12.3, 399, 1, 0, Version::V2},
        {"VGG-16 (CIFAR-10)", "vgg16", 0, {0, 3}, 15.0, 313, 1, 0},
        {"Ghost-VGG-16 s=2 d=1", "vgg16", 0, {2, 1}, 7.6, 157, 1, 0},
        {"Ghost-VGG-16 s=2 d=3", "vgg16", 0, {2, 3}, 7.7, 158, 1, 0},
        {"Ghost-VGG-16 s=2 d=5", "vgg16", 0, {2, 5}, 7.7, 160, 1, 0},
        {"Ghost-VGG-16 s=2 d=7", "vgg16", 0, {2, 7}, 7.7, 163, 1, 0},
        {"Ghost-VGG-16 s=3 d=3", "vgg16", 0, {3, 3}, 5.2, 107, 1, 0},
        {"Ghost-VGG-16 s=4 d=3", "vgg16", 0, {4, 3}, 4.0, 80, 1, 0},
        {"Ghost-VGG-16 s=5 d=3", "vgg16", 0, {5, 3}, 3.3, 65, 1, 0},
        {"ResNet-56 (CIFAR-10)", "resnet56", 0, {0, 3}, 0.85, 125, 2, 0},
        {"Ghost-ResNet-56 s=2", "resnet56", 0, {2, 1}, 0.43, 63, 2, 0},
        {"Ghost-ResNet-50 s=2 (ImageNet)", "resnet50", 0, {2, 3}, 13.0, 2200, 1, -2},
        {"Ghost-ResNet-50 s=4 (ImageNet)", "resnet50", 0, {4, 3}, 6.5, 1200, 1, -2},
    };
    return figures;
}

NetworkCost figure_cost(const PublishedFigure &f) {
    if (f.network == "ghostnet") {
        NetworkConfig c;
        c.width = f.width;
        c.version = f.version;
        return ghostnet_cost(make_ghostnet_spec(c));
    }
    return plug_and_play_cost(f.network, f.ghost);
}

}  // namespace ghostnet
