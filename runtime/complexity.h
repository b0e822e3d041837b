// Parameters and multiply-adds, layer by layer, of the networks this project builds (GhostNet)
// and of the paper's plug-and-play experiments: VGG-16 and ResNet-56 on CIFAR-10 and ResNet-50
// on ImageNet, plain or with every convolution but the first replaced by a Ghost module.
//
// Counting conventions (those of the GhostNet paper's tables):
//  - MACs: one per multiply-accumulate of a convolution or fully connected layer,
//    k*k * cin/groups * cout * out_h * out_w; the paper's "FLOPs" are these MACs.
//    Not counted: BatchNorm (folded into the conv at inference), biases, activations,
//    pooling, residual additions, the squeeze-excite gate's multiply.
//  - Parameters: as PyTorch counts them: weights, biases, BatchNorm's gamma and beta (its
//    running statistics are buffers, not parameters).
//  - A Ghost module replacing a conv (cin -> n, k x k, stride) is a primary conv cin -> m =
//    ceil(n / s) with the conv's kernel and stride, and a cheap d x d depthwise conv m ->
//    m (s - 1) (each with BatchNorm), all of it counted (PyTorch computes all m*s maps and
//    keeps the first n).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ghostnet_arch.h"
#include "plug_and_play_arch.h"

namespace ghostnet {

struct LayerCost {
    std::string name;
    std::string kind;  // "conv", "depthwise", "linear"
    int cin = 0, cout = 0, k = 1, stride = 1, groups = 1;
    Taps taps = Taps::Square;  // GhostNetV2's DFC attention: 1 x k and k x 1 depthwise convs
    int out_h = 1, out_w = 1;
    int kernel_h() const { return kernel_rows(taps, k); }
    int kernel_w() const { return kernel_columns(taps, k); }
    bool bn = false, bias = false;
    int64_t params() const;
    int64_t macs() const;
};

struct NetworkCost {
    std::string name;
    std::vector<LayerCost> layers;
    int64_t params() const;
    int64_t macs() const;
    std::string table() const;  // one row per layer, then the totals
    std::string json() const;
};

// The Ghost module choice for the plug-and-play networks: s == 0 keeps ordinary convs.
struct GhostChoice {
    int s = 0, d = 3;
};

NetworkCost ghostnet_cost(const NetworkSpec &spec);
NetworkCost plug_and_play_cost(const PlugAndPlaySpec &spec);
// CIFAR-10 VGG-16 and ResNet-56 as plug_and_play_arch.h builds them (the networks the
// plug_and_play generator compiles).
NetworkCost vgg16_cifar_cost(GhostChoice g);
NetworkCost resnet56_cifar_cost(GhostChoice g);
// ImageNet ResNet-50: 7x7 stride-2 stem, max pool, bottlenecks [3, 4, 6, 3] with 1x1
// projection shortcuts, 2048 -> 1000. With a Ghost choice, the classifier (a 1x1 conv on the
// pooled vector) becomes a Ghost module too, as every layer but the first does.
NetworkCost resnet50_imagenet_cost(GhostChoice g);

// "vgg16", "resnet56", "resnet50" with `g`; throws Error for another name.
NetworkCost plug_and_play_cost(const std::string &network, GhostChoice g);

// A figure the GhostNet paper publishes (Tables 2-4, 7: parameters in M, MACs in M; the
// GhostNetV2 paper's Table 2 for V2) and the
// network it describes; `digits` is how many decimals the paper gives for parameters.
struct PublishedFigure {
    std::string label;
    std::string network;  // ghostnet, vgg16, resnet56, resnet50
    double width;         // ghostnet only
    GhostChoice ghost;
    double params_m, macs_m;
    int params_digits, macs_digits;
    Version version = Version::V1;  // ghostnet only
};
const std::vector<PublishedFigure> &published_figures();
NetworkCost figure_cost(const PublishedFigure &f);

}  // namespace ghostnet
