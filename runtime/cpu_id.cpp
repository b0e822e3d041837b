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

#ifdef GHOSTNET_X86_64
namespace {
// XCR0: which register states the operating system saves on a context switch.
uint64_t xcr0() {
    uint32_t eax = 0, edx = 0;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return (uint64_t(edx) << 32) | eax;
}
}  // namespace
#endif

bool cpu_os_saves_ymm() {
#ifdef GHOSTNET_X86_64
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_OSXSAVE)) return false;
    return (xcr0() & 0x6) == 0x6;  // SSE and AVX state
#else
    return false;
#endif
}

bool cpu_os_saves_zmm() {
#ifdef GHOSTNET_X86_64
    return cpu_os_saves_ymm() && (xcr0() & 0xe6) == 0xe6;  // + opmask, ZMM
#else
    return false;
#endif
}

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

bool cpu_runs_avx512_sapphirerapids() {
#ifdef GHOSTNET_X86_64
    unsigned a, b, c, d;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return false;
    const bool avx512f = (b & bit_AVX512F) != 0, vnni = (c & (1u << 11)) != 0;
    const bool fp16 = (d & (1u << 23)) != 0;  // AVX512-FP16: LLVM's sapphirerapids code uses it (vmovw)
    if (!__get_cpuid_count(7, 1, &a, &b, &c, &d)) return false;
    const bool bf16 = (a & (1u << 5)) != 0;
    return avx512f && vnni && bf16 && fp16 && cpu_os_saves_zmm();
#else
    return false;
#endif
}

}  // namespace ghostnet
