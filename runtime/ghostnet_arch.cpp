#include "ghostnet_arch.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace ghostnet {

int make_divisible(double v, int divisor) {
    int new_v = std::max(divisor, static_cast<int>(v + divisor / 2.0) / divisor * divisor);
    if (new_v < 0.9 * v) new_v += divisor;
    return new_v;
}

std::vector<int64_t> ConvSpec::weight_shape() const {
    switch (kind) {
    case ConvKind::Dense: return {cout, cin, kernel_h(), kernel_w()};
    case ConvKind::Depthwise: return {cout, 1, kernel_h(), kernel_w()};
    case ConvKind::Linear: return fully_connected ? std::vector<int64_t>{cout, cin} : std::vector<int64_t>{cout, cin, 1, 1};
    }
    return {};
}

void ConvSpec::append_tensors(std::vector<TensorSpec> *out) const {
    auto append_bn = [&](const std::string &prefix) {
        for (const char *t : {".weight", ".bias", ".running_mean", ".running_var"})
            out->push_back({prefix + t, {cout}});
    };
    if (!branches.empty()) {
        for (const ConvBranch &b : branches) {
            if (!b.weight.empty()) {
                std::vector<int64_t> shape = weight_shape();
                shape[2] = shape[3] = b.k;
                out->push_back({b.weight, shape});
            }
            append_bn(b.bn);
        }
        return;
    }
    out->push_back({weight, weight_shape()});
    if (!bias.empty()) out->push_back({bias, {cout}});
    if (!bn.empty()) append_bn(bn);
}

std::vector<ConvSpec *> GhostModuleSpec::convs() {
    std::vector<ConvSpec *> v{&primary, &cheap};
    if (dfc) {
        v.push_back(&dfc_conv);
        v.push_back(&dfc_row);
        v.push_back(&dfc_column);
    }
    return v;
}

std::vector<const ConvSpec *> GhostModuleSpec::convs() const {
    std::vector<const ConvSpec *> v;
    for (ConvSpec *c : const_cast<GhostModuleSpec *>(this)->convs()) v.push_back(c);
    return v;
}

std::vector<ConvSpec *> BottleneckSpec::convs() {
    std::vector<ConvSpec *> v = ghost1.convs();
    if (has_dw) v.push_back(&dw);
    if (se.reduced) {
        v.push_back(&se.reduce);
        v.push_back(&se.expand);
    }
    v.push_back(&ghost2.primary);
    v.push_back(&ghost2.cheap);
    if (!identity_shortcut) {
        v.push_back(&shortcut_dw);
        v.push_back(&shortcut_pw);
    }
    return v;
}

std::vector<const ConvSpec *> BottleneckSpec::convs() const {
    std::vector<const ConvSpec *> v;
    for (ConvSpec *c : const_cast<BottleneckSpec *>(this)->convs()) v.push_back(c);
    return v;
}

std::vector<std::string> BottleneckSpec::activation_points() const {
    std::vector<std::string> points;
    for (const ConvSpec *c : convs())
        if (!c->act_out.empty() && std::find(points.begin(), points.end(), c->act_out) == points.end())
            points.push_back(c->act_out);
    points.push_back(act_out);
    return points;
}

size_t ConvSpec::weight_count() const {
    switch (kind) {
    case ConvKind::Dense: return size_t(kernel_h()) * kernel_w() * cin * cout;
    case ConvKind::Depthwise: return size_t(kernel_h()) * kernel_w() * cout;
    case ConvKind::Linear: return size_t(cin) * cout;
    }
    return 0;
}

size_t ConvSpec::packed_weight_count() const {
    if (kind != ConvKind::Linear) return weight_count();
    return size_t(cin) * ((cout + kLinearBlock - 1) / kLinearBlock * kLinearBlock);
}

namespace {

// One row of the paper's Table 1 (MobileNetV3-large layout): kernel, expansion, output, SE, stride.
struct CfgRow {
    int k, exp, c;
    double se;
    int s;
};

// The cfg table, grouped into the stages the checkpoints name (blocks.<stage>.<index>).
const std::vector<std::vector<CfgRow>> &cfg_table() {
    static const std::vector<std::vector<CfgRow>> table = {
        {{3, 16, 16, 0, 1}},
        {{3, 48, 24, 0, 2}},
        {{3, 72, 24, 0, 1}},
        {{5, 72, 40, 0.25, 2}},
        {{5, 120, 40, 0.25, 1}},
        {{3, 240, 80, 0, 2}},
        {{3, 200, 80, 0, 1}, {3, 184, 80, 0, 1}, {3, 184, 80, 0, 1}, {3, 480, 112, 0.25, 1}, {3, 672, 112, 0.25, 1}},
        {{5, 672, 160, 0.25, 2}},
        {{5, 960, 160, 0, 1}, {5, 960, 160, 0.25, 1}, {5, 960, 160, 0, 1}, {5, 960, 160, 0.25, 1}},
    };
    return table;
}

constexpr int kHeadExpansion = 960;  // last cfg row's expansion: the 1x1 head conv width
constexpr int kFeatureChannels = 1280;
constexpr int kStemChannels = 16;

std::string fmt_width(double w) {
    std::ostringstream s;
    s << w;
    return s.str();
}

}  // namespace

