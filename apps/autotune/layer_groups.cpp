#include "layer_groups.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <map>

#include "benchmark.h"
#include "compile_cache.h"
#include "never_worse.h"
#include "options.h"
#include "process.h"
#include "work_folder.h"

namespace ghostnet {
namespace autotune {

using nlohmann::json;

namespace {

int scoped_width(const std::string &name) {
    const size_t at = name.find('@');
    return at == std::string::npos ? 0 : std::stoi(name.substr(at + 1));
}

// One width's descent: its knobs, its samples on disk, and where it stands.
struct WidthSearch {
    int width = 0;
    HandSearchSpace space{{}};
    WorkFolder folder;
    int next_batch = 0;
    bool converged = false;

    std::string label() const { return "w" + std::to_string(width); }
    fs::path hand_dir() const { return folder.sample(0, 0); }  // batch 0 starts with the hand schedule
};

// Batch b of one width: compile its candidates (cached), then time each, paired with the group's
// hand schedule. False when the descent has nothing left to try.
bool run_group_batch(const GroupSearchSetup &g, WidthSearch &w, int b) {
    const Options &o = *g.options;
    const Benchmark &bench = g.bench(w.width);
    const fs::path bdir = w.folder.batch(b);
    if (fs::exists(bdir / "done")) return true;
    std::vector<std::string> tried;
    std::vector<json> measured;
    w.folder.each_sample(
        [&](int, int, const fs::path &d) {
            tried.push_back(WorkFolder::sample_tunables(d));
            json r = WorkFolder::read_result(d);
            if (is_ok(r)) measured.push_back(std::move(r));
        },
        b);
    const json *fastest = best(measured);
    const std::vector<std::string> candidates =
        w.space.batch("descent", o.seed, b, o.samples, tried, fastest ? fastest->value("tunables", "") : "");
    if (candidates.empty()) return false;
    fs::create_directories(bdir);

    std::vector<size_t> compiled;
    run_pool(
        candidates.size(), o.jobs,
        [&](size_t s) -> std::optional<Child> {
            const fs::path dir = w.folder.sample(b, int(s));
            if (is_ok(WorkFolder::read_result(dir))) return std::nullopt;  // measured in an interrupted run
            fs::remove_all(dir);
            fs::create_directories(dir);
            write_text(dir / "tunables.txt", candidates[s] + "\n");
            std::vector<std::string> extra = bench.generate_flags();
            extra.insert(extra.end(), {"--group", std::to_string(w.width)});
            if (!candidates[s].empty()) extra.insert(extra.end(), {"--tunables", candidates[s]});
            std::vector<std::string> cmd = generate_command(o, "hand", extra);
            const std::string key = CompileCache::key(cmd);
            write_text(dir / "cache_key.txt", key);
            if (g.cache->fetch(key, dir)) return spawn({"true"}, {}, dir / "compile.log", 0);
            cmd.insert(cmd.end(), {"-o", dir.string()});
            write_command(dir, cmd);
            return spawn(cmd, {}, dir / "compile.log", o.compile_timeout);
        },
        [&](size_t s, int rc, double) {
            const fs::path dir = w.folder.sample(b, int(s));
            if (rc == 0) {
                g.cache->store(read_text(dir / "cache_key.txt"), dir);
                compiled.push_back(s);
            } else if (rc != 130) {
                write_text(dir / "result.json", json{{"status", "compile failed"}}.dump() + "\n");
                std::printf("[%s batch %d] %s: compile failed, see %s\n", w.label().c_str(), b + 1,
                            candidates[s].c_str(), (dir / "compile.log").c_str());
            }
        });
    std::sort(compiled.begin(), compiled.end());
    for (size_t s : compiled) {
        if (g_interrupted) return false;
        const fs::path dir = w.folder.sample(b, int(s));
        const std::string &t = candidates[s];
        const std::string what = t.empty() ? "the hand schedule's own choices" : t;
        double secs = bench.link(dir) ? bench.run(dir) : 0;
        if (secs <= 0) {
            write_text(dir / "result.json", json{{"status", "the benchmark failed"}}.dump() + "\n");
            if (t.empty())
                throw Failure("layer group " + std::to_string(w.width) + ": the hand schedule's benchmark failed (see " +
                              (dir / "bench.txt").string() + ")");
            std::printf("[%s batch %d] %s: the benchmark failed, see %s\n", w.label().c_str(), b + 1, what.c_str(),
                        (dir / "bench.txt").c_str());
            continue;
        }
        json result = {{"status", "ok"}, {"seconds", secs}, {"batch", b}, {"sample", int(s)}, {"tunables", t}};
        if (!t.empty()) {
            const json hand = WorkFolder::read_result(w.hand_dir());
            const Paired p = pair_with_hand(bench, dir, w.hand_dir(), secs, o.pair_rounds);
            if (g_interrupted) return false;
            if (!p.complete || !is_ok(hand)) {
                write_text(dir / "result.json", json{{"status", "the paired benchmark failed"}}.dump() + "\n");
                continue;
            }
            result["seconds"] = p.median_s;
            result["ratios"] = p.ratios;
            result["score"] = hand["seconds"].get<double>() * p.ratio;
            std::printf("[%s batch %d] %s: %.3fx the group's hand schedule (%s against %s, %d rounds)\n",
                        w.label().c_str(), b + 1, what.c_str(), 1.0 / p.ratio, fmt_ms(p.median_s).c_str(),
                        fmt_ms(p.hand_median_s).c_str(), o.pair_rounds);
        } else {
            std::printf("[%s batch %d] %s: %s\n", w.label().c_str(), b + 1, what.c_str(), fmt_ms(secs).c_str());
        }
        write_text(dir / "result.json", result.dump() + "\n");
    }
    if (g_interrupted) return false;
    write_text(bdir / "done", "\n");
    return true;
}

}  // namespace

std::vector<int> knob_widths(const std::vector<Knob> &knobs) {
    std::vector<int> widths;
    for (const Knob &k : knobs) {
        const int w = scoped_width(k.name);
        if (w > 0 && std::find(widths.begin(), widths.end(), w) == widths.end()) widths.push_back(w);
    }
    return widths;
}

std::vector<Knob> width_knobs(const std::vector<Knob> &knobs, int width) {
    std::vector<Knob> mine;
    for (const Knob &k : knobs)
        if (scoped_width(k.name) == width) mine.push_back(k);
    return mine;
}

std::string assemble(const HandSearchSpace &space, const std::vector<std::string> &width_choices) {
    std::string all;
    for (const std::string &c : width_choices)
        if (!c.empty()) all += (all.empty() ? "" : ",") + c;
    return space.choice(space.values(all));
}

GroupSearchResult search_layer_groups(const GroupSearchSetup &g, const HandSearchSpace &space) {
    GroupSearchResult result;
    const Options &o = *g.options;
    const auto start = Clock::now();
    std::vector<WidthSearch> widths;
    for (int wd : knob_widths(space.knobs())) {
        WidthSearch w;
        w.width = wd;
        w.space = HandSearchSpace(width_knobs(space.knobs(), wd));
        w.folder = WorkFolder(g.work / ("w" + std::to_string(wd)));
        widths.push_back(std::move(w));
    }
    std::printf("layer groups: the per-width tunables of %zu map widths, each on its layer group alone, for %.0f s\n",
                widths.size(), g.budget_s);
    // Round by round, one batch of each width a round; every width gets its first batch (its
    // hand schedule and the first neighbours) however short the budget.
    for (int round = 0; !g_interrupted; round++) {
        if (round > 0 && seconds_since(start) > g.budget_s) break;
        bool any = false;
        for (WidthSearch &w : widths) {
            if (w.converged || g_interrupted) continue;
            if (run_group_batch(g, w, w.next_batch)) {
                w.next_batch++;
                any = true;
            } else if (!g_interrupted) {
                w.converged = true;
                std::printf("[%s] every neighbour of its best choice has been measured: converged\n", w.label().c_str());
            }
        }
        if (!any) break;
    }
    if (g_interrupted) return result;
    // Each width's fastest few re-timed against its hand schedule in alternation: a width keeps
    // a choice only when it is faster beyond the noise there (never_worse.h), else its own.
    std::vector<std::string> winners;
    for (const WidthSearch &w : widths) {
        std::vector<const json *> order;
        const std::vector<json> all = w.folder.results();
        const json hand = WorkFolder::read_result(w.hand_dir());
        for (const json &r : all)
            if (!is_hand(r) && is_ok(hand) && score(r) < score(hand)) order.push_back(&r);
        std::stable_sort(order.begin(), order.end(), [](const json *x, const json *y) { return score(*x) < score(*y); });
        std::vector<Contender> contenders;
        for (const json *r : order)
            if (int(contenders.size()) < o.confirm_top)
                contenders.push_back({w.folder.sample_of(*r), r->value("tunables", ""), score(*r)});
        std::string t;
        json entry = {{"width", w.width}, {"measured", all.size()}};
        if (!contenders.empty()) {
            std::printf("layer group %d: ", w.width);
            const Confirmation c = confirm(g.bench(w.width), w.hand_dir(), contenders, o.confirm_rounds, 1.0);
            if (g_interrupted) return result;
            if (c.keep) t = contenders[c.winner].tunables;
            entry["verdict"] = c.verdict;
        } else {
            entry["verdict"] = "no choice scored faster than the group's hand schedule";
        }
        entry["tunables"] = t;
        result.record.push_back(entry);
        std::printf("layer group %d: %s (of %zu choices)\n", w.width,
                    t.empty() ? "the hand schedule's own choices" : t.c_str(), all.size());
        winners.push_back(t);
    }
    result.assembled = assemble(space, winners);
    result.seconds = seconds_since(start);
    std::printf("layer groups done in %.0f s: the whole-network descent starts from %s\n", result.seconds,
                result.assembled.empty() ? "the hand schedule" : result.assembled.c_str());
    return result;
}

}  // namespace autotune
}  // namespace ghostnet
