#include "cpu_features.h"

#include <HalideRuntime.h>

#include <cstdint>
#include <mutex>

#if defined(__aarch64__) && defined(__linux__)
#include <sys/auxv.h>
#define GHOSTNET_AARCH64_LINUX 1
#endif

namespace ghostnet {

namespace {

#ifdef GHOSTNET_AARCH64_LINUX
// Linux's arm64 hwcap bits (asm/hwcap.h).
constexpr unsigned long kHwcapAsimdHp = 1UL << 10;  // half-precision vector arithmetic
constexpr unsigned long kHwcapAsimdDp = 1UL << 20;  // sdot / udot

bool requested(int count, const uint64_t *features, halide_target_feature_t f) {
    const int word = int(f) / 64;
    return word < count && (features[word] >> (int(f) % 64) & 1) != 0;
}

int can_use_target_features(int count, const uint64_t *features) {
    if (requested(count, features, halide_target_feature_arm_dot_prod) && !cpu_has_arm_dot_prod())
        return 0;
    if (requested(count, features, halide_target_feature_arm_fp16) && !cpu_has_arm_fp16()) return 0;
    return halide_default_can_use_target_features(count, features);
}
#endif

}  // namespace

bool cpu_has_arm_dot_prod() {
#ifdef GHOSTNET_AARCH64_LINUX
    return (getauxval(AT_HWCAP) & kHwcapAsimdDp) != 0;
#else
    return false;
#endif
}

bool cpu_has_arm_fp16() {
#ifdef GHOSTNET_AARCH64_LINUX
    return (getauxval(AT_HWCAP) & kHwcapAsimdHp) != 0;
#else
    return false;
#endif
}

void install_cpu_feature_check() {
#ifdef GHOSTNET_AARCH64_LINUX
    static std::once_flag once;
    std::call_once(once, [] { halide_set_custom_can_use_target_features(can_use_target_features); });
#endif
}

}  // namespace ghostnet
