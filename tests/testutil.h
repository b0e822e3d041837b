// What every test shares: random data, conversions between the reference's NCHW tensors and
// the pipelines' (c, x, y) buffers, and an element-by-element comparison that reports the
// worst element.
#pragma once

#include <HalideBuffer.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ghostnet_arch.h"
#include "reference/reference.h"
#include "safetensors.h"
#include "weights.h"

namespace ghostnet {
namespace test {

using reference::Tensor3;

// Input sizes (height, width) of a map GhostNetV2's DFC attention reads (its op, blocks, on this
// machine and on HVX): 2x2 (a 1x1 attention), odd sizes (floor pooling, uneven nearest
// upsampling), 28x28.
const int kDfcSizes[][2] = {{2, 2}, {7, 7}, {15, 15}, {9, 4}, {3, 5}, {28, 28}};

inline std::vector<float> random_vector(size_t n, std::mt19937 &rng, float lo, float hi) {
    std::uniform_real_distribution<float> u(lo, hi);
    std::vector<float> v(n);
    for (float &x : v) x = u(rng);
    return v;
}

inline std::vector<float> random_normal(size_t n, std::mt19937 &rng, float stddev) {
    std::normal_distribution<float> d(0.0f, stddev);
    std::vector<float> v(n);
    for (float &x : v) x = d(rng);
    return v;
}

inline Tensor3 random_tensor(int c, int h, int w, std::mt19937 &rng) {
    Tensor3 t(c, h, w);
    t.d = random_normal(t.d.size(), rng, 1.0f);
    return t;
}

// (c, x, y) buffer, channel innermost, from an NCHW tensor; and back.
inline Halide::Runtime::Buffer<float> to_cxy(const Tensor3 &t) {
    Halide::Runtime::Buffer<float> b(t.c, t.w, t.h);
    for (int y = 0; y < t.h; y++)
        for (int x = 0; x < t.w; x++)
            for (int c = 0; c < t.c; c++) b(c, x, y) = t.at(c, y, x);
    return b;
}

inline Tensor3 from_cxy(const Halide::Runtime::Buffer<float> &b) {
    Tensor3 t(b.dim(0).extent(), b.dim(2).extent(), b.dim(1).extent());
    for (int y = 0; y < t.h; y++)
        for (int x = 0; x < t.w; x++)
            for (int c = 0; c < t.c; c++) t.at(c, y, x) = b(c, x, y);
    return t;
}

struct Diff {
    double max_abs = 0;
    size_t worst = 0;
    float got = 0, want = 0;
    bool nonfinite = false;
    std::string str() const {
        std::ostringstream s;
        s << "max abs diff " << max_abs << " at element " << worst << " (got " << got << ", want "
          << want << ")" << (nonfinite ? " [non-finite value]" : "");
        return s.str();
    }
};

// A product of two floats whose exact value (1e-40) is a denormal, computed at run time (its
// operands are volatile) in the calling thread's float mode: 0 where that thread flushes
// denormals (runtime/float_env.h).
inline float denormal_product() {
    static volatile float tiny = 1e-30f, small = 1e-10f;
    return tiny * small;
}

// Root mean square of a reference output: the network tests check it lies in a range where
// their absolute tolerance is a real test.
inline double rms(const std::vector<float> &v) {
    double sq = 0;
    for (float x : v) sq += double(x) * x;
    return v.empty() ? 0.0 : std::sqrt(sq / v.size());
}

// The bundled model's network (GhostNet 0.5x small, 32x32x1, 10 classes).
inline NetworkConfig small_config() {
    NetworkConfig cfg;
    cfg.width = 0.5;
    cfg.input_size = 32;
    cfg.in_channels = 1;
    cfg.num_classes = 10;
    cfg.variant = Variant::Small;
    return cfg;
}

// The GhostNetV2 / V3 PyTorch fixtures (tests/fixtures/ghostnet<v>_050_s112_k10, made by
// tools/make_fixture.py): GhostNet 0.5x at 112x112, 10 classes, of member `v`.
inline NetworkConfig family_fixture_config(Version v) {
    NetworkConfig cfg;
    cfg.width = 0.5;
    cfg.input_size = 112;
    cfg.num_classes = 10;
    cfg.version = v;
    return cfg;
}
inline std::string family_fixture_dir(const std::string &fixtures, Version v) {
    return fixtures + "/ghostnet" + version_name(v) + "_050_s112_k10";
}
// What logits computed in float32 may differ from a fixture's (PyTorch's in float64) by:
// `relative` of the largest logit's magnitude (at least 1).
inline double logit_tolerance(const std::vector<float> &want, double relative = 1e-4) {
    double largest = 1.0;
    for (float l : want) largest = std::max(largest, double(std::fabs(l)));
    return relative * largest;
}

// The indices of the five largest values (of all, when fewer), largest first.
inline std::vector<int> top5(const std::vector<float> &v) {
    std::vector<int> idx(v.size());
    std::iota(idx.begin(), idx.end(), 0);
    const size_t n = std::min<size_t>(5, idx.size());
    std::partial_sort(idx.begin(), idx.begin() + n, idx.end(), [&](int a, int b) { return v[a] > v[b]; });
    idx.resize(n);
    return idx;
}

inline Diff compare(const std::vector<float> &got, const std::vector<float> &want) {
    Diff d;
    if (got.size() != want.size()) {
        d.max_abs = INFINITY;
        return d;
    }
    for (size_t i = 0; i < got.size(); i++) {
        if (!std::isfinite(got[i])) d.nonfinite = true;
        const double e = std::fabs(double(got[i]) - want[i]);
        if (!(e <= d.max_abs)) {
            d.max_abs = e;
            d.worst = i;
            d.got = got[i];
            d.want = want[i];
        }
    }
    return d;
}

// Tolerance relative to the reference's scale: float32 accumulation over a reduction of
// `terms` products, against a double-accumulated reference.
inline double tolerance(const std::vector<float> &want, int terms) {
    double scale = 1.0;
    for (float v : want) scale = std::max(scale, double(std::fabs(v)));
    return 1e-5 * scale * std::sqrt(double(std::max(terms, 1))) + 1e-6;
}

}  // namespace test
}  // namespace ghostnet
