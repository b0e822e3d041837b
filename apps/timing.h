// The one summary every benchmark prints: median and min of a set of run times.
#pragma once

#include <algorithm>
#include <vector>

namespace ghostnet {

struct Timing {
    double median = 0, min = 0;  // zero for no runs
};

// The median (the mean of the middle two for an even count) and the fastest run.
inline Timing summarize(std::vector<double> ms) {
    if (ms.empty()) return {};
    std::sort(ms.begin(), ms.end());
    const size_t n = ms.size();
    return {n % 2 ? ms[n / 2] : 0.5 * (ms[n / 2 - 1] + ms[n / 2]), ms.front()};
}

}  // namespace ghostnet
