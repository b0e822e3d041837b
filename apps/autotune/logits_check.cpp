#include "logits_check.h"

#include <cstdio>

#include "benchmark.h"
#include "process.h"

namespace ghostnet {
namespace autotune {

LogitsCheck::LogitsCheck(const Options &o, const Tools &tools, fs::path reference_dir, CompileCache cache)
    : o_(&o), tools_(&tools), reference_dir_(std::move(reference_dir)), cache_(std::move(cache)) {}

void LogitsCheck::prepare() const {
    const Options &o = *o_;
    if (!o.checking()) {
        std::printf("candidates are not checked for correctness here (%s): the kept schedule's test "
                    "(test_autotuned) checks it on this machine\n",
                    o.check ? "they run on another device" : "--no-check");
        return;
    }
    if (o.hexagon) {
        std::printf("candidates are checked against the output of the first, the hand schedule as written\n");
        return;
    }
    const fs::path &dir = reference_dir_;
    if (fs::exists(dir / "hand_schedule.a")) return;
    fs::create_directories(dir);
    std::vector<std::string> cmd = generate_command(o, "hand", {"--name", "hand_schedule", "--overwrite"});
    const std::string key = CompileCache::key(cmd);
    if (cache_.fetch(key, dir)) {
        std::printf("the hand-scheduled network for checking candidates: compiled before (from %s)\n",
                    o.cache_dir.c_str());
        return;
    }
    std::printf("compiling the hand-scheduled network once, for checking candidates...\n");
    cmd.insert(cmd.end(), {"-o", dir.string()});
    if (run(cmd, {}, dir / "compile.log", o.compile_timeout) != 0)
        throw Failure("compiling the hand-scheduled network failed:\n" + tail(dir / "compile.log"));
    cache_.store(key, dir);
}

std::string LogitsCheck::check(const fs::path &dir) const {
    const Options &o = *o_;
    if (o.hexagon) {  // the benchmark has run: its output against the hand schedule's
        const fs::path ref = reference_dir_ / "out.bin";
        if (!fs::exists(ref))
            return "check: nothing to check against: the hand schedule as written (batch 1 sample 1) did not run";
        if (read_text(dir / "out.bin") == read_text(ref)) return "";
        return "check: wrong logits: the output differs from the hand schedule's (q8 must match exactly)";
    }
    const Emitted e = emitted(dir);
    std::vector<std::string> cmd = {o.cxx, "-std=c++17", "-O1", "-I", tools_->halide_include,
                                    "-I", tools_->source_dir + "/runtime",
                                    o.q8 ? "-DGHOSTNET_Q8" : "-DGHOSTNET_FP32",
                                    "-DGHOSTNET_CANDIDATE=" + e.name,
                                    "-DGHOSTNET_PIPELINE=\"" + o.pipeline + "\"",
                                    tools_->source_dir + "/apps/autotune_check.cpp",
                                    e.library.string(),
                                    (reference_dir_ / "hand_schedule.a").string(), e.runtime.string()};
    const std::vector<std::string> libs = tools_->runtime_libs();
    cmd.insert(cmd.end(), libs.begin(), libs.end());
    cmd.insert(cmd.end(), {"-o", (dir / "check").string()});
    if (run(cmd, {}, dir / "check_build.log", 600) != 0)
        return "the check program did not build (see " + (dir / "check_build.log").string() + ")";
    const int rc = run({(dir / "check").string()}, {}, dir / "check.txt", o.bench_timeout);
    std::string out = read_text(dir / "check.txt");
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    if (rc == 0) return "";
    return out.empty() ? "the check program failed (exit " + std::to_string(rc) + ")" : out;
}

}  // namespace autotune
}  // namespace ghostnet
