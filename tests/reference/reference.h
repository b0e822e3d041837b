// Naive reference ops in plain C++: NCHW tensors, PyTorch weight layouts, double accumulation,
// BatchNorm applied as BatchNorm (never folded). The tests hold the Halide pipelines to these.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "ghostnet_arch.h"
#include "plug_and_play_arch.h"
#include "safetensors.h"

namespace ghostnet {
namespace reference {

struct Tensor3 {
    int c = 0, h = 0, w = 0;
    std::vector<float> d;  // [c][h][w]
    Tensor3() = default;
    Tensor3(int c_, int h_, int w_) : c(c_), h(h_), w(w_), d(size_t(c_) * h_ * w_, 0.0f) {}
    float &at(int ci, int y, int x) { return d[(size_t(ci) * h + y) * w + x]; }
    float at(int ci, int y, int x) const { return d[(size_t(ci) * h + y) * w + x]; }
};

// conv2d.cpp. PyTorch Conv2d: weight [cout][cin/groups][k][k], padding k/2, optional bias
// (nullptr). Output channel o reads input channels of group o / (cout/groups).
Tensor3 conv2d(const Tensor3 &in, const std::vector<float> &weight, const float *bias, int cout,
               int k, int stride, int groups);
// The same with a kh x kw kernel ([cout][cin/groups][kh][kw]), padding kh/2 rows and kw/2 columns.
Tensor3 conv2d(const Tensor3 &in, const std::vector<float> &weight, const float *bias, int cout,
               int kh, int kw, int stride, int groups);
Tensor3 relu(Tensor3 t);
Tensor3 add(const Tensor3 &a, const Tensor3 &b);
Tensor3 batchnorm(Tensor3 t, const std::vector<float> &gamma, const std::vector<float> &beta,
                  const std::vector<float> &mean, const std::vector<float> &var, float eps = 1e-5f);
// linear.cpp. nn.Linear / 1x1 conv on a vector: weight [cout][cin].
std::vector<float> linear(const std::vector<float> &in, const std::vector<float> &weight,
                          const std::vector<float> &bias, int cout);
// pooling.cpp. Global average pooling; k x k max pooling, stride k, floor output size.
std::vector<float> global_avg_pool(const Tensor3 &in);
Tensor3 max_pool(const Tensor3 &in, int k);
// GhostNetV2's DFC attention pieces: 2x2 average pooling with stride 2 (floor output size),
// the logistic sigmoid, and nearest upsampling to h x w (source index floor(dst * in / out)).
Tensor3 avg_pool2(const Tensor3 &in);
Tensor3 sigmoid(Tensor3 t);
Tensor3 upsample_nearest(const Tensor3 &in, int h, int w);

// ghost_module.cpp. Ghost module with folded weights: primary [m][cin][k][k] + bias, cheap
// [m*(s-1)][1][d][d] + bias.
Tensor3 ghost_module(const Tensor3 &in, const std::vector<float> &primary_w,
                     const std::vector<float> &primary_b, const std::vector<float> &cheap_w,
                     const std::vector<float> &cheap_b, int n, int ratio, int k, int d, int stride,
                     bool relu);

// squeeze_excite.cpp. Squeeze-excite: reduce [r][c] + bias, ReLU, expand [c][r] + bias,
// relu6(v + 3) / 6 gate.
Tensor3 squeeze_excite(const Tensor3 &in, const std::vector<float> &reduce_w,
                       const std::vector<float> &reduce_b, const std::vector<float> &expand_w,
                       const std::vector<float> &expand_b);

using TensorMap = std::map<std::string, ghostnet::Tensor>;

// ghostnet.cpp. Layers straight from checkpoint tensors (timm names), BatchNorm unfolded, and
// GhostNetV3's branches computed one by one and summed (never folded).
// conv_layer: the conv, its BatchNorm if it has one, ReLU if the spec says so.
Tensor3 conv_layer(const Tensor3 &in, const ConvSpec &spec, const TensorMap &t);
Tensor3 ghost_module(const Tensor3 &in, const GhostModuleSpec &spec, const TensorMap &t);
Tensor3 ghost_bottleneck(const Tensor3 &in, const BottleneckSpec &spec, const TensorMap &t);
std::vector<float> ghostnet_head(const Tensor3 &features, const NetworkSpec &spec, const TensorMap &t);
std::vector<float> ghostnet(const Tensor3 &input, const NetworkSpec &spec, const TensorMap &t);

// plug_and_play.cpp. VGG-16 / ResNet-56 (plain or Ghost) from checkpoint tensors: the logits.
std::vector<float> plug_and_play(const Tensor3 &input, const PlugAndPlaySpec &spec, const TensorMap &t);

}  // namespace reference
}  // namespace ghostnet
