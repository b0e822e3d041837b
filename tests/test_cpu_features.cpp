// runtime/cpu_features.h: what this machine can run, as the tests that force a dispatch variant
// ask it before they skip one; runtime/cpu_identity.h: which CPU it is, as kept autotuning
// results record it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "cpu_features.h"
#include "cpu_identity.h"
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

TEST_CASE("CpuIdentity: written and read back; differences named with both sides", "[cpu]") {
    CpuIdentity zen4;
    zen4.arch = "x86-64";
    zen4.vendor = "AuthenticAMD";
    zen4.name = "AMD EPYC";
    zen4.family = 25;
    zen4.model = 17;
    zen4.features = {"sse4_1", "avx", "f16c", "fma", "avx2", "avx512f", "avx512bw", "avx512_vnni"};
    const CpuIdentity back = CpuIdentity::from_json(zen4.to_json());
    CHECK(back.to_json() == zen4.to_json());
    CHECK(cpu_differences(zen4, back) == "");
    CHECK(zen4.describe() == "AuthenticAMD family 25 model 17 (AMD EPYC), x86-64 with sse4_1 avx f16c fma avx2 "
                             "avx512f avx512bw avx512_vnni");

    CpuIdentity zen3 = zen4;
    zen3.model = 1;
    zen3.name = "AMD EPYC 7B13";  // the brand string is not compared
    zen3.features = {"sse4_1", "avx", "f16c", "fma", "avx2"};
    CHECK(cpu_differences(zen4, zen3) == "model 17 there, 1 here; avx512f avx512bw avx512_vnni there only");
    CHECK(cpu_differences(zen3, zen4) == "model 1 there, 17 here; avx512f avx512bw avx512_vnni here only");
    CpuIdentity xeon = zen4;
    xeon.vendor = "GenuineIntel";
    xeon.family = 6;
    xeon.model = 85;
    CHECK(cpu_differences(zen4, xeon) == "vendor AuthenticAMD there, GenuineIntel here; family 25 there, 6 here; "
                                         "model 17 there, 85 here");
    CpuIdentity a76;
    a76.arch = "arm-64";
    a76.vendor = "0x41";
    a76.model = 0xd0b;
    a76.features = {"asimddp", "fphp", "asimdhp"};
    CHECK(cpu_differences(zen4, a76) == "architecture x86-64 there, arm-64 here");
    CHECK(a76.describe() == "0x41 part 0xd0b, arm-64 with asimddp fphp asimdhp");
    CHECK(CpuIdentity().describe() == "an unknown CPU");

    CHECK_THROWS_WITH(CpuIdentity::from_json("{\"arch\": \"x86-64\"}"), Catch::Contains("needs \"vendor\" (a string)"));
    CHECK_THROWS_WITH(CpuIdentity::from_json("[1"), Catch::Contains("a CPU record is not JSON"));
    CHECK_THROWS_WITH(CpuIdentity::from_json(R"({"arch":"x86-64","vendor":"v","name":"","family":"25","model":1,"features":[]})"),
                      Catch::Contains("needs \"family\" (a whole number)"));
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

TEST_CASE("this_cpu agrees with the kernel's /proc/cpuinfo: vendor, family, model and features", "[cpu]") {
    std::ifstream in("/proc/cpuinfo");
    std::map<std::string, std::string> first;  // the first processor's fields
    for (std::string line; std::getline(in, line) && !line.empty();) {
        const size_t colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::string key = line.substr(0, colon), value = colon + 2 <= line.size() ? line.substr(colon + 2) : "";
        key.erase(key.find_last_not_of(" \t") + 1);
        first.emplace(key, value);
    }
    const CpuIdentity me = this_cpu();
    INFO(me.describe());
    CHECK(me.arch == "x86-64");
    CHECK(me.vendor == first["vendor_id"]);
    CHECK(std::to_string(me.family) == first["cpu family"]);
    CHECK(std::to_string(me.model) == first["model"]);
    const std::set<std::string> flags = kernel_cpu_flags();
    for (const std::string &f : isa_features("x86-64")) {
        INFO(f);
        CHECK((std::count(me.features.begin(), me.features.end(), f) > 0) == (flags.count(f) > 0));
    }
    CHECK(cpu_differences(me, CpuIdentity::from_json(me.to_json())) == "");
}
#endif

#if defined(GHOSTNET_AARCH64_LINUX)
TEST_CASE("this_cpu on AArch64: its dot product and fp16 are the ones cpu_features.h finds", "[cpu]") {
    const CpuIdentity me = this_cpu();
    INFO(me.describe());
    CHECK(me.arch == "arm-64");
    auto has = [&](const char *f) { return std::count(me.features.begin(), me.features.end(), f) > 0; };
    CHECK(has("asimddp") == cpu_has_arm_dot_prod());
    CHECK(has("asimdhp") == cpu_has_arm_fp16());
    CHECK(cpu_differences(me, CpuIdentity::from_json(me.to_json())) == "");
}
#endif