ConvSpec make_conv_spec(const std::string &weight, const std::string &bn, ConvKind kind, int cin, int cout,
              int k, int stride, bool relu) {
    ConvSpec c;
    c.weight = weight;
    c.bn = bn;
    c.kind = kind;
    c.cin = cin;
    c.cout = cout;
    c.k = k;
    c.stride = stride;
    c.relu = relu;
    return c;
}

ConvSpec make_linear_spec(const std::string &prefix, int cin, int cout, bool relu) {
    ConvSpec c = make_conv_spec(prefix + ".weight", "", ConvKind::Linear, cin, cout, 1, 1, relu);
    c.bias = prefix + ".bias";
    return c;
}

// timm: `if version in ('v2', 'v3') and layer_idx > 1`.
bool has_dfc(Version v, int block_index) { return v != Version::V1 && block_index > 1; }

void validate_config(const NetworkConfig &c) {
    if (!(c.width >= 0.1 && c.width <= 4.0))
        throw std::invalid_argument("width must be in [0.1, 4], got " + fmt_width(c.width));
    if (c.in_channels < 1 || c.in_channels > 4)
        throw std::invalid_argument("in_channels must be 1..4, got " + std::to_string(c.in_channels));
    if (c.num_classes < 1 || c.num_classes > 100000)
        throw std::invalid_argument("num_classes must be 1..100000, got " + std::to_string(c.num_classes));
    if (c.input_size < 8 || c.input_size > 4096)
        throw std::invalid_argument("input_size must be 8..4096, got " + std::to_string(c.input_size));
}

namespace {

// GhostNetV3's re-parameterized conv (timm's GhostModuleV3 / GhostBottleneckV3): `c` keeps its
// shape and takes timm's deploy names (`deploy`.weight and .bias, no BatchNorm); the checkpoint
// holds three k x k conv + BN branches (`convs`.<i>.conv, .bn1), a 1x1 conv + BN scale branch
// (`scale`.conv, .bn1) when k > 1 and `scale` is given, and a BN identity branch (`skip`) when
// given.
void make_branches(ConvSpec *c, const std::string &deploy, const std::string &convs, const std::string &scale,
                   const std::string &skip) {
    constexpr int kConvBranches = 3;
    c->weight = deploy + ".weight";
    c->bias = deploy + ".bias";
    c->bn.clear();
    c->branches.clear();
    for (int i = 0; i < kConvBranches; i++) {
        const std::string b = convs + "." + std::to_string(i);
        c->branches.push_back({b + ".conv.weight", b + ".bn1", c->k});
    }
    if (c->k > 1 && !scale.empty()) c->branches.push_back({scale + ".conv.weight", scale + ".bn1", 1});
    if (!skip.empty()) c->branches.push_back({"", skip, 0});
}

}  // namespace

