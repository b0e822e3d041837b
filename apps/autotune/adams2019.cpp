#include "adams2019.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <regex>
#include <sstream>

#include "process.h"

namespace ghostnet {
namespace autotune {

std::vector<std::string> autoscheduler_params(int parallelism, const std::vector<std::string> &more) {
    std::vector<std::string> args = {"--autoscheduler-param", "parallelism=" + std::to_string(parallelism)};
    for (const std::string &p : more) args.insert(args.end(), {"--autoscheduler-param", p});
    return args;
}

std::vector<std::string> candidate_params(int seed, bool beam_sample, int beam, int parallelism,
                                          const fs::path &weights) {
    return autoscheduler_params(parallelism, {"random_dropout_seed=" + std::to_string(seed),
                                              "random_dropout=" + std::string(beam_sample ? "100" : "1"),
                                              "beam_size=" + std::to_string(beam_sample ? beam : 1),
                                              "weights_path=" + weights.string()});
}

std::string sample_file_name(const std::string &pipeline, int batch, int sample) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "_batch_%03d_sample_%03d.sample", batch, sample);
    return pipeline + buf;
}

bool write_training_sample(const std::string &tool, const fs::path &dir, const std::string &pipeline, int batch,
                           int sample, double seconds) {
    char time_text[32];
    std::snprintf(time_text, sizeof time_text, "%.9g", seconds);
    const int sample_id = batch * 1000 + sample;
    return run({tool, (dir / (pipeline + ".featurization")).string(),
                time_text, "0", std::to_string(sample_id), (dir / sample_file_name(pipeline, batch, sample)).string()},
               {}, dir / "sample.log", 600) == 0;
}

void retrain(const std::string &tool, const std::vector<fs::path> &samples, const fs::path &work,
             const fs::path &weights, int epochs, int jobs) {
    if (samples.empty()) {
        std::printf("no sample was benchmarked: nothing to retrain on\n");
        return;
    }
    std::string list;
    for (const fs::path &p : samples) list += p.string() + "\n";
    write_text(work / "samples.txt", list);
    std::printf("retraining the cost model on %zu samples...\n", samples.size());
    std::fflush(stdout);
    // retrain_cost_model writes a folder unless the name ends in .weights.
    const fs::path retrained = work / "retrained.weights";
    std::string cmd = shell_quote(tool) +
                      " --epochs=" + std::to_string(epochs) + " --rates=0.0001 --num_cores=" + std::to_string(jobs) +
                      " --weights_out=" + shell_quote(retrained.string()) +
                      " --best_benchmark=" + shell_quote((work / "best.benchmark.txt").string()) +
                      " --best_schedule=" + shell_quote((work / "best.schedule.h").string()) +
                      " --initial_weights=" + shell_quote(weights.string()) + " < " +
                      shell_quote((work / "samples.txt").string());
    if (run({"/bin/sh", "-c", cmd}, {}, work / "retrain.log", 0) != 0)
        throw Failure(fs::path(tool).filename().string() + " failed:\n" + tail(work / "retrain.log"));
    fs::rename(retrained, weights);
    // retrain_cost_model skips a pipeline with fewer than 8 distinct schedules.
    const std::string log = read_text(work / "retrain.log");
    size_t distinct = 0;
    for (size_t p = log.find("Unique sample:"); p != std::string::npos; p = log.find("Unique sample:", p + 1)) distinct++;
    if (distinct < 8)
        std::printf("  the cost model is unchanged: it learns from 8 or more distinct schedules, %zu so far\n", distinct);
}

std::string kept_schedule_header(const std::string &text, const std::string &schedule_file, const std::string &device,
                                 const std::string &pipeline, double seconds, const std::string &target) {
    std::string id = "autotuned_" + device + "__" + pipeline;  // CMake's MAKE_C_IDENTIFIER
    for (char &c : id)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    static const std::regex func_re("Func ([A-Za-z0-9_]+) = pipeline\\.get_func\\(([0-9]+)\\);");
    std::string funcs;
    int num_funcs = 0;
    for (std::sregex_iterator it(text.begin(), text.end(), func_re), end; it != end; ++it, num_funcs++)
        funcs += "    {" + (*it)[2].str() + ", \"" + (*it)[1].str() + "\"},\n";
    const std::string fn = "apply_schedule_" + pipeline + "(";
    const size_t start = text.find("inline void " + fn);
    const size_t stop = text.rfind("#endif");
    if (start == std::string::npos || stop == std::string::npos || stop < start || num_funcs == 0)
        throw Failure(schedule_file + " is not an Adams2019 schedule for " + pipeline);
    std::string body = text.substr(start, stop - start);
    body.replace(body.find(fn), fn.size(), "apply_" + id + "(");
    const std::string guard = "GHOSTNET_" + id + "_H";
    std::ostringstream h;
    h << "// Kept by ghostnet-autotune: the fastest of its Adams2019 schedules for " << pipeline << "\n"
      << "// on device '" << device << "' (" << target << "), " << fmt_ms(seconds) << " there.\n"
      << "// " << pipeline << ".json beside this file records the run. Built with -DGHOSTNET_DEVICE=" << device
      << "\n// or ghostnet-generate --schedule device:" << device << ". Machine generated: tune again rather than edit.\n"
      << "#ifndef " << guard << "\n#define " << guard << "\n\n#include \"autotuned_schedule.h\"\n\n"
      << "namespace ghostnet {\nnamespace schedules {\nnamespace autotuned {\n\n"
      << body << "\n"
      << "inline const AutotunedFunc " << id << "_funcs[] = {\n" << funcs << "};\n\n"
      << "inline const AutotunedSchedule " << id << " = {\"" << device << "\", \"" << pipeline << "\", \"" << target
      << "\", \"" << device << "/" << pipeline << ".schedule.h\", " << id << "_funcs, " << num_funcs << ", apply_" << id
      << "};\n\n"
      << "}  // namespace autotuned\n}  // namespace schedules\n}  // namespace ghostnet\n\n#endif  // " << guard << "\n";
    return h.str();
}

}  // namespace autotune
}  // namespace ghostnet
