// ghostnet-autotune's never-worse rule, as plain arithmetic over measured times (the timing
// itself is the tool's): a winner is kept only when its median is at least `min_speedup` times
// faster than the hand schedule's and the gain is more than twice the run-to-run noise (the
// larger median absolute deviation of the two). Several contenders timed together (the
// search's fastest few): the one with the best median is the winner.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace ghostnet {
namespace autotune {

struct Verdict {
    size_t winner = 0;                // index of the contender with the best median
    std::vector<double> medians;      // each contender's
    double hand = 0, best = 0;        // medians of the hand schedule and the winner
    double noise = 0;                 // max(MAD(hand), MAD(winner))
    double speedup = 0;               // hand / best
    bool beyond_noise = false;        // hand - best > 2 * noise
    bool keep = false;                // beyond_noise and speedup >= min_speedup
    std::string why;                  // ": kept" or why the hand schedule is kept
};

// hand: the hand schedule's times; contenders: each contender's, from the same rounds.
Verdict judge(const std::vector<double> &hand, const std::vector<std::vector<double>> &contenders,
              double min_speedup);

}  // namespace autotune
}  // namespace ghostnet