GhostModuleSpec make_ghost_module_spec(const std::string &prefix, int in, int out, int ratio, int k,
                                       int d, int stride, bool relu, const std::string &act_in,
                                       Version version, bool dfc) {
    GhostModuleSpec g;
    g.in = in;
    g.out = out;
    g.ratio = ratio;
    g.k = k;
    g.d = d;
    g.stride = stride;
    g.relu = relu;
    const int init = (out + ratio - 1) / ratio;
    g.primary = make_conv_spec(prefix + ".primary_conv.0.weight", prefix + ".primary_conv.1", ConvKind::Dense,
                     in, init, k, stride, relu);
    g.cheap = make_conv_spec(prefix + ".cheap_operation.0.weight", prefix + ".cheap_operation.1",
                   ConvKind::Depthwise, init, init * (ratio - 1), d, 1, relu);
    g.primary.act_in = act_in;
    g.primary.act_out = g.cheap.act_in = g.cheap.act_out = prefix;
    if (version == Version::V3) {
        // timm: no scale branch for a 1x1 primary conv, no identity branch for it (its input and
        // output differ); the cheap op's identity only where it keeps the channel count.
        make_branches(&g.primary, prefix + ".primary_conv.0", prefix + ".primary_rpr_conv", prefix + ".primary_rpr_scale", "");
        make_branches(&g.cheap, prefix + ".cheap_operation.0", prefix + ".cheap_rpr_conv", prefix + ".cheap_rpr_scale",
                      g.cheap.cout == g.cheap.cin ? prefix + ".cheap_rpr_skip" : "");
    }
    g.dfc = dfc;
    if (dfc) {
        const std::string s = prefix + ".short_conv.";
        g.dfc_conv = make_conv_spec(s + "0.weight", s + "1", ConvKind::Dense, in, out, k, stride, false);
        g.dfc_row = make_conv_spec(s + "2.weight", s + "3", ConvKind::Depthwise, out, out, kDfcKernel, 1, false);
        g.dfc_row.taps = Taps::Row;
        g.dfc_column = make_conv_spec(s + "4.weight", s + "5", ConvKind::Depthwise, out, out, kDfcKernel, 1, false);
        g.dfc_column.taps = Taps::Column;
        g.dfc_conv.act_in = act_in;
        g.dfc_conv.act_out = g.dfc_row.act_in = prefix + ".dfc_conv";
        g.dfc_row.act_out = g.dfc_column.act_in = prefix + ".dfc_row";
        g.dfc_column.act_out = prefix + ".dfc_column";
    }
    return g;
}

BottleneckSpec make_bottleneck_spec(const std::string &name, int in, int mid, int out, int k,
                                    int stride, int se_reduce, int in_h, int in_w, int ghost_ratio,
                                    int ghost_dw, const std::string &act_in, Version version, bool dfc) {
    BottleneckSpec b;
    b.name = name;
    b.in = in;
    b.mid = mid;
    b.out = out;
    b.k = k;
    b.stride = stride;
    b.in_h = in_h;
    b.in_w = in_w;
    b.out_h = conv_out_size(in_h, k, stride, (k - 1) / 2);
    b.out_w = conv_out_size(in_w, k, stride, (k - 1) / 2);
    if (dfc && (dfc_pooled_size(in_h) < 1 || dfc_pooled_size(in_w) < 1))
        throw std::invalid_argument(name + ": " + std::string(member_name(version)) +
                                    "'s DFC attention pools its " + std::to_string(in_h) + "x" + std::to_string(in_w) +
                                    " input map 2x2 (stride 2) to nothing; it needs maps of at least 2x2 (a larger "
                                    "input size)");
    b.ghost1 = make_ghost_module_spec(name + ".ghost1", in, mid, ghost_ratio, 1, ghost_dw, 1, true,
                                      act_in, version, dfc);
    std::string x = name + ".ghost1";  // the activation point feeding the second module
    b.has_dw = stride > 1;
    if (b.has_dw) {
        b.dw = make_conv_spec(name + ".conv_dw.weight", name + ".bn_dw", ConvKind::Depthwise, mid, mid, k,
                    stride, false);
        b.dw.act_in = x;
        b.dw.act_out = x = name + ".conv_dw";
        if (version == Version::V3) make_branches(&b.dw, name + ".conv_dw", name + ".dw_rpr_conv", name + ".dw_rpr_scale", "");
    }
    b.se.channels = mid;
    b.se.reduced = se_reduce;
    if (se_reduce) {
        // The pooled vector and the gated tensor keep the scale of the tensor SE reads.
        b.se.reduce = make_linear_spec(name + ".se.conv_reduce", mid, se_reduce, true);
        b.se.reduce.act_in = x;
        b.se.reduce.act_out = name + ".se.conv_reduce";
        b.se.expand = make_linear_spec(name + ".se.conv_expand", se_reduce, mid, false);
        b.se.expand.act_in = name + ".se.conv_reduce";
        b.se.expand.gate = true;
    }
    b.ghost2 = make_ghost_module_spec(name + ".ghost2", mid, out, ghost_ratio, 1, ghost_dw, 1, false,
                                      x, version);
    b.identity_shortcut = in == out && stride == 1;
    b.act_in = act_in;
    b.act_residual = name + ".ghost2";
    b.act_shortcut = act_in;
    b.act_out = name;
    if (!b.identity_shortcut) {
        b.shortcut_dw = make_conv_spec(name + ".shortcut.0.weight", name + ".shortcut.1", ConvKind::Depthwise,
                             in, in, k, stride, false);
        b.shortcut_pw = make_conv_spec(name + ".shortcut.2.weight", name + ".shortcut.3", ConvKind::Dense, in,
                             out, 1, 1, false);
        b.shortcut_dw.act_in = act_in;
        b.shortcut_dw.act_out = b.shortcut_pw.act_in = name + ".shortcut_dw";
        b.shortcut_pw.act_out = b.act_shortcut = name + ".shortcut_pw";
    }
    return b;
}

