#include "never_worse.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

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
        if (contenders[i].empty()) throw std::invalid_argument("judge: a contender has no times");
        v.medians.push_back(summarize(contenders[i]).median);
        if (v.medians[i] < v.medians[v.winner]) v.winner = i;
    }
    v.hand = summarize(hand).median;
    v.best = v.medians[v.winner];
    v.noise = std::max(mad(hand, v.hand), mad(contenders[v.winner], v.best));
    v.speedup = v.best > 0 ? v.hand / v.best : 0.0;
    v.beyond_noise = v.hand - v.best > 2 * v.noise;
    v.keep = v.beyond_noise && v.speedup >= min_speedup;
    v.why = v.keep ? ": kept"
            : !v.beyond_noise ? ": not faster beyond twice the noise, the hand schedule is kept"
                              : ": under --min-speedup, the hand schedule is kept";
    return v;
}

}  // namespace autotune
}  // namespace ghostnet
