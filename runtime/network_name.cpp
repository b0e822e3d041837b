#include "network_name.h"

#include <cstddef>
#include <cstdio>
#include <exception>
#include <regex>

#include "ghostnet_arch.h"  // validate_config, make_ghostnet_spec: a name must spell a buildable network

namespace ghostnet {

const char *variant_name(Variant v) { return v == Variant::Small ? "small" : "imagenet"; }

const char *version_name(Version v) { return v == Version::V3 ? "v3" : v == Version::V2 ? "v2" : "v1"; }

namespace {
// The names of `all` joined as "a, b or c".
template <typename E, size_t N>
std::string choices(const E (&all)[N], const char *(*name)(E)) {
    std::string s;
    for (size_t i = 0; i < N; i++) s += std::string(i == 0 ? "" : i + 1 == N ? " or " : ", ") + name(all[i]);
    return s;
}

template <typename E, size_t N>
bool parse_name(const std::string &s, const E (&all)[N], const char *(*name)(E), E *out) {
    for (E e : all) {
        if (s == name(e)) {
            *out = e;
            return true;
        }
    }
    return false;
}
}  // namespace

bool parse_version(const std::string &s, Version *out) { return parse_name(s, kAllVersions, version_name, out); }
std::string version_choices() { return choices(kAllVersions, version_name); }

const char *member_name(Version v) { return v == Version::V3 ? "GhostNetV3" : v == Version::V2 ? "GhostNetV2" : "GhostNet"; }

namespace {
// timm's name of a member ("ghostnet", "ghostnetv2", "ghostnetv3").
std::string family_name(Version v) { return v == Version::V1 ? "ghostnet" : std::string("ghostnet") + version_name(v); }
}  // namespace

std::string network_name(const NetworkConfig &c, bool q8) {
    char width[8];
    std::snprintf(width, sizeof width, "%03d", int(c.width * 100 + 0.5));
    std::string n = family_name(c.version) + "_w" + width + "_s" + std::to_string(c.input_size);
    if (c.in_channels != 3) n += "_c" + std::to_string(c.in_channels);
    if (c.num_classes != 1000) n += "_k" + std::to_string(c.num_classes);
    if (c.variant == Variant::Small) n += "_small";
    return q8 ? n + "_q8" : n;
}

std::string network_name_rule() {
    return "ghostnet[v2|v3]_w<width x 100, 3 digits>_s<size>[_c<channels> if not 3][_k<classes> if not "
           "1000][_small][_q8], e.g. ghostnet_w100_s224 (GhostNet 1.0x, 224x224x3, 1000 classes), "
           "ghostnet_w050_s32_c1_k10_small (the bundled Fashion-MNIST model), ghostnetv2_w100_s224_q8";
}

bool parse_network_name(const std::string &name, NetworkConfig *config, bool *q8) {
    static const std::regex re("ghostnet(v[23])?_w([0-9]{3})_s([0-9]+)(_c([0-9]+))?(_k([0-9]+))?(_small)?(_q8)?");
    std::smatch m;
    if (!std::regex_match(name, m, re)) return false;
    NetworkConfig c;
    try {
        if (m[1].matched) parse_version(m[1], &c.version);
        c.width = std::stoi(m[2]) / 100.0;
        c.input_size = std::stoi(m[3]);
        if (m[5].matched) c.in_channels = std::stoi(m[5]);
        if (m[7].matched) c.num_classes = std::stoi(m[7]);
        c.variant = m[8].matched ? Variant::Small : Variant::ImageNet;
        validate_config(c);
        make_ghostnet_spec(c);  // e.g. a V2 whose DFC attention would pool a 1-pixel map
    } catch (const std::exception &) {  // out of int range, or not a buildable network
        return false;
    }
    if (network_name(c, m[9].matched) != name) return false;  // e.g. "_c3" spelled out
    *config = c;
    *q8 = m[9].matched;
    return true;
}

bool parse_variant(const std::string &s, Variant *out) { return parse_name(s, kAllVariants, variant_name, out); }
std::string variant_choices() { return choices(kAllVariants, variant_name); }

}  // namespace ghostnet
