// ghostnet-autotune --search Adams2019: the autoscheduler's side of the loop (what Halide's
// autotune_loop.sh does): how a candidate is asked for, how its measured time becomes a
// training sample, retraining the device's cost model, and the kept schedule header. The
// weights files themselves: cost_model_weights.h.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace ghostnet {
namespace autotune {

// The ghostnet-generate arguments (--autoscheduler-param name=value, Halide's
// autoscheduler.<name>) that compile sample s of a batch with --schedule Adams2019: sample 0 is
// the cost model's best effort (a beam search of `beam`, no randomness), the others random
// probes (beam 1, dropout), each seeded by `seed`; `weights` is the model asked (a .weights
// file), `parallelism` the device's cores.
std::vector<std::string> candidate_params(int seed, bool beam_sample, int beam, int parallelism,
                                          const std::filesystem::path &weights);

// The ghostnet-generate arguments that give Halide's autoscheduler the device's cores
// (Adams2019, Mullapudi2016 and Li2018 all take `parallelism`) and the parameters in `more`
// ("name=value"); the others keep Halide's defaults.
std::vector<std::string> autoscheduler_params(int parallelism, const std::vector<std::string> &more = {});

// retrain_cost_model tells samples apart by file name: each gets its own.
std::string sample_file_name(const std::string &pipeline, int batch, int sample);

// Turns a measured candidate (its <pipeline>.featurization in `dir`) into the training sample
// dir/sample_file_name(...) with Halide's featurization_to_sample (the program at `tool`); false
// (the log in dir/sample.log) on failure.
bool write_training_sample(const std::string &tool, const std::filesystem::path &dir, const std::string &pipeline,
                           int batch, int sample, double seconds);

// Retrains `weights` (replaced in place) on every training sample in `samples` with
// Halide's adams2019_retrain_cost_model (the program at `tool`); its files go to `work`. Prints how many samples it learned
// from; throws Failure when it fails.
void retrain(const std::string &tool, const std::vector<std::filesystem::path> &samples,
             const std::filesystem::path &work, const std::filesystem::path &weights, int epochs, int jobs);

// The winner's schedule header (Adams2019's `schedule_text`, from `schedule_file`) renamed so
// several devices' schedules live in one program, with the funcs it names (checked against the
// pipeline before it is applied): schedules/autotuned/<device>/<pipeline>.schedule.h. Throws
// Failure when the text is no Adams2019 schedule for `pipeline`.
std::string kept_schedule_header(const std::string &schedule_text, const std::string &schedule_file,
                                 const std::string &device, const std::string &pipeline, double seconds,
                                 const std::string &target);

}  // namespace autotune
}  // namespace ghostnet
