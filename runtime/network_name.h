// A network's configuration and its names: the one spelling of each variant and family member,
// and the network name every library, tool, file and message uses (the name rule), with its
// parser. Prose elsewhere points here rather than restating the rule. The architecture a
// configuration builds: ghostnet_arch.h.
#pragma once

#include <string>

namespace ghostnet {

// Which cfg table: the paper's ImageNet GhostNet, or a shallower one for small inputs
// (stem stride 1 and no stride-2 in the last stage: 32x32 input ends at 4x4).
enum class Variant { ImageNet, Small };
constexpr Variant kAllVariants[] = {Variant::ImageNet, Variant::Small};

// The family member (timm: ghostnet_100, ghostnetv2_100, ghostnetv3_100). The cfg table, stem
// and head are V1's in all three.
//  V1: Ghost modules (Han et al., CVPR 2020).
//  V2: every block after the first two (counted over all stages) has a DFC attention in its
//      first Ghost module (GhostModuleSpec::dfc; Tang et al., NeurIPS 2022).
//  V3: V2's topology at inference; the checkpoint holds the training-time branches of every
//      Ghost module's primary and cheap convs and of each stride-2 depthwise conv
//      (ConvSpec::branches), folded at load (Liu et al., 2024).
enum class Version { V1, V2, V3 };
constexpr Version kAllVersions[] = {Version::V1, Version::V2, Version::V3};

struct NetworkConfig {
    double width = 1.0;
    int input_size = 224;
    int in_channels = 3;
    int num_classes = 1000;
    Variant variant = Variant::ImageNet;
    Version version = Version::V1;
};

// The one spelling of each variant and member, which every tool, file and message uses;
// parse_* take exactly these names. *_choices lists them for messages: "imagenet or small".
const char *variant_name(Variant v);  // "imagenet", "small"
bool parse_variant(const std::string &s, Variant *out);
std::string variant_choices();
const char *version_name(Version v);  // "v1", "v2", "v3"
const char *member_name(Version v);   // "GhostNet", "GhostNetV2", "GhostNetV3"
bool parse_version(const std::string &s, Version *out);
std::string version_choices();        // "v1, v2 or v3"

// The network's name as libraries, tools and kept schedules call it: network_name_rule() (the
// rule, for messages) below. V1 has no family suffix, as timm's ghostnet_100.
// CMake adds networks by name (ghostnet_add_network(<name>)) and passes the generators
// network=<name>, parsed here; it never applies the rule itself (a model folder's network is
// named by cmake/model_network_name.cpp, which calls network_name()).
std::string network_name(const NetworkConfig &config, bool q8);
// The rule, as messages and --help print it:
//   ghostnet[v2|v3]_w<width x 100, 3 digits>_s<size>[_c<channels> if not 3][_k<classes> if not
//   1000][_small][_q8], e.g. ghostnet_w100_s224 (GhostNet 1.0x, 224x224x3, 1000 classes),
//   ghostnet_w050_s32_c1_k10_small (the bundled Fashion-MNIST model), ghostnetv2_w100_s224_q8
std::string network_name_rule();
// The inverse: false if `name` is not such a name (or its config is not valid).
bool parse_network_name(const std::string &name, NetworkConfig *config, bool *q8);

}  // namespace ghostnet
