#include "compare.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "adams2019.h"
#include "benchmark.h"
#include "process.h"
#include "timing.h"

namespace ghostnet {
namespace autotune {

namespace {

struct Variant {
    std::string label, slug, schedule;
    std::vector<std::string> args = {};  // more ghostnet-generate arguments
    std::vector<double> times;
    bool ok = false;
    std::string logits = "not checked";
};

// The schedules to compare, hand first (the reference of the ratios and of the check).
std::vector<Variant> variants(const CompareSetup &c) {
    const std::vector<std::string> machine = autoscheduler_params(c.parallelism);
    std::vector<Variant> vs = {
        {"hand (schedules/)", "hand", "hand", {}},
        {"Adams2019 as shipped (beam " + std::to_string(c.beam) + ")", "adams2019_beam" + std::to_string(c.beam),
         "Adams2019", autoscheduler_params(c.parallelism, {"beam_size=" + std::to_string(c.beam)})},
        {"Mullapudi2016", "mullapudi2016", "Mullapudi2016", machine},
        {"Li2018", "li2018", "Li2018", machine}};
    // Kept tunables are read from the kept file and given to the generator, so the comparison
    // times what that file says; a kept Adams2019 schedule (.schedule.h) is compiled into the
    // generator, which builds the one its build found.
    if (fs::exists(c.kept.tunables())) {
        Variant v{"autotuned for " + c.device, "autotuned", "hand", {}};
        const std::string kept = c.kept.tunables_line("--compare");
        if (!kept.empty()) v.args = {"--tunables", kept};
        vs.push_back(v);
    } else if (fs::exists(c.kept.header())) {
        vs.push_back({"autotuned for " + c.device, "autotuned", "device:" + c.device, {}});
    } else {
        std::printf("no schedule is kept for %s on '%s' (%s): comparing the others\n", c.pipeline.c_str(),
                    c.device.c_str(), c.kept.header().c_str());
    }
    // q8: the hand schedule and the kept tunables only (Halide's autoschedulers are not run on
    // q8 networks: their schedules would have no test against the q8 reference).
    if (c.q8) {
        std::printf("q8: comparing the hand schedule and the kept tunables only (Halide's autoschedulers do not "
                    "tune q8 networks here)\n");
        vs.erase(std::remove_if(vs.begin() + 1, vs.end(), [](const Variant &v) { return v.slug != "autotuned"; }),
                 vs.end());
    }
    if (!c.only.empty()) {
        std::vector<Variant> chosen = {vs[0]};
        for (size_t i = 1; i < vs.size(); i++) {
            const std::string name = vs[i].slug == "autotuned" ? "autotuned" : vs[i].schedule;
            if (std::find(c.only.begin(), c.only.end(), name) != c.only.end()) chosen.push_back(vs[i]);
        }
        vs = chosen;
    }
    return vs;
}

// Compiles each variant (up to c.jobs at once) and links its benchmark; a folder with a bench
// program compiled by the same command is reused.
void compile(const CompareSetup &c, std::vector<Variant> &vs) {
    auto start = [&](size_t i) -> std::optional<Child> {
        Variant &v = vs[i];
        const fs::path dir = c.work / v.slug;
        std::vector<std::string> cmd = {c.generate, "--target", c.target, "--schedule", v.schedule,
                                        "--also", "registration", "-o", dir.string()};
        if (v.slug == "hand") cmd.insert(cmd.end(), {"--name", "hand_schedule"});
        cmd.insert(cmd.end(), c.network_flags.begin(), c.network_flags.end());
        cmd.insert(cmd.end(), v.args.begin(), v.args.end());
        std::string command;
        for (const std::string &a : cmd) command += a + "\n";
        if (fs::exists(dir / "bench") && fs::exists(dir / "command.txt") && read_text(dir / "command.txt") == command) {
            std::printf("%s: compiled earlier (%s)\n", v.label.c_str(), dir.c_str());
            v.ok = true;
            return std::nullopt;
        }
        fs::remove_all(dir);
        fs::create_directories(dir);
        write_text(dir / "command.txt", command);
        std::printf("%s: compiling...\n", v.label.c_str());
        return spawn(cmd, {}, dir / "compile.log", c.compile_timeout);
    };
    auto done = [&](size_t i, int rc, double secs) {
        if (rc == 130) return;  // interrupted
        Variant &v = vs[i];
        const fs::path dir = c.work / v.slug;
        if (rc == 0) v.ok = c.bench->link(dir);
        std::printf("%s: %s after %.0f s%s\n", v.label.c_str(), v.ok ? "compiled" : "failed", secs,
                    v.ok ? "" : (", see " + (dir / "compile.log").string()).c_str());
    };
    run_pool(vs.size(), c.jobs, start, done);
}

}  // namespace

int compare_schedules(const CompareSetup &c) {
    fs::create_directories(c.work);
    std::vector<Variant> vs = variants(c);
    compile(c, vs);
    if (g_interrupted) return 130;
    if (c.check)
        for (Variant &v : vs) {
            if (!v.ok || v.slug == "hand") continue;
            const std::string wrong = c.check(c.work / v.slug);
            v.logits = wrong.empty() ? "agree" : wrong.rfind("check: wrong", 0) == 0 ? "WRONG" : "check failed";
            std::printf("%s: %s\n", v.label.c_str(), wrong.empty() ? "logits agree with the hand schedule's" : wrong.c_str());
        }
    vs[0].logits = "(reference)";

    // In alternation, so a change in the machine's load touches every schedule alike.
    for (int r = 0; r < c.rounds && !g_interrupted; r++) {
        for (Variant &v : vs) {
            if (!v.ok) continue;
            const double t = c.bench->run(c.work / v.slug);
            if (t > 0) v.times.push_back(t);
        }
        std::printf("round %d/%d done\n", r + 1, c.rounds);
    }
    const double hand = summarize(vs[0].times).median;
    std::printf("\n%s on %s (%s), %d rounds of %s:\n\n", c.pipeline.c_str(), c.device.c_str(), c.target.c_str(),
                c.rounds, c.bench->measure().c_str());
    std::printf("| schedule | median | min | hand / this | logits vs hand |\n|---|---|---|---|---|\n");
    for (const Variant &v : vs) {
        if (v.times.empty()) {
            std::printf("| %s | failed | | | |\n", v.label.c_str());
            continue;
        }
        const Timing t = summarize(v.times);
        std::printf("| %s | %s | %s | %.2fx | %s |\n", v.label.c_str(), fmt_ms(t.median).c_str(), fmt_ms(t.min).c_str(),
                    hand > 0 ? hand / t.median : 0.0, v.logits.c_str());
    }
    return 0;
}

}  // namespace autotune
}  // namespace ghostnet
