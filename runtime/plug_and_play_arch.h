// The plug-and-play networks of the GhostNet paper (Sec. 4.1, Tables 3 and 4): VGG-16 and
// ResNet-56 for CIFAR-10 (32x32x3 in, 10 classes), plain or with every convolution but the
// first replaced by a Ghost module of ratio s and cheap kernel d. The one place that knows
// their layers, tensor names and packed offsets: the generator builds the pipeline from it,
// the runtime checks and packs checkpoints with it, ghostnet-stats counts it.
//
// Checkpoint names (PyTorch modules, BatchNorm after every conv):
//   VGG-16     features.<i>.conv.weight + features.<i>.bn.*      (i = 0..12, the 13 convs)
//              classifier.0 (512 -> 512, ReLU), classifier.1 (512 -> 10): nn.Linear
//   ResNet-56  conv1.weight + bn1.*, layer<s>.<b>.conv1/bn1, .conv2/bn2 (s = 1..3, b = 0..8),
//              fc (64 -> 10); option A shortcuts (no parameters): stride-2 subsampling and
//              zero channels, (out - in) / 2 on each side, as He et al.'s CIFAR ResNets
//   A Ghost module replacing conv <p> is named as GhostNet's:
//              <p>.primary_conv.0.weight + <p>.primary_conv.1.* (BN),
//              <p>.cheap_operation.0.weight + <p>.cheap_operation.1.* (BN)
#pragma once

#include <string>
#include <vector>

#include "ghostnet_arch.h"

namespace ghostnet {

enum class PlugAndPlayNetwork { Vgg16, Resnet56 };

struct PlugAndPlayConfig {
    PlugAndPlayNetwork network = PlugAndPlayNetwork::Vgg16;
    int ghost_ratio = 0;  // s: 0 keeps ordinary convs, >= 2 uses Ghost modules
    int ghost_dw = 3;     // d: the cheap depthwise kernel (odd)
};

// One convolution of the original network (k x k, BatchNorm, optional ReLU): an ordinary conv
// or the Ghost module that replaces it.
struct PlugAndPlayLayer {
    std::string name;  // module prefix, e.g. "features.3" or "layer2.0.conv1"
    bool ghost = false;
    ConvSpec conv;           // !ghost
    GhostModuleSpec module;  // ghost
    int in_c = 0, out_c = 0, k = 3, stride = 1;
    int in_h = 0, in_w = 0, out_h = 0, out_w = 0;
    bool relu = true;
    bool max_pool_after = false;  // VGG: a 2x2 stride-2 max pool follows
    std::vector<const ConvSpec *> convs() const;
};

// ResNet's basic block: relu(conv2(conv1(x)) + shortcut(x)), conv1 ReLU'd, conv2 not.
struct ResidualBlockSpec {
    std::string name;  // "layer<s>.<b>"
    PlugAndPlayLayer conv1, conv2;
    int in_c = 0, out_c = 0, stride = 1;
    // Option A: the shortcut reads input channel c - channel_pad at (stride x, stride y),
    // zero outside [0, in_c).
    int channel_pad() const { return (out_c - in_c) / 2; }
};

struct PlugAndPlaySpec {
    PlugAndPlayConfig config;
    int input_size = 32, in_channels = 3, num_classes = 10;
    std::vector<PlugAndPlayLayer> features;  // VGG: the 13 convs; ResNet: the stem conv
    std::vector<ResidualBlockSpec> blocks;   // ResNet's 27 blocks; none for VGG
    bool global_avg_pool = false;            // ResNet: pooled before the classifier
    std::vector<ConvSpec> classifier;        // fully connected layers, the last gives logits
    size_t packed_size = 0;                  // floats, including kPackedSlack

    std::string name() const;      // "vgg16", "ghost_vgg16_s2_d3", "resnet56", ...
    std::string describe() const;  // "Ghost-VGG-16 (s=2, d=3), CIFAR-10 32x32x3, 10 classes"
    std::vector<TensorSpec> tensors() const;
    std::vector<const ConvSpec *> convs() const;  // in packing order
    int64_t parameter_count() const;
};

// Throws std::invalid_argument for s == 1, s < 0, s > 16, or an even or non-positive d.
PlugAndPlaySpec make_plug_and_play_spec(const PlugAndPlayConfig &config);

const char *network_name(PlugAndPlayNetwork n);  // "vgg16", "resnet56"
bool parse_plug_and_play_network(const std::string &s, PlugAndPlayNetwork *out);

}  // namespace ghostnet
