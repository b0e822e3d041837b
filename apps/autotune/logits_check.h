// ghostnet-autotune's correctness check: a wrong schedule must never win, so every candidate's
// logits are compared with the hand schedule's before it is timed. On this machine the check is
// a program (apps/autotune_check.cpp) built around the candidate and the hand-scheduled network,
// run on random weights; on Hexagon it is the benchmark's own output (out.bin) against the
// first candidate's, the hand schedule as written, byte for byte (q8 must match exactly). A
// candidate that runs on another device is not checked here: the kept result's test
// (test_autotuned) checks it on the machine that builds it.
#pragma once

#include <filesystem>
#include <string>

#include "compile_cache.h"
#include "options.h"

namespace ghostnet {
namespace autotune {

class LogitsCheck {
public:
    LogitsCheck() = default;
    // `reference_dir`: where the hand-scheduled network is compiled (as hand_schedule), or on
    // Hexagon the first candidate's folder; `cache`: where that compile may already be.
    LogitsCheck(const Options &o, const Tools &tools, std::filesystem::path reference_dir, CompileCache cache);

    // Says what is checked, and compiles the hand-scheduled network to compare with once (from
    // the cache when it was compiled before). Throws Failure when that compile fails.
    void prepare() const;
    // "" when the candidate in `dir` agrees with the hand schedule, else the reason.
    std::string check(const std::filesystem::path &dir) const;

private:
    const Options *o_ = nullptr;
    const Tools *tools_ = nullptr;
    std::filesystem::path reference_dir_;
    CompileCache cache_;
};

}  // namespace autotune
}  // namespace ghostnet