size_t assign_offsets(const std::vector<ConvSpec *> &convs) {
    size_t off = 0;
    for (ConvSpec *c : convs) {
        c->weight_offset = off;
        off += c->packed_weight_count();
        c->bias_offset = off;
        off += c->cout;
    }
    const ConvSpec *last = convs.empty() ? nullptr : convs.back();
    if (last && last->kind == ConvKind::Linear) off += size_t(kLinearSlackBlocks) * kLinearBlock * last->cin;
    return off + kPackedSlack;
}

int nearest_source(int dst, int in_size, int out_size) {
    return std::min(int(int64_t(dst) * in_size / out_size), in_size - 1);
}

size_t ConvSpec::q_params_count() const {
    return q8_layout::conv_params(cout, q8_grouped());
}

size_t assign_q8_offsets(const std::vector<ConvSpec *> &convs, size_t start) {
    for (ConvSpec *c : convs) {
        c->q_params_offset = start;
        start += c->q_params_count();
    }
    return start;
}

size_t assign_q8_offsets(BottleneckSpec *block, size_t start) {
    start = assign_q8_offsets(block->convs(), start);
    if (block->ghost1.dfc) {
        block->ghost1.q_sigmoid_offset = start;
        start += kQ8SigmoidTable;
    }
    block->q_add_offset = start;
    return start + kQ8AddParams;
}

NetworkSpec make_ghostnet_spec(const NetworkConfig &config) {
    validate_config(config);
    NetworkSpec n;
    n.config = config;
    const double w = config.width;
    const bool small = config.variant == Variant::Small;
    const auto &table = cfg_table();

    const int stem_stride = small ? 1 : 2;
    n.stem = make_conv_spec("conv_stem.weight", "bn1", ConvKind::Dense, config.in_channels,
                  make_divisible(kStemChannels * w, 4), 3, stem_stride, true);
    n.stem.act_in = "input";
    n.stem.act_out = "conv_stem";
    std::string act = n.stem.act_out;
    n.stem_h = n.stem_w = conv_out_size(config.input_size, 3, stem_stride, 1);

    // The small variant also drops the last downsampling (blocks.7.0), so 32x32 ends at 4x4.
    size_t last_down = 0;
    for (size_t stage = 0; stage < table.size(); stage++)
        if (table[stage][0].s > 1) last_down = stage;

    int prev = n.stem.cout, h = n.stem_h, wd = n.stem_w;
    for (size_t stage = 0; stage < table.size(); stage++) {
        for (size_t i = 0; i < table[stage].size(); i++) {
            const CfgRow &r = table[stage][i];
            const int stride = (small && stage == last_down) ? 1 : r.s;
            const int mid = make_divisible(r.exp * w, 4);
            const int out = make_divisible(r.c * w, 4);
            const int se = r.se > 0 ? make_divisible(mid * r.se, 4) : 0;
            n.blocks.push_back(make_bottleneck_spec(
                "blocks." + std::to_string(stage) + "." + std::to_string(i), prev, mid, out, r.k,
                stride, se, h, wd, n.ghost_ratio, n.ghost_dw, act, config.version,
                has_dfc(config.version, int(n.blocks.size()))));
            act = n.blocks.back().act_out;
            n.blocks.back().stage = int(stage);
            n.blocks.back().index = int(i);
            prev = out;
            h = n.blocks.back().out_h;
            wd = n.blocks.back().out_w;
        }
    }
    n.num_stages = int(table.size());
    const std::string head = "blocks." + std::to_string(n.num_stages) + ".0";
    n.head = make_conv_spec(head + ".conv.weight", head + ".bn1", ConvKind::Dense, prev,
                  make_divisible(kHeadExpansion * w, 4), 1, 1, true);
    n.head_h = h;
    n.head_w = wd;
    n.head.act_in = act;
    n.head.act_out = head;  // the pooled vector keeps this scale
    n.conv_head = make_linear_spec("conv_head", n.head.cout, kFeatureChannels, true);
    n.conv_head.act_in = head;
    n.conv_head.act_out = "conv_head";
    n.classifier = make_linear_spec("classifier", kFeatureChannels, config.num_classes, false);
    n.classifier.fully_connected = true;
    n.classifier.act_in = "conv_head";

    std::vector<ConvSpec *> all;
    for (const ConvSpec *c : n.convs()) all.push_back(const_cast<ConvSpec *>(c));
    n.packed_size = assign_offsets(all);

    size_t q = assign_q8_offsets({&n.stem}, 0);
    for (BottleneckSpec &b : n.blocks) q = assign_q8_offsets(&b, q);
    n.q_params_size = assign_q8_offsets({&n.head, &n.conv_head, &n.classifier}, q) + kPackedSlack;
    return n;
}

