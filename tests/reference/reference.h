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

using TensorMap = std::map<std::string, ghostnet::Tensor>;

// One file per op, named as generators/<op>.h. Layers from checkpoint tensors (timm names) apply
// BatchNorm unfolded and compute GhostNetV3's branches one by one, summed (never folded).

// conv2d.cpp. PyTorch Conv2d (groups 1): weight [cout][cin][k][k], padding k/2, optional bias
// (nullptr).
Tensor3 conv2d(const Tensor3 &in, const std::vector<float> &weight, const float *bias, int cout,
               int k, int stride);
// The same with a kh x kw kernel ([cout][cin][kh][kw]), padding kh/2 rows and kw/2 columns.
Tensor3 conv2d(const Tensor3 &in, const std::vector<float> &weight, const float *bias, int cout,
               int kh, int kw, int stride);
Tensor3 relu(Tensor3 t);
Tensor3 add(const Tensor3 &a, const Tensor3 &b);
Tensor3 batchnorm(Tensor3 t, const std::vector<float> &gamma, const std::vector<float> &beta,
                  const std::vector<float> &mean, const std::vector<float> &var, float eps = 1e-5f);
// A conv layer (dense or depthwise, as the spec's kind) from checkpoint tensors: the conv, its
// BatchNorm if it has one, ReLU if the spec says so.
Tensor3 conv_layer(const Tensor3 &in, const ConvSpec &spec, const TensorMap &t);

// depthwise_conv.cpp. PyTorch Conv2d with groups = in channels: weight [c * multiplier][1][kh][kw],
// output channel o reads input channel o / multiplier, padding kh/2 rows and kw/2 columns.
Tensor3 depthwise_conv(const Tensor3 &in, const std::vector<float> &weight, const float *bias, int multiplier,
                       int kh, int kw, int stride);

// linear.cpp. nn.Linear / 1x1 conv on a vector: weight [cout][cin].
std::vector<float> linear(const std::vector<float> &in, const std::vector<float> &weight,
                          const std::vector<float> &bias, int cout);

// pooling.cpp. Global average pooling; k x k max pooling, stride k, floor output size.
std::vector<float> global_avg_pool(const Tensor3 &in);
Tensor3 max_pool(const Tensor3 &in, int k);

// dfc_attention.cpp. GhostNetV2's DFC attention pieces: 2x2 average pooling with stride 2 (floor
// output size), the logistic sigmoid, nearest upsampling to h x w (source index
// floor(dst * in / out)); and the attention of Ghost module `g` on its input from checkpoint
// tensors: the gate at out_h x out_w its output is multiplied by.
Tensor3 avg_pool2(const Tensor3 &in);
Tensor3 sigmoid(Tensor3 t);
Tensor3 upsample_nearest(const Tensor3 &in, int h, int w);
Tensor3 dfc_attention(const Tensor3 &in, const GhostModuleSpec &g, const TensorMap &t, int out_h, int out_w);

// ghost_module.cpp. Ghost module with folded weights: primary [m][cin][k][k] + bias, cheap
// [m*(s-1)][1][d][d] + bias; and from checkpoint tensors (with the DFC attention when g.dfc).
Tensor3 ghost_module(const Tensor3 &in, const std::vector<float> &primary_w,
                     const std::vector<float> &primary_b, const std::vector<float> &cheap_w,
                     const std::vector<float> &cheap_b, int n, int ratio, int k, int d, int stride,
                     bool relu);
Tensor3 ghost_module(const Tensor3 &in, const GhostModuleSpec &spec, const TensorMap &t);

// squeeze_excite.cpp. Squeeze-excite: reduce [r][c] + bias, ReLU, expand [c][r] + bias,
// relu6(v + 3) / 6 gate.
Tensor3 squeeze_excite(const Tensor3 &in, const std::vector<float> &reduce_w,
                       const std::vector<float> &reduce_b, const std::vector<float> &expand_w,
                       const std::vector<float> &expand_b);

// ghost_bottleneck.cpp. A Ghost bottleneck from checkpoint tensors.
Tensor3 ghost_bottleneck(const Tensor3 &in, const BottleneckSpec &spec, const TensorMap &t);

// ghostnet.cpp. The head (1x1 conv + BN + ReLU, pool, conv_head + ReLU, classifier) and the whole
// network from checkpoint tensors: the logits.
std::vector<float> ghostnet_head(const Tensor3 &features, const NetworkSpec &spec, const TensorMap &t);
std::vector<float> ghostnet(const Tensor3 &input, const NetworkSpec &spec, const TensorMap &t);

// plug_and_play.cpp. VGG-16 / ResNet-56 (plain or Ghost) from checkpoint tensors: the logits.
std::vector<float> plug_and_play(const Tensor3 &input, const PlugAndPlaySpec &spec, const TensorMap &t);

}  // namespace reference
}  // namespace ghostnet
