#include "never_worse.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "benchmark.h"
#include "process.h"
#include "timing.h"

namespace ghostnet {
namespace autotune {

namespace {
double mad(const std::vector<double> &t, double median) {
    std::vector<double> d;
    for (double v : t) d.push_back(std::fabs(v - median));
    return summarize(d).median;
}
}  // namespace

Verdict judge(const std::vector<double> &hand, const std::vector<std::vector<double>> &contenders,
              double min_speedup) {
    if (hand.empty() || contenders.empty()) throw std::invalid_argument("judge: no times");
    Verdict v;
    for (size_t i = 0; i < contenders.size(); i++) {
        if (contenders[i].size() != hand.size())
            throw std::invalid_argument("judge: a contender was not timed in every round of the hand schedule");
        v.medians.push_back(summarize(contenders[i]).median);
        if (v.medians[i] < v.medians[v.winner]) v.winner = i;
    }
    const std::vector<double> &w = contenders[v.winner];
    v.hand = summarize(hand).median;
    v.best = v.medians[v.winner];
    v.noise = std::max(mad(hand, v.hand), mad(w, v.best));
    std::vector<double> ratios;
    v.rounds = int(hand.size());
    for (size_t r = 0; r < hand.size(); r++) {
        ratios.push_back(w[r] > 0 ? hand[r] / w[r] : 0.0);
        if (w[r] < hand[r]) v.rounds_won++;
    }
    v.speedup = summarize(ratios).median;
    v.beyond_noise = v.hand - v.best > 2 * v.noise;
    v.consistent = 5 * v.rounds_won >= 4 * v.rounds;
    v.keep = v.consistent && v.beyond_noise && v.speedup >= min_speedup;
    v.why = v.keep ? ": kept"
            : !v.consistent ? ": faster in only " + std::to_string(v.rounds_won) + " of " + std::to_string(v.rounds) +
                                  " rounds (4 of every 5 needed), the hand schedule is kept"
            : !v.beyond_noise ? ": not faster beyond twice the noise, the hand schedule is kept"
                              : ": under --min-speedup, the hand schedule is kept";
    return v;
}

using nlohmann::json;

json Confirmation::to_json(bool winner_is_hand) const {
    if (winner_is_hand) return {{"kept", "hand"}, {"verdict", "the hand schedule's own choices were fastest"}};
    if (rounds == 0) return {{"kept", "winner"}, {"verdict", verdict}};
    json j = {{"kept", keep ? "winner" : "hand"}, {"rounds", rounds}, {"hand_ms", hand_s * 1e3},
              {"winner_ms", winner_s * 1e3}, {"noise_ms", noise_s * 1e3},
              {"speedup", speedup}, {"rounds_won", rounds_won}, {"verdict", verdict}};
    if (contenders.size() > 1 || contenders.at(0).contains("tunables")) {
        j["contenders"] = contenders;
        j["tunables"] = contenders.at(winner).value("tunables", "");
    }
    return j;
}

Paired pair_with_hand(const Benchmark &bench, const fs::path &dir, const fs::path &hand, double first_s, int rounds) {
    Paired p;
    std::vector<double> mine = {first_s}, theirs;
    for (int r = 0; r < rounds && !g_interrupted; r++) {
        if (r > 0) mine.push_back(bench.run(dir));
        theirs.push_back(bench.run(hand));
        if (mine.back() <= 0 || theirs.back() <= 0) break;
        p.ratios.push_back(mine.back() / theirs.back());
    }
    p.complete = !g_interrupted && p.ratios.size() == size_t(rounds);
    if (p.complete) {
        p.ratio = summarize(p.ratios).median;
        p.median_s = summarize(mine).median;
        p.hand_median_s = summarize(theirs).median;
    }
    return p;
}

Confirmation confirm(const Benchmark &bench, const fs::path &hand, const std::vector<Contender> &contenders,
                     int rounds, double min_speedup) {
    if (contenders.empty()) throw std::invalid_argument("confirm: no contenders");
    Confirmation c;
    const size_t n = contenders.size();
    // times[0]: hand; times[1 + i]: contender i.
    std::vector<std::vector<double>> times(n + 1);
    auto label = [&](size_t k) {
        return k == 0 ? std::string("hand") : n == 1 ? std::string("winner") : "#" + std::to_string(k);
    };
    std::printf("confirming %s against the hand schedule, %d rounds in alternation...\n",
                n == 1 ? "the winner" : ("the fastest " + std::to_string(n) + " choices").c_str(), rounds);
    for (size_t i = 0; i < n && n > 1; i++)
        std::printf("  #%zu %s (%s in the search)\n", i + 1, contenders[i].tunables.c_str(),
                    fmt_ms(contenders[i].search_s).c_str());
    for (int r = 0; r < rounds && !g_interrupted; r++) {
        std::string line;
        for (size_t j = 0; j <= n; j++) {
            const size_t k = (j + size_t(r)) % (n + 1);  // each round starts one further along
            const fs::path &dir = k == 0 ? hand : contenders[k - 1].dir;
            const double t = bench.run(dir);
            if (t <= 0)
                throw Failure("a confirmation benchmark failed: nothing kept (see " + (dir / "bench.txt").string() + ")");
            times[k].push_back(t);
        }
        for (size_t k = 0; k <= n; k++) line += (k ? ", " : "") + label(k) + " " + fmt_ms(times[k].back());
        std::printf("  round %d/%d: %s\n", r + 1, rounds, line.c_str());
    }
    if (g_interrupted) return c;
    const Verdict v = judge(times[0], std::vector<std::vector<double>>(times.begin() + 1, times.end()), min_speedup);
    for (size_t i = 0; i < n; i++) {
        json e = {{"search_ms", contenders[i].search_s * 1e3}, {"median_ms", v.medians[i] * 1e3}};
        if (!contenders[i].tunables.empty()) e["tunables"] = contenders[i].tunables;
        c.contenders.push_back(e);
    }
    c.winner = v.winner;
    c.rounds = int(times[0].size());
    c.hand_s = v.hand;
    c.winner_s = v.best;
    c.noise_s = v.noise;
    c.speedup = v.speedup;
    c.rounds_won = v.rounds_won;
    c.keep = v.keep;
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "median hand %s, %s%s%s %s: %.3fx (the median of the rounds' ratios), faster in %d of %d rounds, "
                  "noise %s (median absolute deviation)",
                  fmt_ms(c.hand_s).c_str(), n == 1 ? "winner" : "the best of them, ",
                  n == 1 ? "" : contenders[c.winner].tunables.c_str(), n == 1 ? "" : ",", fmt_ms(c.winner_s).c_str(),
                  v.speedup, v.rounds_won, v.rounds, fmt_ms(c.noise_s).c_str());
    c.verdict = buf + v.why;
    std::printf("%s\n", c.verdict.c_str());
    return c;
}

}  // namespace autotune
}  // namespace ghostnet
