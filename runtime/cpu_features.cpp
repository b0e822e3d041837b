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

int can_use_target_features(int count, const uint64_t *features) {
    asked = true;
    {
        std::lock_guard<std::mutex> lock(refused_mutex);
        for (halide_target_feature_t f : refused)
            if (requested(count, features, f)) return 0;
    }
#ifdef GHOSTNET_AARCH64_LINUX
    if (requested(count, features, halide_target_feature_arm_dot_prod) && !cpu_has_arm_dot_prod())
        return 0;
    if (requested(count, features, halide_target_feature_arm_fp16) && !cpu_has_arm_fp16()) return 0;
#endif
#ifdef GHOSTNET_X86_64
    const bool wants_zmm = requested(count, features, halide_target_feature_avx512) ||
                           requested(count, features, halide_target_feature_avx512_skylake) ||
                           requested(count, features, halide_target_feature_avx512_cannonlake) ||
                           requested(count, features, halide_target_feature_avx512_sapphirerapids);
    if (wants_zmm && !cpu_os_saves_zmm()) return 0;
    if ((requested(count, features, halide_target_feature_avx) ||
         requested(count, features, halide_target_feature_avx2)) && !cpu_os_saves_ymm())
        return 0;
    if (requested(count, features, halide_target_feature_avx512_sapphirerapids) && !cpu_runs_avx512_sapphirerapids())
        return 0;
#endif
    const int ok = halide_default_can_use_target_features(count, features);
    if (ok) {
        FeatureSet set(kFeatureWords, 0);
        for (int w = 0; w < kFeatureWords && w < count; w++) set[w] = features[w];
        std::lock_guard<std::mutex> lock(accepted_mutex);
        if (std::find(accepted.begin(), accepted.end(), set) == accepted.end()) accepted.push_back(set);
    }
    return ok;
}

}  // namespace

// GHOSTNET_REFUSE_TARGET_FEATURES, parsed.
std::vector<halide_target_feature_t> refused_by_environment() {
    std::vector<halide_target_feature_t> out;
    const char *env = std::getenv(kRefuseFeaturesEnv);
    const std::string list = env ? env : "";
    size_t start = 0;
    while (start < list.size()) {
        size_t end = list.find(',', start);
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
            throw Error(std::string(kRefuseFeaturesEnv) + ": unknown target feature '" + name +
                        "' (expected a comma-separated list of: " + known + ")");
        }
    }
    return out;
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
