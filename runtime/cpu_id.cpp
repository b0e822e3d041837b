// What this CPU and its operating system can run, asked of the CPU (CPUID, XGETBV) and the
// kernel (getauxval): the queries of cpu_features.h, in their own object file so that programs
// that link Halide's compiler rather than its runtime (ghostnet-generate) can ask them too.
#include "cpu_features.h"

#include <cstdint>

#include "cpu_platform.h"

#ifdef GHOSTNET_AARCH64_LINUX
#include <sys/auxv.h>
#endif
#ifdef GHOSTNET_X86_64
#include <cpuid.h>
#endif

namespace ghostnet {

bool cpu_has_arm_dot_prod() {
#ifdef GHOSTNET_AARCH64_LINUX
    constexpr unsigned long kHwcapAsimdDp = 1UL << 20;  // sdot / udot (asm/hwcap.h)
    return (getauxval(AT_HWCAP) & kHwcapAsimdDp) != 0;
#else
    return false;
#endif
}

bool cpu_has_arm_fp16() {
#ifdef GHOSTNET_AARCH64_LINUX
    constexpr unsigned long kHwcapAsimdHp = 1UL << 10;  // half-precision vector arithmetic
    return (getauxval(AT_HWCAP) & kHwcapAsimdHp) != 0;
#else
    return false;
#endif
}

#ifdef GHOSTNET_X86_64
namespace {
// CPUID leaf 7: the AVX-512 extensions LLVM's znver4 CPU has (Halide 21 compiles its
// avx512_zen4 feature with -mcpu=znver4, so that code may use any of them), and AVX512-FP16.
struct Leaf7 {
    bool znver4_avx512 = false, fp16 = false;
};
Leaf7 leaf7() {
    Leaf7 r;
    unsigned a, b, c, d;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return r;
    // EBX: F 16, DQ 17, IFMA 21, CD 28, BW 30, VL 31. ECX: VBMI 1, VBMI2 6, GFNI 8, VAES 9,
    // VPCLMULQDQ 10, VNNI 11, BITALG 12, VPOPCNTDQ 14. EDX: FP16 23.
    constexpr unsigned kEbx = (1u << 16) | (1u << 17) | (1u << 21) | (1u << 28) | (1u << 30) | (1u << 31);
    constexpr unsigned kEcx = (1u << 1) | (1u << 6) | (1u << 8) | (1u << 9) | (1u << 10) | (1u << 11) |
                              (1u << 12) | (1u << 14);
    const bool leaf0 = (b & kEbx) == kEbx && (c & kEcx) == kEcx;
    r.fp16 = (d & (1u << 23)) != 0;
    if (!__get_cpuid_count(7, 1, &a, &b, &c, &d)) return r;
    const bool bf16 = (a & (1u << 5)) != 0;  // subleaf 1 EAX
    r.znver4_avx512 = leaf0 && bf16 && cpu_os_saves_zmm();
    return r;
}
}  // namespace
#endif

bool cpu_runs_avx512_zen4() {
#ifdef GHOSTNET_X86_64
    return leaf7().znver4_avx512;
#else
    return false;
#endif
}

bool cpu_runs_avx512_sapphirerapids() {
#ifdef GHOSTNET_X86_64
    const Leaf7 l = leaf7();
    return l.znver4_avx512 && l.fp16;
#else
    return false;
#endif
}

}  // namespace ghostnet
