// Which CPU this is: vendor, family, model, name and the ISA features schedules care about, as
// a kept autotuning result records the CPU it was tuned on (ghostnet-autotune writes it into
// schedules/autotuned/<device>/<pipeline>.json) and the generators compare it with the CPU
// they build on (schedules/autotuned_schedule.h warns when the two differ).
//
// Asked of the CPU (CPUID, XGETBV) on x86-64 and of the kernel (/proc/cpuinfo, getauxval) on
// AArch64 Linux. Features are spelled as Linux's /proc/cpuinfo spells them, so a record can be
// read beside that file. Halide-free: the generators, the runtime and the apps all link it.
// (What a dispatch variant may run is a different question: cpu_features.h.)
#pragma once

#include <string>
#include <vector>

namespace ghostnet {

struct CpuIdentity {
    std::string arch;    // "x86-64", "arm-64", or "" when unknown
    std::string vendor;  // x86: CPUID's vendor ("AuthenticAMD"); AArch64: the implementer ("0x41")
    std::string name;    // x86: the brand string ("AMD EPYC"); AArch64: "" (Linux does not say)
    int family = -1;     // x86: the display family (25 = 0x19: AMD Zen 3 and Zen 4); AArch64: -1
    int model = -1;      // x86: the display model; AArch64: the part number ("CPU part")
    // Those of isa_features(arch) this CPU has and its operating system enables, in that order.
    std::vector<std::string> features;

    bool known() const { return !arch.empty(); }

    // "AuthenticAMD family 25 model 17 (AMD EPYC), x86-64 with avx avx2 ... avx512_bf16"
    std::string describe() const;
    // One line of JSON: {"arch":..., "vendor":..., "name":..., "family":..., "model":..., "features":[...]}.
    std::string to_json() const;
    // The inverse of to_json (extra keys are ignored); throws std::invalid_argument naming the
    // missing or mistyped key.
    static CpuIdentity from_json(const std::string &text);
};

// The CPU this process runs on (arch "" on a platform it cannot ask).
CpuIdentity this_cpu();

// Whether the operating system saves the AVX (ymm) / AVX-512 (opmask, zmm) registers on a
// context switch (XGETBV; false off x86-64): without it a CPU's AVX features are not usable,
// for this_cpu()'s features and for cpu_features.h's dispatch checks alike.
bool cpu_os_saves_ymm();
bool cpu_os_saves_zmm();

// The ISA features recorded for an architecture, in the order they are listed: on x86-64 the
// SSE4.1 to AVX-512 steps the x86 schedules and dispatch variants choose between, with the
// dot-product (VNNI) and bf16/fp16 extensions; on AArch64 the dot product, fp16, bf16, i8mm and
// SVE. Empty for another architecture.
const std::vector<std::string> &isa_features(const std::string &arch);

// How `here` differs from `kept` as a schedule would feel it: another architecture, vendor,
// family or model, or ISA features one has and the other lacks, each named with both sides
// ("model 17 there, model 1 here; avx512f avx512bw there only"). "" when they are the same CPU
// for a schedule (the brand string is not compared: a VM may rename the CPU).
std::string cpu_differences(const CpuIdentity &kept, const CpuIdentity &here);

}  // namespace ghostnet
