#include "cpu_features.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <mutex>

#include "cpu_platform.h"
#include "error.h"

namespace ghostnet {

namespace {

bool requested(int count, const uint64_t *features, halide_target_feature_t f) {
    const int word = int(f) / 64;
    return word < count && (features[word] >> (int(f) % 64) & 1) != 0;
}

// The features a check may see, by name (Halide's spelling), for dispatched_features().
struct NamedFeature {
    halide_target_feature_t f;
    const char *name;
};
constexpr NamedFeature kNamed[] = {
    {halide_target_feature_arm_dot_prod, "arm_dot_prod"},
    {halide_target_feature_arm_fp16, "arm_fp16"},
    {halide_target_feature_avx, "avx"},
    {halide_target_feature_avx2, "avx2"},
    {halide_target_feature_avx512, "avx512"},
    {halide_target_feature_avx512_cannonlake, "avx512_cannonlake"},
    {halide_target_feature_avx512_sapphirerapids, "avx512_sapphirerapids"},
    {halide_target_feature_avx512_skylake, "avx512_skylake"},
    {halide_target_feature_avx512_zen4, "avx512_zen4"},
    {halide_target_feature_f16c, "f16c"},
    {halide_target_feature_fma, "fma"},
    {halide_target_feature_sse41, "sse41"},
};
constexpr int kFeatureWords = (halide_target_feature_end + 63) / 64;

std::mutex refused_mutex;
std::vector<halide_target_feature_t> refused;  // guarded by refused_mutex
// Every feature set the check accepted (each once), and whether it was asked at all.
using FeatureSet = std::vector<uint64_t>;
std::mutex accepted_mutex;
std::vector<FeatureSet> accepted;  // guarded by accepted_mutex
std::atomic<bool> asked{false};

// Whether this CPU and its operating system run code that needs `features` (refusals aside).
bool machine_runs(int count, const uint64_t *features) {
#ifdef GHOSTNET_AARCH64_LINUX
    if (requested(count, features, halide_target_feature_arm_dot_prod) && !cpu_has_arm_dot_prod())
        return false;
    if (requested(count, features, halide_target_feature_arm_fp16) && !cpu_has_arm_fp16()) return false;
#endif
#ifdef GHOSTNET_X86_64
    const bool wants_zmm = requested(count, features, halide_target_feature_avx512) ||
                           requested(count, features, halide_target_feature_avx512_skylake) ||
                           requested(count, features, halide_target_feature_avx512_cannonlake) ||
                           requested(count, features, halide_target_feature_avx512_zen4) ||
                           requested(count, features, halide_target_feature_avx512_sapphirerapids);
    if (wants_zmm && !cpu_os_saves_zmm()) return false;
    if ((requested(count, features, halide_target_feature_avx) ||
         requested(count, features, halide_target_feature_avx2)) && !cpu_os_saves_ymm())
        return false;
    if (requested(count, features, halide_target_feature_avx512_zen4) && !cpu_runs_avx512_zen4()) return false;
    if (requested(count, features, halide_target_feature_avx512_sapphirerapids) && !cpu_runs_avx512_sapphirerapids())
        return false;
#endif
    return halide_default_can_use_target_features(count, features) != 0;
}

int can_use_target_features(int count, const uint64_t *features) {
    asked = true;
    {
        std::lock_guard<std::mutex> lock(refused_mutex);
        for (halide_target_feature_t f : refused)
            if (requested(count, features, f)) return 0;
    }
    const bool ok = machine_runs(count, features);
    if (ok) {
        FeatureSet set(kFeatureWords, 0);
        for (int w = 0; w < kFeatureWords && w < count; w++) set[w] = features[w];
        std::lock_guard<std::mutex> lock(accepted_mutex);
        if (std::find(accepted.begin(), accepted.end(), set) == accepted.end()) accepted.push_back(set);
    }
    return ok ? 1 : 0;
}

// The features of a `sep`-separated list of Halide's names; `what` names the list in the Error
// an unknown name throws.
std::vector<halide_target_feature_t> features_by_name(const std::string &list, char sep, const std::string &what) {
    std::vector<halide_target_feature_t> out;
    size_t start = 0;
    while (start < list.size()) {
        size_t end = list.find(sep, start);
        if (end == std::string::npos) end = list.size();
        const std::string name = list.substr(start, end - start);
        start = end + 1;
        if (name.empty()) continue;
        bool found = false;
        for (const NamedFeature &n : kNamed)
            if (name == n.name) {
                out.push_back(n.f);
                found = true;
            }
        if (!found) {
            std::string known;
            for (const NamedFeature &n : kNamed) known += std::string(known.empty() ? "" : ", ") + n.name;
            throw Error(what + ": unknown target feature '" + name + "' (expected a " +
                        (sep == ',' ? "comma" : "'-'") + "-separated list of: " + known + ")");
        }
    }
    return out;
}

}  // namespace

// GHOSTNET_REFUSE_TARGET_FEATURES, parsed.
std::vector<halide_target_feature_t> refused_by_environment() {
    const char *env = std::getenv(kRefuseFeaturesEnv);
    return features_by_name(env ? env : "", ',', kRefuseFeaturesEnv);
}

std::string cpu_lacks_feature(const std::string &variant) {
    if (variant == kBaselineVariant) return "";
    for (halide_target_feature_t f : features_by_name(variant, '-', "variant '" + variant + "'")) {
        uint64_t one[kFeatureWords] = {};
        one[int(f) / 64] = uint64_t(1) << (int(f) % 64);
        if (!machine_runs(kFeatureWords, one))
            for (const NamedFeature &n : kNamed)
                if (n.f == f) return n.name;
    }
    return "";
}

void install_cpu_feature_check() {
    static std::once_flag once;
    std::call_once(once, [] {
        const std::vector<halide_target_feature_t> env = refused_by_environment();
        {
            std::lock_guard<std::mutex> lock(refused_mutex);
            refused = env;
        }
        halide_set_custom_can_use_target_features(can_use_target_features);
    });
}

void refuse_target_features(const std::vector<halide_target_feature_t> &features) {
    install_cpu_feature_check();
    std::lock_guard<std::mutex> lock(refused_mutex);
    refused = features;
}

std::string dispatched_features() {
    if (!asked) return "";
    std::lock_guard<std::mutex> lock(accepted_mutex);
    auto contains = [](const FeatureSet &a, const FeatureSet &b) {  // a is a superset of b
        for (size_t w = 0; w < a.size(); w++)
            if ((a[w] & b[w]) != b[w]) return false;
        return true;
    };
    for (const FeatureSet &f : accepted) {
        bool best = true;
        for (const FeatureSet &g : accepted)
            if (g != f && contains(g, f)) best = false;
        if (!best) continue;
        std::string s;
        for (const NamedFeature &n : kNamed)
            if (f[int(n.f) / 64] >> (int(n.f) % 64) & 1) s += (s.empty() ? "" : "-") + std::string(n.name);
        return s;
    }
    return kBaselineVariant;
}

}  // namespace ghostnet