std::vector<const ConvSpec *> NetworkSpec::convs() const {
    std::vector<const ConvSpec *> v{&stem};
    for (const BottleneckSpec &b : blocks)
        for (const ConvSpec *c : b.convs()) v.push_back(c);
    v.push_back(&head);
    v.push_back(&conv_head);
    v.push_back(&classifier);
    return v;
}

std::vector<std::string> NetworkSpec::activation_points() const {
    std::vector<std::string> points{"input"};
    auto add = [&](const std::string &p) {
        if (!p.empty() && std::find(points.begin(), points.end(), p) == points.end())
            points.push_back(p);
    };
    add(stem.act_out);
    for (const BottleneckSpec &b : blocks)
        for (const std::string &p : b.activation_points()) add(p);
    for (const ConvSpec *c : {&head, &conv_head, &classifier}) add(c->act_out);
    return points;
}

std::vector<TensorSpec> NetworkSpec::tensors() const {
    std::vector<TensorSpec> t;
    for (const ConvSpec *c : convs()) c->append_tensors(&t);
    return t;
}

int64_t count_parameters(const std::vector<TensorSpec> &tensors) {
    auto ends_with = [](const std::string &s, const std::string &x) {
        return s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
    };
    int64_t total = 0;
    for (const TensorSpec &t : tensors) {
        if (ends_with(t.name, ".running_mean") || ends_with(t.name, ".running_var")) continue;
        int64_t n = 1;
        for (int64_t d : t.shape) n *= d;
        total += n;
    }
    return total;
}

int64_t NetworkSpec::parameter_count() const { return count_parameters(tensors()); }

std::string NetworkSpec::describe() const {
    std::ostringstream s;
    s << member_name(config.version) << " " << fmt_width(config.width) << "x (" << variant_name(config.variant) << "), "
      << config.input_size << "x" << config.input_size << "x" << config.in_channels << ", "
      << config.num_classes << " classes";
    return s.str();
}

std::string NetworkSpec::to_json() const {
    std::ostringstream j;
    j << "{\n \"config\": {\"width\": " << fmt_width(config.width)
      << ", \"input_size\": " << config.input_size << ", \"in_channels\": " << config.in_channels
      << ", \"num_classes\": " << config.num_classes << ", \"variant\": \""
      << variant_name(config.variant) << "\", \"version\": \"" << version_name(config.version) << "\"},\n";
    j << " \"ghost_ratio\": " << ghost_ratio << ", \"ghost_dw_kernel\": " << ghost_dw << ",\n";
    j << " \"stem\": {\"cin\": " << stem.cin << ", \"cout\": " << stem.cout << ", \"k\": " << stem.k
      << ", \"stride\": " << stem.stride << "},\n \"stages\": [";
    for (int s = 0; s < num_stages; s++) {
        j << (s ? ",\n  [" : "\n  [");
        bool first = true;
        for (const BottleneckSpec &b : blocks) {
            if (b.stage != s) continue;
            j << (first ? "" : ", ") << "{\"in\": " << b.in << ", \"mid\": " << b.mid
              << ", \"out\": " << b.out << ", \"k\": " << b.k << ", \"stride\": " << b.stride
              << ", \"se_reduce\": " << b.se.reduced << ", \"dfc\": " << (b.ghost1.dfc ? "true" : "false") << "}";
            first = false;
        }
        j << "]";
    }
    j << "],\n \"head\": {\"cin\": " << head.cin << ", \"cout\": " << head.cout << "},\n";
    j << " \"feature\": " << conv_head.cout << ",\n \"num_classes\": " << classifier.cout << ",\n";
    j << " \"parameters\": " << parameter_count() << ",\n \"tensors\": [";
    bool first = true;
    for (const TensorSpec &t : tensors()) {
        j << (first ? "\n  " : ",\n  ") << "{\"name\": \"" << t.name << "\", \"shape\": [";
        for (size_t i = 0; i < t.shape.size(); i++) j << (i ? ", " : "") << t.shape[i];
        j << "]}";
        first = false;
    }
    j << "\n ]\n}\n";
    return j.str();
}

}  // namespace ghostnet
