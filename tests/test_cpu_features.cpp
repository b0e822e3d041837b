// runtime/cpu_features.h: what this machine can run, as the tests that force a dispatch variant
// ask it before they skip one.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "cpu_features.h"
#include "cpu_platform.h"
#include "error.h"

using namespace ghostnet;

TEST_CASE("cpu_lacks_feature: the baseline runs anywhere, unknown names are refused by name", "[cpu]") {
    CHECK(cpu_lacks_feature(kBaselineVariant) == "");
    CHECK(cpu_lacks_feature("") == "");
    CHECK_THROWS_WITH(cpu_lacks_feature("avx-avx3"),
                      Catch::Contains("variant 'avx-avx3'") && Catch::Contains("unknown target feature 'avx3'") &&
                          Catch::Contains("avx512_skylake"));
}

#if defined(GHOSTNET_X86_64) && defined(__linux__)
namespace {
// The kernel's own list of what this CPU and kernel run (/proc/cpuinfo's first "flags" line):
// an oracle apart from the CPUID/XGETBV code under test.
std::set<std::string> kernel_cpu_flags() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("flags", 0) == 0) {
            std::istringstream words(line.substr(line.find(':') + 1));
            std::set<std::string> out;
            for (std::string w; words >> w;) out.insert(w);
            return out;
        }
    return {};
}
}  // namespace

TEST_CASE("cpu_lacks_feature agrees with the kernel's CPU flags, refusals aside", "[cpu]") {
    const std::set<std::string> flags = kernel_cpu_flags();
    REQUIRE(!flags.empty());
    auto has = [&](const char *f) { return flags.count(f) != 0; };
    const bool avx512 = has("avx512f") && has("avx512cd") && has("avx512bw") && has("avx512dq") && has("avx512vl");
    INFO("the kernel reports avx2 " << has("avx2") << ", AVX-512 F/CD/BW/DQ/VL " << avx512);
    CHECK((cpu_lacks_feature("avx-avx2-f16c-fma-sse41") == "") == (has("avx2") && has("fma") && has("f16c")));
    CHECK((cpu_lacks_feature("avx-avx2-avx512-avx512_skylake-f16c-fma-sse41") == "") == (avx512 && has("avx2")));
    // Halide 21's avx512_zen4 code is compiled for LLVM's znver4 CPU: every AVX-512 extension
    // it has; sapphirerapids code needs AVX512-FP16 too.
    bool znver4 = avx512;
    for (const char *f : {"avx512ifma", "avx512vbmi", "avx512_vbmi2", "avx512_vnni", "avx512_bitalg",
                          "avx512_vpopcntdq", "avx512_bf16", "gfni", "vaes", "vpclmulqdq"})
        znver4 = znver4 && has(f);
    CHECK((cpu_lacks_feature("avx512_zen4") == "") == znver4);
    CHECK((cpu_lacks_feature("avx512_sapphirerapids") == "") == (znver4 && has("avx512_fp16")));
    if (!has("avx2")) CHECK(cpu_lacks_feature("avx-avx2-f16c-fma-sse41") == "avx2");
    if (has("avx2") && !has("avx512f")) CHECK(cpu_lacks_feature("avx-avx2-avx512-avx512_skylake-f16c-fma-sse41") == "avx512");

    // A refusal makes dispatch skip a variant; it does not make this machine lack a feature.
    refuse_target_features({halide_target_feature_avx2});
    CHECK((cpu_lacks_feature("avx2") == "") == has("avx2"));
    refuse_target_features({});
}
#endif
