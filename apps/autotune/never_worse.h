// ghostnet-autotune's never-worse rule, as plain arithmetic over measured times (the timing
// itself is the tool's). Several contenders timed together (the search's fastest few): the one
// with the best median is the winner. It is kept only when
//  - it beat the hand schedule in at least 4 of every 5 rounds (each round times them one after
//    the other, so a round compares them on the same machine state);
//  - its speedup, the median over the rounds of the hand's time over its own in the same round
//    (drift between rounds cancels), is at least `min_speedup`;
//  - the gain of the medians is more than twice the run-to-run noise (the larger median absolute
//    deviation of the two).
// Why the rounds' wins and ratios, not the medians alone: on a 2-vCPU Xeon the hand schedule's
// rounds once spread 1.73-2.16 ms as the machine's speed drifted, its median landed in a slow
// stretch and a choice --compare then measured at 0.97x was kept at "1.136x".
// confirm() does the timing: the hand schedule and the contenders in alternation through one
// benchmark backend.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace ghostnet {
namespace autotune {

struct Verdict {
    size_t winner = 0;                // index of the contender with the best median
    std::vector<double> medians;      // each contender's
    double hand = 0, best = 0;        // medians of the hand schedule and the winner
    double noise = 0;                 // max(MAD(hand), MAD(winner))
    double speedup = 0;               // median over the rounds of hand / winner in the same round
    int rounds = 0, rounds_won = 0;   // rounds timed; those where the winner was faster
    bool beyond_noise = false;        // hand - best > 2 * noise
    bool consistent = false;          // rounds_won >= 4/5 of rounds
    bool keep = false;                // consistent, beyond_noise and speedup >= min_speedup
    std::string why;                  // ": kept" or why the hand schedule is kept
};

// hand: the hand schedule's times; contenders: each contender's, from the same rounds (round r
// is element r of each).
Verdict judge(const std::vector<double> &hand, const std::vector<std::vector<double>> &contenders,
              double min_speedup);

class Benchmark;

// A schedule that may replace the hand one: its compiled candidate's folder (with its benchmark
// program linked), its choice (--search hand; "" otherwise) and its time in the search.
struct Contender {
    std::filesystem::path dir;
    std::string tunables;
    double search_s = 0;
};

struct Confirmation {
    bool keep = true;
    int rounds = 0, rounds_won = 0;
    double hand_s = 0, winner_s = 0, noise_s = 0, speedup = 0;
    size_t winner = 0;                           // which contender
    nlohmann::json contenders = nlohmann::json::array();  // each one's tunables, search time and median
    std::string verdict;
    // The record's "confirmation"; winner_is_hand: the search's fastest was the hand schedule
    // itself (nothing was confirmed).
    nlohmann::json to_json(bool winner_is_hand) const;
};

// Times the hand schedule (its benchmark in `hand`) and the contenders in alternation for
// `rounds` rounds, the order rotated every round, printing each round, then judges them. Throws
// Failure when a benchmark fails; returns early (rounds unfinished) on an interrupt.
Confirmation confirm(const Benchmark &bench, const std::filesystem::path &hand,
                     const std::vector<Contender> &contenders, int rounds, double min_speedup);

// A --search hand candidate scored against the hand schedule as written: the two timed in
// alternation for `rounds` rounds (the candidate's first time, `first_s`, already measured).
// Drift between batches (this kind of machine's speed moves by 10-30% over minutes) cancels in
// each round's ratio, the median keeps one disturbed timing (another process, a vCPU moved)
// from crowning a candidate, and every score is measured against the same schedule: scores
// measured against the fastest so far would chain, and the chain would carry each step's luck.
struct Paired {
    bool complete = false;   // every round ran (not when a benchmark failed, or on an interrupt)
    std::vector<double> ratios;  // the candidate's time over the hand schedule's, per round
    double median_s = 0;         // the candidate's median time
    double hand_median_s = 0;    // the hand schedule's, in these rounds
    double ratio = 0;            // the median of the ratios; score = the hand schedule's search time x it
};
Paired pair_with_hand(const Benchmark &bench, const std::filesystem::path &dir, const std::filesystem::path &hand,
                      double first_s, int rounds);

}  // namespace autotune
}  // namespace ghostnet
