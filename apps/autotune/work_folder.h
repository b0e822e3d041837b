// ghostnet-autotune's work folder: what a run has measured, on disk, so the same command resumes
// it. <work>/batch_NNN/sample_NNN/ holds one candidate: its compile (command.txt, compile.log,
// the library), with --search hand its choice (tunables.txt), and once measured its
// result.json: {"status": "ok", "seconds", "batch", "sample", ...} or {"status": why it failed}.
// A --search hand result also holds "tunables" and, timed in alternation with the hand
// schedule, "score": the time it is ranked by.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace ghostnet {
namespace autotune {

class WorkFolder {
public:
    explicit WorkFolder(std::filesystem::path root = {}) : root_(std::move(root)) {}
    const std::filesystem::path &root() const { return root_; }

    // Makes the folder and records in <root>/autotune.json what the run was started with
    // (Options::run_choices), or, resuming, checks it was started with the same: a resume with
    // other choices would mix samples of different pipelines, targets or devices. Throws Failure
    // naming the folder; true when resuming.
    bool claim(const nlohmann::json &choices) const;

    std::filesystem::path batch(int b) const;          // <root>/batch_NNN
    std::filesystem::path sample(int b, int s) const;  // <root>/batch_NNN/sample_NNN
    std::filesystem::path sample_of(const nlohmann::json &result) const;  // the folder of a result

    // A sample's result.json; null when there is none yet (or half a file: the sample runs again).
    static nlohmann::json read_result(const std::filesystem::path &sample_dir);
    // The tunables a --search hand sample was compiled with ("" = the hand schedule's own choices).
    static std::string sample_tunables(const std::filesystem::path &sample_dir);

    // Calls fn(b, s, folder) for every sample folder, in batch and sample order; with
    // `before_batch`, only those of the batches before it.
    void each_sample(const std::function<void(int b, int s, const std::filesystem::path &dir)> &fn,
                     int before_batch = -1) const;
    // Every finished ("ok") sample's result, in batch and sample order.
    std::vector<nlohmann::json> results() const;

private:
    std::filesystem::path root_;
};

// Whether a result is the hand schedule as written (a --search hand result with tunables "").
inline bool is_hand(const nlohmann::json &result) { return result.value("tunables", "x").empty(); }
// Whether a sample's result finished ("ok").
inline bool is_ok(const nlohmann::json &result) { return result.is_object() && result.value("status", "") == "ok"; }
// A result's time for ranking: its "score" where it has one, else its own time.
double score(const nlohmann::json &result);
// The fastest by score (the first of equals); nullptr for none.
const nlohmann::json *best(const std::vector<nlohmann::json> &results);
// "1.234 ms (batch 2 sample 3)", and with the hand schedule among them (a result whose tunables
// are ""), ", 1.150x the hand schedule's 1.419 ms"; "none" for no results.
std::string best_text(const std::vector<nlohmann::json> &results);

}  // namespace autotune
}  // namespace ghostnet
