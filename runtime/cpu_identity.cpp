#include "cpu_identity.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "cpu_platform.h"

#ifdef GHOSTNET_X86_64
#include <cpuid.h>
#endif
#ifdef GHOSTNET_AARCH64_LINUX
#include <sys/auxv.h>
#endif

namespace ghostnet {

namespace {

// One recorded x86 feature: where CPUID has it, and the register state it needs saved.
struct X86Feature {
    const char *name;  // as /proc/cpuinfo spells it
    unsigned leaf, subleaf;
    int reg;  // 0 EAX, 1 EBX, 2 ECX, 3 EDX
    int bit;
    int state;  // 0 none, 1 ymm (AVX), 2 zmm (AVX-512)
};
constexpr X86Feature kX86Features[] = {
    {"sse4_1", 1, 0, 2, 19, 0},       {"avx", 1, 0, 2, 28, 1},          {"f16c", 1, 0, 2, 29, 1},
    {"fma", 1, 0, 2, 12, 1},          {"avx2", 7, 0, 1, 5, 1},          {"avx_vnni", 7, 1, 0, 4, 1},
    {"avx512f", 7, 0, 1, 16, 2},      {"avx512dq", 7, 0, 1, 17, 2},     {"avx512bw", 7, 0, 1, 30, 2},
    {"avx512vl", 7, 0, 1, 31, 2},     {"avx512_vnni", 7, 0, 2, 11, 2},  {"avx512_bf16", 7, 1, 0, 5, 2},
    {"avx512_fp16", 7, 0, 3, 23, 2},
};
// AArch64: the kernel's names (/proc/cpuinfo "Features") and bits (asm/hwcap.h).
struct ArmFeature {
    const char *name;
    int hwcap;  // 1: AT_HWCAP, 2: AT_HWCAP2
    int bit;
};
constexpr ArmFeature kArmFeatures[] = {{"asimddp", 1, 20}, {"fphp", 1, 9}, {"asimdhp", 1, 10}, {"bf16", 2, 14},
                                       {"i8mm", 2, 13},    {"sve", 1, 22},  {"sve2", 2, 1}};

#ifdef GHOSTNET_X86_64
// XCR0: which register states the operating system saves on a context switch.
uint64_t xcr0() {
    uint32_t eax = 0, edx = 0;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return (uint64_t(edx) << 32) | eax;
}

CpuIdentity x86_cpu() {
    CpuIdentity id;
    id.arch = "x86-64";
    unsigned r[4] = {0, 0, 0, 0};
    if (!__get_cpuid(0, &r[0], &r[1], &r[2], &r[3])) return id;
    const unsigned max_leaf = r[0];
    char vendor[13] = {};
    std::memcpy(vendor, &r[1], 4);
    std::memcpy(vendor + 4, &r[3], 4);
    std::memcpy(vendor + 8, &r[2], 4);
    id.vendor = vendor;
    __get_cpuid(1, &r[0], &r[1], &r[2], &r[3]);
    const unsigned base_family = (r[0] >> 8) & 0xf, base_model = (r[0] >> 4) & 0xf;
    id.family = int(base_family == 0xf ? base_family + ((r[0] >> 20) & 0xff) : base_family);
    id.model = int(base_family == 0x6 || base_family == 0xf ? (((r[0] >> 16) & 0xf) << 4) | base_model : base_model);
    const bool ymm = cpu_os_saves_ymm(), zmm = cpu_os_saves_zmm();
    unsigned brand[12] = {};
    unsigned max_ext = __get_cpuid_max(0x80000000, nullptr);
    if (max_ext >= 0x80000004) {
        for (unsigned i = 0; i < 3; i++)
            __get_cpuid(0x80000002 + i, &brand[4 * i], &brand[4 * i + 1], &brand[4 * i + 2], &brand[4 * i + 3]);
        std::string name(reinterpret_cast<const char *>(brand), sizeof brand);
        name = name.substr(0, name.find('\0'));
        const size_t first = name.find_first_not_of(' '), last = name.find_last_not_of(' ');
        id.name = first == std::string::npos ? "" : name.substr(first, last - first + 1);
    }
    for (const X86Feature &f : kX86Features) {
        if (f.leaf > max_leaf) continue;
        if (!__get_cpuid_count(f.leaf, f.subleaf, &r[0], &r[1], &r[2], &r[3])) continue;
        if (f.leaf == 7 && f.subleaf > 0) {
            unsigned a, b, c, d;  // subleaf 1 exists only when subleaf 0's EAX says so
            __get_cpuid_count(7, 0, &a, &b, &c, &d);
            if (a < f.subleaf) continue;
        }
        const bool state_saved = f.state == 0 || (f.state == 1 ? ymm : zmm);
        if (((r[f.reg] >> f.bit) & 1) && state_saved) id.features.push_back(f.name);
    }
    return id;
}
#endif

#ifdef GHOSTNET_AARCH64_LINUX
CpuIdentity arm_cpu() {
    CpuIdentity id;
    id.arch = "arm-64";
    // Which CPU, from /proc/cpuinfo (an emulator's may not say); what it runs, from the kernel's
    // HWCAP bits (an emulator's are the CPU it emulates).
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    auto value = [&]() {
        const size_t colon = line.find(':');
        std::string v = colon == std::string::npos ? "" : line.substr(colon + 1);
        const size_t first = v.find_first_not_of(" \t");
        return first == std::string::npos ? std::string() : v.substr(first);
    };
    while (std::getline(in, line)) {  // the first processor's lines
        if (line.rfind("CPU implementer", 0) == 0 && id.vendor.empty()) id.vendor = value();
        if (line.rfind("CPU part", 0) == 0 && id.model < 0) {
            char *end = nullptr;
            const std::string part = value();
            const unsigned long n = std::strtoul(part.c_str(), &end, 0);
            if (end != part.c_str()) id.model = int(n);
        }
    }
    const unsigned long hwcap = getauxval(AT_HWCAP), hwcap2 = getauxval(AT_HWCAP2);
    for (const ArmFeature &f : kArmFeatures)
        if (((f.hwcap == 1 ? hwcap : hwcap2) >> f.bit) & 1) id.features.push_back(f.name);
    return id;
}
#endif

// x86's model in decimal as /proc/cpuinfo prints it; an Arm part number in hex, as Arm's manuals do.
std::string model_text(const CpuIdentity &id) {
    if (id.family >= 0 || id.model < 0) return std::to_string(id.model);
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%x", unsigned(id.model));
    return hex;
}

std::string joined(const std::vector<std::string> &words) {
    std::string out;
    for (const std::string &w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

}  // namespace

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

const std::vector<std::string> &isa_features(const std::string &arch) {
    static const std::vector<std::string> x86 = [] {
        std::vector<std::string> v;
        for (const X86Feature &f : kX86Features) v.push_back(f.name);
        return v;
    }();
    static const std::vector<std::string> arm = [] {
        std::vector<std::string> v;
        for (const ArmFeature &f : kArmFeatures) v.push_back(f.name);
        return v;
    }();
    static const std::vector<std::string> none;
    return arch == "x86-64" ? x86 : arch == "arm-64" ? arm : none;
}

CpuIdentity this_cpu() {
#if defined(GHOSTNET_X86_64)
    return x86_cpu();
#elif defined(GHOSTNET_AARCH64_LINUX)
    return arm_cpu();
#else
    return {};
#endif
}

std::string CpuIdentity::describe() const {
    if (!known()) return "an unknown CPU";
    std::string s = vendor.empty() ? std::string("a CPU") : vendor;
    if (family >= 0) s += " family " + std::to_string(family);
    if (model >= 0) s += (family >= 0 ? " model " : " part ") + model_text(*this);
    if (!name.empty()) s += " (" + name + ")";
    s += ", " + arch + (features.empty() ? " without any of " + joined(isa_features(arch)) : " with " + joined(features));
    return s;
}

std::string CpuIdentity::to_json() const {
    nlohmann::json j = {{"arch", arch},     {"vendor", vendor}, {"name", name},
                        {"family", family}, {"model", model},   {"features", features}};
    return j.dump();
}

CpuIdentity CpuIdentity::from_json(const std::string &text) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception &e) {
        throw std::invalid_argument(std::string("a CPU record is not JSON: ") + e.what());
    }
    CpuIdentity id;
    auto need = [&](const char *key, bool (nlohmann::json::*is)() const, const char *what) -> const nlohmann::json & {
        if (!j.is_object() || !j.contains(key) || !(j.at(key).*is)())
            throw std::invalid_argument(std::string("a CPU record needs \"") + key + "\" (" + what + "): " + text);
        return j.at(key);
    };
    id.arch = need("arch", &nlohmann::json::is_string, "a string").get<std::string>();
    id.vendor = need("vendor", &nlohmann::json::is_string, "a string").get<std::string>();
    id.name = need("name", &nlohmann::json::is_string, "a string").get<std::string>();
    id.family = need("family", &nlohmann::json::is_number_integer, "a whole number").get<int>();
    id.model = need("model", &nlohmann::json::is_number_integer, "a whole number").get<int>();
    for (const nlohmann::json &f : need("features", &nlohmann::json::is_array, "a list of names")) {
        if (!f.is_string()) throw std::invalid_argument("a CPU record's \"features\" holds a non-string: " + text);
        id.features.push_back(f.get<std::string>());
    }
    return id;
}

std::string cpu_differences(const CpuIdentity &kept, const CpuIdentity &here) {
    std::vector<std::string> diffs;
    auto both = [&](const std::string &what, const std::string &there, const std::string &mine) {
        if (there != mine) diffs.push_back(what + " " + there + " there, " + mine + " here");
    };
    if (kept.arch != here.arch) return "architecture " + kept.arch + " there, " + here.arch + " here";
    both("vendor", kept.vendor, here.vendor);
    both("family", std::to_string(kept.family), std::to_string(here.family));
    both(kept.family >= 0 ? "model" : "part", model_text(kept), model_text(here));
    std::vector<std::string> only_there, only_here;
    for (const std::string &f : isa_features(kept.arch)) {
        const bool t = std::count(kept.features.begin(), kept.features.end(), f) > 0;
        const bool h = std::count(here.features.begin(), here.features.end(), f) > 0;
        if (t && !h) only_there.push_back(f);
        if (h && !t) only_here.push_back(f);
    }
    if (!only_there.empty()) diffs.push_back(joined(only_there) + " there only");
    if (!only_here.empty()) diffs.push_back(joined(only_here) + " here only");
    std::string out;
    for (const std::string &d : diffs) out += (out.empty() ? "" : "; ") + d;
    return out;
}

}  // namespace ghostnet
