#include "options.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <regex>
#include <sstream>
#include <thread>

#include "process.h"

namespace ghostnet {
namespace autotune {

std::vector<std::string> Options::network_flags() const {
    std::ostringstream w;
    w << cfg.width;
    return {"--width", w.str(), "--size", std::to_string(cfg.input_size),
            "--channels", std::to_string(cfg.in_channels), "--classes", std::to_string(cfg.num_classes),
            "--variant", variant_name(cfg.variant), "--version", version_name(cfg.version),
            "--precision", q8 ? "q8" : "fp32"};
}

nlohmann::json Options::run_choices() const {
    nlohmann::json choices = {{"pipeline", pipeline}, {"device", device},        {"target", target},
                              {"runner", runner},     {"samples_per_batch", samples}, {"seed", seed},
                              {"checked", checking()}, {"search", search},
                              {"bench", bench}};
    if (bench == "runtime") choices.update({{"bench_runs", bench_runs}, {"threads", threads}});
    if (!hand_search()) choices.update({{"beam", beam}, {"explore", explore}});
    else choices["strategy"] = strategy;
    if (hand_search() && !start.empty()) choices["start"] = start;
    if (layer_groups_min > 0) choices["layer_groups_min"] = layer_groups_min;
    return choices;
}

std::vector<std::string> Tools::runtime_libs() const {
    std::vector<std::string> libs = check_libs;
    libs.insert(libs.end(), {"-ldl", "-lpthread"});
    return libs;
}

std::vector<std::string> generate_command(const Options &o, const std::string &schedule,
                                          const std::vector<std::string> &extra) {
    std::vector<std::string> cmd = {o.generate, "--target", o.target, "--schedule", schedule};
    cmd.insert(cmd.end(), extra.begin(), extra.end());
    const std::vector<std::string> net = o.network_flags();
    cmd.insert(cmd.end(), net.begin(), net.end());
    return cmd;
}

void add_options(CLI::App &app, Options &o, const Tools &tools) {
    o.cxx = tools.cxx;
    o.kept_dir = tools.source_dir + "/schedules/autotuned";
    app.add_option("--pipeline", o.pipeline,
                   "the network, named as ghostnet-generate names it: ghostnet_w100_s224, "
                   "ghostnet_w050_s32_c1_k10_small (the bundled Fashion-MNIST model), ...")
        ->required();
    app.add_option("--device", o.device, "a name for the device; the schedule is kept in schedules/autotuned/<device>/")
        ->required();
    app.add_option("--target", o.target, "Halide target of the device ('host': this machine)")->capture_default_str();
    app.add_option("--runner", o.runner,
                   "how a benchmark runs on the device: a shell command template; {bench} is the benchmark "
                   "program, {args} its arguments, {dir} the sample folder")
        ->capture_default_str();
    app.add_option("--search", o.search,
                   "Adams2019: tune with Halide's autoscheduler (CPU targets); hand: search the hand "
                   "schedule's tunables (ghostnet-generate --list-tunables), for any target it schedules")
        ->capture_default_str()
        ->check(CLI::IsMember({"Adams2019", "hand"}));
    app.add_option("--strategy", o.strategy,
                   "--search hand: descent (from the hand schedule, each batch the untried choices one knob away "
                   "from the fastest so far, until none is left) or random (seeded random choices)")
        ->capture_default_str()
        ->check(CLI::IsMember({"descent", "random"}));
    app.add_option("--start", o.start,
                   "--search hand, descent: start from these tunables (\"name=value,...\") instead of the hand "
                   "schedule's own choices, or 'kept': from the device's kept ones (the hand schedule is timed in "
                   "batch 0 all the same, and stays the reference every candidate is scored against)");
    app.add_option("--time-budget", o.time_budget_min,
                   "minutes: start no batch after this long (0: no limit); the best so far is then confirmed and kept")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    app.add_option("--layer-groups", o.layer_groups_min,
                   "--search hand, descent: minutes spent first on each map width's tunables (\"strips@14\") on "
                   "its layer group alone (ghostnet-generate --group: seconds to compile, not the whole network's "
                   "tens), timed by RunGen against the group's hand schedule; the descent then starts from the "
                   "widths' winners. Default: half of --time-budget on a CPU target when no --start is given, "
                   "else 0 (none)");
    app.add_option("--batches", o.batches, "batches in all (a resumed run finishes the missing ones)")->capture_default_str();
    app.add_option("--samples", o.samples, "candidate schedules per batch")->capture_default_str();
    app.add_option("--jobs", o.jobs, "candidates compiled at once (default: this machine's cores)");
    app.add_option("--beam", o.beam, "beam size of each batch's first candidate (the others are random probes)")
        ->capture_default_str();
    app.add_option("--parallelism", o.parallelism, "the device's cores, for the autoscheduler (default: this machine's)");
    app.add_option("--seed", o.seed, "seeds the candidates' randomness")->capture_default_str();
    app.add_option("--explore", o.explore,
                   "how far the probes (every candidate but each batch's first) stray: the relative noise "
                   "put on the cost model's weights for each (0: none)")
        ->capture_default_str();
    app.add_option("--epochs", o.epochs, "cost-model training epochs per batch (default: max(samples, 8))");
    app.add_option("--work", o.work_dir, "work folder (default: autotune/<device>/<pipeline>)");
    app.add_option("--kept-dir", o.kept_dir, "where kept schedules go")->capture_default_str();
    app.add_option("--generate", o.generate, "ghostnet-generate to compile candidates with (default: beside this program)");
    app.add_option("--cxx", o.cxx, "C++ compiler for the benchmark program (a cross compiler for a board)")
        ->capture_default_str();
    app.add_option("--cxx-flags", o.cxx_flags, "extra flags for it (e.g. -static for a board)");
    app.add_option("--compile-timeout", o.compile_timeout, "seconds a candidate may take to compile")->capture_default_str();
    app.add_option("--bench-timeout", o.bench_timeout, "seconds a benchmark may take")->capture_default_str();
    app.add_option("--confirm-rounds", o.confirm_rounds,
                   "before keeping: rounds of the winner against the hand schedule, in alternation; kept only "
                   "when faster beyond twice the measured noise, else the device keeps the hand schedule")
        ->capture_default_str()
        ->check(CLI::Range(1, 1000));
    app.add_option("--pair-rounds", o.pair_rounds,
                   "--search hand: rounds each candidate and the hand schedule are timed in alternation; the "
                   "candidate is ranked by the median of the rounds' time ratios")
        ->capture_default_str()
        ->check(CLI::Range(1, 100));
    app.add_option("--bench", o.bench,
                   "how candidates are timed: runtime (this project's runtime and thread pool, Model::run on random "
                   "weights, as the apps run; the default on this machine) or rungen (Halide's RunGen, inputs from "
                   "the estimates; the default with --runner)");
    app.add_option("--bench-runs", o.bench_runs, "--bench runtime: timed runs per measurement (median)")
        ->capture_default_str();
    app.add_option("--threads", o.threads, "--bench runtime: threads (0: one per core)")->capture_default_str();
    app.add_option("--cache", o.cache_dir,
                   "where compiled candidates (--search hand) and the hand-scheduled network the checks compare "
                   "with are kept by their compile command, so nothing compiled once is compiled again (\"\": none)")
        ->capture_default_str();
    app.add_option("--confirm-top", o.confirm_top,
                   "--search hand: confirm the search's fastest this many choices together and keep the one with "
                   "the best median")
        ->capture_default_str()
        ->check(CLI::Range(1, 20));
    app.add_option("--min-speedup", o.min_speedup,
                   "keep the winner only if its median is at least this many times faster than the hand schedule's")
        ->capture_default_str()
        ->check(CLI::Range(1.0, 1000.0));
    app.add_flag("!--no-confirm", o.confirm,
                 "keep the search's winner without timing it against the hand schedule (it may be slower)");
    app.add_flag("--overwrite", o.overwrite, "replace a schedule already kept for this pipeline and device");
    app.add_flag("!--no-check", o.check,
                 "do not check each candidate's logits against the hand schedule's before timing it");
    app.add_option("--compare", o.compare_rounds,
                   "instead of tuning: compile the pipeline with the hand schedule, Adams2019 as shipped, "
                   "Mullapudi2016, Li2018 and the device's kept schedule, benchmark them in alternation for "
                   "this many rounds, and print median, min and the ratio to hand");
    app.add_option("--compare-only", o.compare_only,
                   "with --compare: besides hand, only these (comma-separated: Adams2019, Mullapudi2016, Li2018, autotuned)")
        ->delimiter(',')
        ->check(CLI::IsMember({"Adams2019", "Mullapudi2016", "Li2018", "autotuned"}));
}

void resolve_options(Options &o, const Tools &tools) {
    if (!parse_network_name(o.pipeline, &o.cfg, &o.q8))
        throw Failure("--pipeline '" + o.pipeline + "' is not a network name. Names are " + network_name_rule() +
                      ", as ghostnet-generate names a network");
    o.hexagon = o.target.find("hexagon") != std::string::npos;
    if (!o.hexagon && o.target.find("hvx") != std::string::npos)
        throw Failure("--target " + o.target +
                      ": an offloading (ARM host + HVX) library runs only on a device with a DSP and "
                      "FastRPC, which no runner here reaches; tune hexagon-32-noos-hvx_128, the DSP "
                      "itself, whose Hexagon schedule the offloaded stages use too");
    o.local = o.runner == kLocalRunner;
    if (o.hexagon) {
        if (!o.hand_search())
            throw Failure("--target " + o.target +
                          ": Adams2019 does not model HVX; tune the Hexagon hand schedule's tunables with "
                          "--search hand");
        if (!o.q8)
            throw Failure("--target " + o.target + ": HVX runs q8 networks only; tune " + o.pipeline + "_q8");
        if (o.compare_rounds > 0)
            throw Failure("--compare runs Halide's autoschedulers, which do not schedule HVX; a Hexagon "
                          "search prints the hand schedule's own time as its first sample");
        if (tools.hexagon_cflags.empty())
            throw Failure("this ghostnet-autotune was built without the Hexagon compile flags "
                          "(GHOSTNET_HEXAGON_CFLAGS); build it with the project's CMake");
        o.clang = find_tool("clang-14");
        o.lld = find_tool("ld.lld-14");
        if (o.clang.empty() || o.lld.empty())
            throw Failure("--target " + o.target + ": the Hexagon benchmark is built with clang-14 and "
                          "ld.lld-14 (apt-get install clang-14 lld-14)");
        if (o.local) {
            const std::string qemu = find_tool("qemu-hexagon");
            if (qemu.empty())
                throw Failure("--target " + o.target + ": without --runner the benchmark runs under "
                              "qemu-hexagon, which is not installed (apt-get install qemu-user)");
            // Counted, not timed: the plugin writes the run's packets to {dir}/counts.tsv.
            o.runner = shell_quote(qemu) + " -plugin " + shell_quote(tools.hvx_work_plugin) +
                       ",out={dir}/counts.tsv {bench} {args}";
            o.packet_counter = tools.hvx_work_plugin;
            if (!fs::exists(o.packet_counter))
                throw Failure("--target " + o.target + ": the packet-counting QEMU plugin " + o.packet_counter +
                              " is missing; build it (cmake --build build --target hvx_work)");
        }
    }
    if (o.hexagon) {
        if (!o.bench.empty())
            throw Failure("--bench " + o.bench + ": a Hexagon target is timed by hexagon/runner.c; leave --bench out");
        o.bench = "hexagon";
    } else if (o.bench.empty()) {
        o.bench = o.local ? "runtime" : "rungen";
    } else if (o.bench == "runtime" && !o.local) {
        throw Failure("--bench runtime links the candidate with this build's runtime libraries, which run on "
                      "this machine only; with --runner use --bench rungen");
    } else if (o.bench != "runtime" && o.bench != "rungen") {
        throw Failure("--bench '" + o.bench + "': expected runtime or rungen");
    }
    if (o.bench_runs < 1) throw Failure("--bench-runs must be at least 1");
    if (o.threads < 0) throw Failure("--threads must be 0 (one per core) or more");
    if (o.q8 && !o.hand_search() && o.compare_rounds == 0)
        throw Failure("--pipeline " + o.pipeline +
                      ": q8 networks are not tuned with Adams2019: their kept schedules would have no test "
                      "against the q8 reference yet; tune the fp32 network, or the hand schedule's tunables "
                      "(--search hand)");

    static const std::regex device_re("[A-Za-z0-9][A-Za-z0-9_.-]*");
    if (!std::regex_match(o.device, device_re))
        throw Failure("--device '" + o.device +
                      "': a device name is letters, digits, '.', '_' and '-' (it names the folder "
                      "schedules/autotuned/<device>/)");
    if (o.batches < 1) throw Failure("--batches must be at least 1");
    if (!o.start.empty() && (!o.hand_search() || o.strategy != "descent"))
        throw Failure("--start '" + o.start + "': only the descent of --search hand starts from given tunables");
    const bool groups_apply = o.hand_search() && o.strategy == "descent" && !o.hexagon && o.start.empty();
    if (o.layer_groups_min < 0) {
        o.layer_groups_min = groups_apply ? o.time_budget_min / 2 : 0;
    } else if (o.layer_groups_min > 0 && !groups_apply) {
        throw Failure("--layer-groups: only the descent of --search hand on a CPU target tunes layer groups first, "
                      "and it starts from their winners, so not with --start");
    }
    if (o.samples < 1) throw Failure("--samples must be at least 1");
    if (o.beam < 1) throw Failure("--beam must be at least 1");
    if (o.explore < 0) throw Failure("--explore must be 0 or more");
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    if (o.jobs <= 0) o.jobs = cores;
    if (o.parallelism <= 0) o.parallelism = cores;
    if (o.epochs <= 0) o.epochs = std::max(o.samples, 8);
    if (o.runner.find("{bench}") == std::string::npos)
        throw Failure("--runner '" + o.runner + "' has no {bench}: the template must run the benchmark "
                      "program, e.g. \"{bench} {args}\" or \"scp {bench} board:/tmp/b && ssh board /tmp/b {args}\"");
    if (o.generate.empty()) {
        std::error_code ec;
        const fs::path self = fs::read_symlink("/proc/self/exe", ec);
        o.generate = (self.parent_path() / "ghostnet-generate").string();
    }
    if (!fs::exists(o.generate))
        throw Failure("--generate " + o.generate + ": ghostnet-generate is not there (it compiles the candidates)");
    for (const std::string &file : {tools.featurization_to_sample, tools.retrain_cost_model, tools.rungen_main})
        if (!fs::exists(file))
            throw Failure(std::string(file) + " is missing (the halide wheel from PyPI ships it: "
                          "scripts/install_deps.sh)");
}

}  // namespace autotune
}  // namespace ghostnet
