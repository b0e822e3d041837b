#include "calibration.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>

#include "error.h"
#include "idx.h"
#include "q8_model_file.h"

namespace ghostnet {

// A (c, h, w) float tensor, x innermost.
struct Calibrator::Plane {
    int c = 0, h = 0, w = 0;
    std::vector<float> d;
    Plane() = default;
    Plane(int c_, int h_, int w_) : c(c_), h(h_), w(w_), d(size_t(c_) * h_ * w_, 0.0f) {}
    float *row(int ch, int y) { return d.data() + (size_t(ch) * h + y) * w; }
    const float *row(int ch, int y) const { return d.data() + (size_t(ch) * h + y) * w; }
};

namespace {

std::vector<float> pool(const std::vector<float> &d, int c) {
    const size_t hw = d.size() / c;
    std::vector<float> out(c);
    for (int i = 0; i < c; i++) {
        double s = 0;
        for (size_t j = 0; j < hw; j++) s += d[i * hw + j];
        out[i] = float(s / double(hw));
    }
    return out;
}

// Folded weights in PyTorch layout [cout][cin].
std::vector<float> linear(const std::vector<float> &in, const FoldedConv &f, int cout, bool relu) {
    std::vector<float> out(cout);
    const size_t cin = in.size();
    for (int o = 0; o < cout; o++) {
        float s = f.bias[o];
        for (size_t i = 0; i < cin; i++) s += f.weight[o * cin + i] * in[i];
        out[o] = relu ? std::max(s, 0.0f) : s;
    }
    return out;
}

}  // namespace

Calibrator::Calibrator(const NetworkSpec &spec, const TensorMap &tensors, const std::string &source,
                       double percentile)
    : spec_(spec), percentile_(percentile) {
    if (!(percentile >= 50.0 && percentile <= 100.0))
        throw Error("percentile must be in [50, 100], got " + std::to_string(percentile));
    check_tensors(spec, tensors, source);
    for (const ConvSpec *c : spec.convs()) folded_[c->weight] = fold_conv(*c, tensors, source);
}

Calibrator::Plane Calibrator::conv(const ConvSpec &c, const Plane &in, bool relu) const {
    const FoldedConv &f = folded_.at(c.weight);
    const int kh = c.kernel_h(), kw = c.kernel_w(), s = c.stride, pad_y = kh / 2, pad_x = kw / 2;
    Plane out(c.cout, conv_out_size(in.h, kh, s, pad_y), conv_out_size(in.w, kw, s, pad_x));
    const bool dw = c.kind == ConvKind::Depthwise;
    const int mult = c.multiplier();
    for (int o = 0; o < c.cout; o++) {
        for (int y = 0; y < out.h; y++) std::fill(out.row(o, y), out.row(o, y) + out.w, f.bias[o]);
        const int i0 = dw ? o / mult : 0, i1 = dw ? i0 + 1 : c.cin;
        for (int i = i0; i < i1; i++) {
            for (int ky = 0; ky < kh; ky++) {
                for (int kx = 0; kx < kw; kx++) {
                    const float wv = dw ? f.weight[(size_t(o) * kh + ky) * kw + kx]
                                        : f.weight[((size_t(o) * c.cin + i) * kh + ky) * kw + kx];
                    for (int y = 0; y < out.h; y++) {
                        const int iy = y * s + ky - pad_y;
                        if (iy < 0 || iy >= in.h) continue;
                        const float *src = in.row(i, iy);
                        float *dst = out.row(o, y);
                        for (int x = 0; x < out.w; x++) {
                            const int ix = x * s + kx - pad_x;
                            if (ix >= 0 && ix < in.w) dst[x] += wv * src[ix];
                        }
                    }
                }
            }
        }
    }
    if (relu)
        for (float &v : out.d) v = std::max(v, 0.0f);
    return out;
}

void Calibrator::record(const std::string &point, const std::vector<float> &values) {
    if (hook_ && *hook_) (*hook_)(point, values);
    Range &r = ranges_[point];
    if (values.empty()) return;
    if (percentile_ >= 100.0) {
        const auto mm = std::minmax_element(values.begin(), values.end());
        r.lo = images_ == 0 ? *mm.first : std::min(r.lo, *mm.first);
        r.hi = images_ == 0 ? *mm.second : std::max(r.hi, *mm.second);
        return;
    }
    std::vector<float> v = values;
    const size_t n = v.size();
    const size_t hi = std::min(n - 1, size_t(std::floor(percentile_ / 100.0 * double(n - 1) + 0.5)));
    const size_t lo = n - 1 - hi;
    std::nth_element(v.begin(), v.begin() + hi, v.end());
    r.hi_sum += v[hi];
    std::nth_element(v.begin(), v.begin() + lo, v.end());
    r.lo_sum += v[lo];
}

std::vector<float> Calibrator::observe(const float *chw, const Hook &hook) {
    struct Reset {
        const Hook *&h;
        ~Reset() { h = nullptr; }
    } reset{hook_};
    hook_ = &hook;
    const NetworkSpec &n = spec_;
    const int size = n.config.input_size;
    Plane x(n.config.in_channels, size, size);
    std::copy(chw, chw + x.d.size(), x.d.begin());
    record("input", x.d);

    x = conv(n.stem, x, true);
    record(n.stem.act_out, x.d);
    auto ghost = [&](const GhostModuleSpec &g, const Plane &in) {
        Plane primary = conv(g.primary, in, g.relu);
        Plane cheap = conv(g.cheap, primary, g.relu);
        Plane out(g.out, primary.h, primary.w);
        const size_t plane = size_t(primary.h) * primary.w;
        std::copy(primary.d.begin(), primary.d.end(), out.d.begin());
        const size_t ghosts = size_t(g.out - primary.c) * plane;
        std::copy(cheap.d.begin(), cheap.d.begin() + ghosts, out.d.begin() + primary.d.size());
        // The module output's range before the DFC attention gates it: q8 writes the ungated
        // values at this point's scale and gates them there (ghostnet_arch.h).
        record(g.primary.act_out, out.d);
        if (g.dfc) {
            Plane att(in.c, dfc_pooled_size(in.h), dfc_pooled_size(in.w));
            for (int c = 0; c < att.c; c++)
                for (int y = 0; y < att.h; y++)
                    for (int x = 0; x < att.w; x++) {
                        const float *r0 = in.row(c, 2 * y), *r1 = in.row(c, 2 * y + 1);
                        att.row(c, y)[x] = (r0[2 * x] + r0[2 * x + 1] + r1[2 * x] + r1[2 * x + 1]) * 0.25f;
                    }
            for (const ConvSpec *c : {&g.dfc_conv, &g.dfc_row, &g.dfc_column}) {
                att = conv(*c, att, false);
                record(c->act_out, att.d);
            }
            for (int c = 0; c < out.c; c++)
                for (int y = 0; y < out.h; y++) {
                    const float *a = att.row(c, nearest_source(y, att.h, out.h));
                    float *o = out.row(c, y);
                    for (int x = 0; x < out.w; x++)
                        o[x] *= 1.0f / (1.0f + std::exp(-a[nearest_source(x, att.w, out.w)]));
                }
        }
        return out;
    };
    for (const BottleneckSpec &b : n.blocks) {
        Plane y = ghost(b.ghost1, x);
        if (b.has_dw) {
            y = conv(b.dw, y, false);
            record(b.dw.act_out, y.d);
        }
        if (b.se.reduced) {
            std::vector<float> r = linear(pool(y.d, y.c), folded_.at(b.se.reduce.weight),
                                          b.se.reduced, true);
            record(b.se.reduce.act_out, r);
            const std::vector<float> e = linear(r, folded_.at(b.se.expand.weight), y.c, false);
            const size_t plane = size_t(y.h) * y.w;
            for (int c = 0; c < y.c; c++) {
                const float g = std::min(std::max(e[c] + 3.0f, 0.0f), 6.0f) / 6.0f;
                for (size_t j = 0; j < plane; j++) y.d[c * plane + j] *= g;
            }
        }
        y = ghost(b.ghost2, y);
        if (!b.identity_shortcut) {
            Plane s = conv(b.shortcut_dw, x, false);
            record(b.shortcut_dw.act_out, s.d);
            s = conv(b.shortcut_pw, s, false);
            record(b.shortcut_pw.act_out, s.d);
            x = std::move(s);
        }
        for (size_t j = 0; j < y.d.size(); j++) y.d[j] += x.d[j];
        record(b.act_out, y.d);
        x = std::move(y);
    }
    x = conv(n.head, x, true);
    record(n.head.act_out, x.d);
    std::vector<float> v = linear(pool(x.d, x.c), folded_.at(n.conv_head.weight), n.conv_head.cout, true);
    record(n.conv_head.act_out, v);
    v = linear(v, folded_.at(n.classifier.weight), n.classifier.cout, false);
    images_++;
    return v;
}

std::map<std::string, q8::ActQuant> Calibrator::act_quant() const {
    if (images_ == 0) throw Error("calibration saw no images");
    std::map<std::string, q8::ActQuant> q;
    for (const auto &kv : ranges_) {
        const Range &r = kv.second;
        const bool extremes = percentile_ >= 100.0;
        const float lo = extremes ? r.lo : float(r.lo_sum / images_);
        const float hi = extremes ? r.hi : float(r.hi_sum / images_);
        q[kv.first] = q8::choose_act_quant(lo, hi);
    }
    return q;
}

namespace {

bool is_idx_name(const std::string &path) {
    for (const char *s : {"-idx3-ubyte", "-idx3-ubyte.gz", ".idx", ".idx.gz"}) {
        const std::string suffix(s);
        if (path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0)
            return true;
    }
    return false;
}

}  // namespace

int for_each_calibration_input(const std::string &source, int limit, int channels, const Preprocess &pre,
                               const std::function<void(const std::vector<float> &)> &each) {
    int n = 0;
    if (!std::filesystem::is_directory(source) && is_idx_name(source)) {
        if (channels != 1)
            throw Error(source + ": IDX images are grayscale; the model takes " + std::to_string(channels) + " channels");
        const IdxArray images = read_idx(source);
        if (images.dims.size() != 3) throw Error(source + ": expected N x H x W images");
        const int count = limit > 0 ? std::min(limit, images.dims[0]) : images.dims[0];
        const size_t hw = size_t(images.dims[1]) * images.dims[2];
        for (; n < count; n++) {
            Image img;
            img.width = images.dims[2];
            img.height = images.dims[1];
            img.channels = 1;
            img.pixels.assign(images.data.begin() + n * hw, images.data.begin() + (n + 1) * hw);
            each(preprocess(img, pre));
        }
        return n;
    }
    const std::vector<std::string> files = image_files({source});
    if (files.empty()) throw Error(source + ": no image files (or an IDX file ending in -idx3-ubyte[.gz])");
    for (const std::string &f : files) {
        if (limit > 0 && n >= limit) break;
        each(preprocess(load_image(f, channels), pre));
        n++;
    }
    return n;
}

QuantizedCheckpoint quantize_checkpoint(const NetworkSpec &spec, const SafetensorsFile &file,
                                        const std::string &checkpoint, double percentile,
                                        const std::string &calibration,
                                        const std::function<int(Calibrator &)> &feed,
                                        const std::string &output, int grouped_weight_bits) {
    if (q8::is_q8_file(file)) throw Error(checkpoint + " is already a q8 model; give the float checkpoint");
    Calibrator cal(spec, file.tensors(), checkpoint, percentile);
    QuantizedCheckpoint q;
    const auto t0 = std::chrono::steady_clock::now();
    q.images = feed(cal);
    q.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    q.net = q8::quantize_network(spec, file.tensors(), checkpoint, cal.act_quant(), grouped_weight_bits);
    char pct[32];
    std::snprintf(pct, sizeof pct, "%g", percentile);
    namespace fs = std::filesystem;
    q8::write_model(output, spec, q.net,
                    {{"network", spec.describe()},
                     {"float_weights", fs::path(checkpoint).filename().string()},
                     {"calibration", fs::path(calibration).filename().string()},
                     {"calibration_images", std::to_string(q.images)},
                     {"percentile", pct}});
    return q;
}

}  // namespace ghostnet
