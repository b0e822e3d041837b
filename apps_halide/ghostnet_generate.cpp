// ghostnet-generate: emits GhostNet (or the Ghost module alone), fp32 or q8, or the paper's
// plug-and-play VGG-16 / ResNet-56 (fp32, plain or with Ghost modules), as a static
// library and header for any Halide target, with that target's Halide runtime (once per
// folder, shared by every library emitted there) and a JSON manifest. The generators of
// ghostnet_generator.cpp are linked in; this file only turns the user's choices into one
// generator run and checks them first, so a choice that cannot work is an error that says
// what can.
#include "Halide.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "autotuned_schedule.h"
#include "op_schedules.h"
#include "schedule_map.h"
#include "tunables.h"
#include "cli_common.h"
#include "ghostnet_arch.h"
#include "model_description.h"
#include "plug_and_play_arch.h"

#ifndef GHOSTNET_VERSION
#define GHOSTNET_VERSION "unknown"
#endif
#ifndef GHOSTNET_HALIDE_VERSION
#define GHOSTNET_HALIDE_VERSION "unknown"
#endif
#ifndef GHOSTNET_AUTOSCHEDULER_DIR
#define GHOSTNET_AUTOSCHEDULER_DIR ""
#endif

namespace {

using namespace ghostnet;
namespace fs = std::filesystem;
using Halide::Target;

struct Failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Request {
    std::string targets = "host";
    std::string network = "ghostnet";  // ghostnet | ghost_module | vgg16 | resnet56
    std::string precision = "fp32";    // fp32 | q8
    std::string schedule = "hand";     // hand | Adams2019 | Mullapudi2016 | Li2018 | device:NAME
    std::string out_dir, name, model_dir;
    NetworkConfig cfg;
    int ratio = 2, kernel = 1, dw_kernel = 3, stride = 1;
    bool relu = true, assembly = false, overwrite = false;
    // More of Halide's outputs (ghostnet-autotune's samples use schedule, featurization and
    // registration): names of kExtraOutputs.
    std::vector<std::string> also;
    std::string tunables;  // the hand schedule's (schedules/tunables.h)
    // With an autoscheduler: its parameters, "name=value" (Halide's autoscheduler.<name>=value,
    // e.g. parallelism=2, beam_size=32, random_dropout_seed=7, weights_path=FILE).
    std::vector<std::string> autoscheduler_params;
    bool list_tunables = false;
    // --network ghostnet: only its layers on maps this many pixels wide (runtime/layer_group.h,
    // generators/ghostnet.h), what ghostnet-autotune --layer-groups times; 0: the whole network.
    int group = 0;
    bool ratio_given = false;  // vgg16 / resnet56: --ratio absent means ordinary convs

    bool plug_and_play() const { return network == "vgg16" || network == "resnet56"; }
    // vgg16 / resnet56: the spec they ask for (throws std::invalid_argument on bad s or d).
    PlugAndPlaySpec plug_and_play_spec() const {
        PlugAndPlayConfig c;
        parse_plug_and_play_network(network, &c.network);
        c.ghost_ratio = ratio_given ? ratio : 0;
        c.ghost_dw = dw_kernel;
        return make_plug_and_play_spec(c);
    }
};

const char *const kAutoschedulers[] = {"Adams2019", "Mullapudi2016", "Li2018"};

// Halide outputs --also can add, and the file each writes (NAME + suffix).
struct ExtraOutput {
    const char *emit, *suffix;
};
const ExtraOutput kExtraOutputs[] = {{"schedule", ".schedule.h"},
                                     {"featurization", ".featurization"},
                                     {"registration", ".registration.cpp"},
                                     {"stmt", ".stmt"},
                                     {"python_extension", ".py.cpp"}};

std::vector<std::string> extra_output_suffixes(const Request &r) {
    std::vector<std::string> suffixes;
    for (const ExtraOutput &e : kExtraOutputs)
        for (const std::string &a : r.also)
            if (a == e.emit) suffixes.push_back(e.suffix);
    return suffixes;
}

// "arch: x86 arm ...; features: avx2 fma ..." from Halide itself, for the unknown-target error.
std::string known_target_words() {
    std::string features;
    for (int f = 0; f < Target::FeatureEnd; f++) {
        const std::string n = Target::feature_to_name(Target::Feature(f));
        if (!n.empty()) features += (features.empty() ? "" : " ") + n;
    }
    return "arch-bits-os[-feature...], arch: x86 arm hexagon powerpc riscv wasm; bits: 32 64; "
           "os: linux android osx ios windows noos; features: " + features;
}

// The targets of a comma-separated list (Halide's multi-target dispatch, best first).
std::vector<Target> parse_targets(const std::string &list) {
    std::vector<Target> targets;
    std::stringstream ss(list);
    std::string one;
    while (std::getline(ss, one, ',')) {
        if (one == "host") {
            targets.push_back(Halide::get_host_target());
            continue;
        }
        if (!Target::validate_target_string(one))
            throw Failure("--target: '" + one + "' is not a Halide target. A target is " +
                          known_target_words() + ". Examples: x86-64-linux-avx2-fma, arm-64-android, "
                          "arm-64-linux-arm_dot_prod, hexagon-32-noos-hvx_128");
        targets.emplace_back(one);
    }
    if (targets.empty()) throw Failure("--target: no target given");
    for (const Target &t : targets) {
        if (t.arch != targets[0].arch || t.bits != targets[0].bits || t.os != targets[0].os)
            throw Failure("--target: the targets of one library must share arch, bits and os (" +
                          targets[0].to_string() + " vs " + t.to_string() +
                          "); emit one library per platform");
        if (t.has_feature(Target::NoRuntime))
            throw Failure("--target: leave out no_runtime (" + t.to_string() +
                          "): the tool emits the runtime separately, once per folder");
    }
    return targets;
}

// The runtime an application links with the libraries for `t`: the platform plus the features
// the runtime itself depends on (instruction-set features only change the pipelines' code).
Target runtime_target(const Target &t) {
    Target r(t.os, t.arch, t.bits);
    for (Target::Feature f : {Target::HVX, Target::HVX_v62, Target::HVX_v65, Target::HVX_v66,
                              Target::Debug, Target::Profile, Target::HexagonDma, Target::CUDA,
                              Target::OpenCL, Target::Metal, Target::D3D12Compute})
        if (t.has_feature(f)) r.set_feature(f);
    return r;
}

bool is_identifier(const std::string &s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    for (char c : s)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
    return true;
}

std::string default_name(const Request &r) {
    const bool q8 = r.precision == "q8";
    char buf[128];
    if (r.plug_and_play()) {
        try {
            return r.plug_and_play_spec().name();
        } catch (const std::invalid_argument &) {
            return r.network;  // check_request reports the bad choice
        }
    } else if (r.network == "ghost_module") {
        std::snprintf(buf, sizeof buf, "ghost_module_s%d_k%d_d%d%s%s", r.ratio, r.kernel, r.dw_kernel,
                      r.stride == 2 ? "_st2" : "", q8 ? "_q8" : "");
        return buf;
    }
    if (r.group > 0) return network_name(r.cfg, q8) + "_group" + std::to_string(r.group);
    return network_name(r.cfg, q8);
}

bool is_autoscheduler(const std::string &schedule) {
    for (const char *a : kAutoschedulers)
        if (schedule == a) return true;
    return false;
}

// Checks the choices against each other and the targets; the error says what is possible.
void check_request(const Request &r, const std::vector<Target> &targets) {
    const Target &t = targets[0];
    const std::string precision = schedules::precision_refusal(t, r.precision == "q8");
    if (!precision.empty()) throw Failure("--precision " + r.precision + ": " + precision + ", or emit --precision q8");
    if (r.schedule == "hand") {
        const std::string refused = schedules::hand_schedule_refusal(t);
        if (!refused.empty()) throw Failure("--schedule hand: " + refused);
    } else if (r.schedule.rfind("device:", 0) == 0) {
        const std::string device = r.schedule.substr(7);
        if (r.network != "ghostnet")
            throw Failure("--schedule " + r.schedule + ": autotuned schedules are kept for whole networks "
                          "(--network ghostnet), not for --network " + r.network);
        const std::string pipeline = network_name(r.cfg, r.precision == "q8");
        if (!schedules::find_autotuned_schedule(device, pipeline) && !schedules::find_kept_tunables(device, pipeline)) {
            throw Failure("--schedule " + r.schedule + ": no schedule for " + pipeline + " is kept for device '" +
                          device + "' (schedules/autotuned/" + device + "/" + pipeline +
                          ".schedule.h or .tunables); this build keeps " + schedules::kept_for_messages() +
                          " (one kept since the build was configured needs a reconfigure: cmake <build folder>)" +
                          ". Tune one with ghostnet-autotune --pipeline " + pipeline + " --device " + device +
                          ", or use --schedule hand, Adams2019, Mullapudi2016 or Li2018");
        }
    } else {
        if (!is_autoscheduler(r.schedule))
            throw Failure("--schedule: '" + r.schedule +
                          "' is not a schedule; use hand, Adams2019, Mullapudi2016, Li2018 or device:NAME");
        if (schedules::uses_hvx(t) && t.arch != Target::Hexagon)
            throw Failure("--schedule " + r.schedule + " on " + t.to_string() +
                          ": autoschedulers do not offload to HVX, so this library would run on the "
                          "ARM host only; use --schedule hand (it offloads every stage), or emit "
                          "hexagon-32-noos-hvx_128 for the DSP itself");
    }
    if (r.group != 0) {
        if (r.network != "ghostnet")
            throw Failure("--group: a layer group is a part of --network ghostnet, not of --network " + r.network);
        if (r.schedule != "hand")
            throw Failure("--group: a layer group takes the hand schedule (and --tunables), not --schedule " +
                          r.schedule);
        const std::vector<int> widths = schedules::tunable_widths(make_ghostnet_spec(r.cfg));
        if (std::find(widths.begin(), widths.end(), r.group) == widths.end()) {
            std::string list;
            for (int w : widths) list += (list.empty() ? "" : ", ") + std::to_string(w);
            throw Failure("--group " + std::to_string(r.group) + ": no layer of " + network_name(r.cfg, false) +
                          " works on maps that wide; its map widths are " + list);
        }
    }
    if (!r.tunables.empty()) {
        if (r.schedule != "hand")
            throw Failure("--tunables tune the hand schedule; --schedule " + r.schedule + " takes none");
        if (r.network != "ghostnet")
            throw Failure("--tunables: the network generators (--network ghostnet) take tunables; --network " +
                          r.network + " does not");
        try {
            schedules::Tunables::parse(r.tunables);
        } catch (const std::invalid_argument &e) {
            throw Failure(std::string("--") + e.what());
        }
    }
    for (const std::string &p : r.autoscheduler_params) {
        const size_t eq = p.find('=');
        if (!is_autoscheduler(r.schedule))
            throw Failure("--autoscheduler-param " + p + ": only with --schedule Adams2019, Mullapudi2016 or Li2018");
        if (eq == std::string::npos || eq == 0 || eq + 1 == p.size() || !is_identifier(p.substr(0, eq)))
            throw Failure("--autoscheduler-param '" + p + "': expected name=value, e.g. parallelism=2");
    }
    if (r.plug_and_play()) {
        if (r.precision != "fp32")
            throw Failure("--network " + r.network + " is built in fp32 only; drop --precision " + r.precision);
        try {
            r.plug_and_play_spec();
        } catch (const std::invalid_argument &e) {
            throw Failure("--network " + r.network + ": " + e.what() + " (--ratio s, --dw-kernel d)");
        }
    } else if (r.network == "ghost_module") {
        if (r.ratio < 2) throw Failure("--ratio must be >= 2, got " + std::to_string(r.ratio));
        if (r.kernel % 2 == 0 || r.kernel < 1 || r.dw_kernel % 2 == 0 || r.dw_kernel < 1)
            throw Failure("--kernel and --dw-kernel must be odd and positive");
        if (r.stride != 1 && r.stride != 2) throw Failure("--stride must be 1 or 2");
    } else {
        try {
            make_ghostnet_spec(r.cfg);
        } catch (const std::exception &e) {
            throw Failure(std::string("invalid network: ") + e.what());
        }
    }
    if (!is_identifier(r.name))
        throw Failure("--name '" + r.name + "' must be a C identifier (letters, digits, _)");
}

std::string autoscheduler_plugin(const std::string &name) {
    std::string lower = name;
    for (char &c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
    const fs::path p = fs::path(GHOSTNET_AUTOSCHEDULER_DIR) / ("libautoschedule_" + lower + ".so");
    if (!fs::exists(p))
        throw Failure("--schedule " + name + ": the autoscheduler plugin " + p.string() +
                      " is missing (the halide wheel from PyPI ships it: scripts/install_deps.sh)");
    return p.string();
}

// One run of Halide's generator driver with these arguments; its errors become Failures.
void run_generator(const std::vector<std::string> &args) {
    std::vector<std::string> all = {"ghostnet-generate"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char *> argv;
    for (std::string &a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    // The driver reports its errors (and Halide's warnings) on std::cerr: collected here, so an
    // error becomes this tool's message and a warning is passed on.
    std::ostringstream err;
    std::streambuf *const cerr_buffer = std::cerr.rdbuf(err.rdbuf());
    int rc;
    try {
        rc = Halide::Internal::generate_filter_main(int(all.size()), argv.data());
    } catch (...) {
        std::cerr.rdbuf(cerr_buffer);
        throw;
    }
    std::cerr.rdbuf(cerr_buffer);
    std::string text = err.str();
    const std::string unhandled = "Unhandled exception: ";
    if (text.rfind(unhandled, 0) == 0) text = text.substr(unhandled.size());
    if (rc != 0) throw Failure(text.empty() ? "Halide's generator driver failed" : text);
    std::fputs(text.c_str(), stderr);
}

// `int name(...);` from the emitted header: the function the application calls.
std::string function_signature(const fs::path &header, const std::string &name) {
    std::ifstream in(header);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const size_t start = text.find("int " + name + "(");
    if (start == std::string::npos) return "";
    const size_t end = text.find(';', start);
    std::string sig = text.substr(start, end - start);
    std::string flat;
    for (char c : sig) {
        if (c == '\n') c = ' ';
        if (c == ' ' && !flat.empty() && flat.back() == ' ') continue;
        flat += c;
    }
    return flat;
}

nlohmann::json network_json(const Request &r) {
    nlohmann::json n;
    n["kind"] = r.network;
    if (r.plug_and_play()) {
        const PlugAndPlaySpec spec = r.plug_and_play_spec();
        n["ghost_ratio"] = spec.config.ghost_ratio;
        n["ghost_dw"] = spec.config.ghost_dw;
        n["input_size"] = spec.input_size;
        n["in_channels"] = spec.in_channels;
        n["num_classes"] = spec.num_classes;
    } else if (r.network == "ghost_module") {
        n["ratio"] = r.ratio;
        n["kernel"] = r.kernel;
        n["dw_kernel"] = r.dw_kernel;
        n["stride"] = r.stride;
        n["relu"] = r.relu;
    } else {
        n["width"] = r.cfg.width;
        n["input_size"] = r.cfg.input_size;
        n["in_channels"] = r.cfg.in_channels;
        n["num_classes"] = r.cfg.num_classes;
        n["variant"] = variant_name(r.cfg.variant);
        if (r.group) n["group"] = r.group;
    }
    return n;
}

std::string target_list(const std::vector<Target> &targets, const char *extra) {
    std::string s;
    for (const Target &t : targets) s += (s.empty() ? "" : ",") + t.to_string() + extra;
    return s;
}

int generate(const Request &r) {
    const std::vector<Target> targets = parse_targets(r.targets);
    check_request(r, targets);

    const fs::path out = r.out_dir;
    std::error_code ec;
    fs::create_directories(out, ec);
    if (!fs::is_directory(out)) throw Failure("-o " + out.string() + ": cannot create the folder");
    std::vector<std::string> suffixes = {".a", ".h", ".manifest.json", ".s"};
    for (const std::string &x : extra_output_suffixes(r)) suffixes.push_back(x);
    if (!r.overwrite)
        for (const std::string &s : suffixes)
            if (fs::exists(out / (r.name + s)))
                throw Failure((out / (r.name + s)).string() +
                              " exists; pass --overwrite or another --name / -o");

    // Everything is made in a scratch folder and moved in at the end: a failure leaves the
    // output folder as it was.
    const fs::path scratch = out / (".ghostnet-generate-" + r.name + "-" + std::to_string(::getpid()));
    fs::remove_all(scratch, ec);
    fs::create_directories(scratch);
    struct Cleanup {
        fs::path p;
        ~Cleanup() {
            std::error_code e;
            fs::remove_all(p, e);
        }
    } cleanup{scratch};

    const std::string generator =
        r.plug_and_play() ? std::string("plug_and_play")
                          : r.network + (r.precision == "q8" ? "_q8" : "") + (r.group ? "_group" : "");
    // -t 0: no time limit. Halide's default of 15 minutes stops a whole network for HVX, which
    // takes 11-16 minutes of one core here; the user can interrupt as with any command.
    std::string emit = r.assembly ? "static_library,h,assembly" : "static_library,h";
    for (const std::string &a : r.also) emit += "," + a;
    std::vector<std::string> args = {"-g", generator, "-f", r.name, "-o", scratch.string(), "-t", "0",
                                     "-e", emit};
    if (r.schedule.rfind("device:", 0) == 0) {
        args.push_back("device=" + r.schedule.substr(7));
        const auto *kept = schedules::find_autotuned_schedule(r.schedule.substr(7), network_name(r.cfg, r.precision == "q8"));
        if (kept && kept->target != targets[0].to_string())
            std::fprintf(stderr, "ghostnet-generate: note: schedules/autotuned/%s was tuned and measured on %s\n",
                         kept->file, kept->target);
    } else if (r.schedule != "hand") {
        args.insert(args.end(), {"-p", autoscheduler_plugin(r.schedule), "autoscheduler=" + r.schedule});
        for (const std::string &p : r.autoscheduler_params) args.push_back("autoscheduler." + p);
    }
    if (!r.tunables.empty()) {  // "a:1,b:2": GenGen splits its arguments at '='
        std::string t = schedules::Tunables::parse(r.tunables).to_string();
        std::replace(t.begin(), t.end(), '=', ':');
        args.push_back("tunables=" + t);
    }
    args.push_back("target=" + target_list(targets, "-no_runtime"));
    if (r.plug_and_play()) {
        const PlugAndPlaySpec spec = r.plug_and_play_spec();
        args.push_back("network=" + r.network);
        args.push_back("ghost_ratio=" + std::to_string(spec.config.ghost_ratio));
        args.push_back("ghost_dw=" + std::to_string(spec.config.ghost_dw));
    } else if (r.network == "ghost_module") {
        args.push_back("ratio=" + std::to_string(r.ratio));
        args.push_back("kernel=" + std::to_string(r.kernel));
        args.push_back("dw_kernel=" + std::to_string(r.dw_kernel));
        args.push_back("stride=" + std::to_string(r.stride));
        args.push_back(std::string("relu=") + (r.relu ? "true" : "false"));
    } else {
        std::ostringstream w;
        w << r.cfg.width;
        args.push_back("width=" + w.str());
        args.push_back("input_size=" + std::to_string(r.cfg.input_size));
        args.push_back("in_channels=" + std::to_string(r.cfg.in_channels));
        args.push_back("num_classes=" + std::to_string(r.cfg.num_classes));
        args.push_back(std::string("variant=") + variant_name(r.cfg.variant));
        args.push_back(std::string("version=") + version_name(r.cfg.version));
        if (r.group) args.push_back("group=" + std::to_string(r.group));
    }
    std::fprintf(stderr, "ghostnet-generate: %s %s for %s (%s schedule)...\n", generator.c_str(),
                 r.name.c_str(), target_list(targets, "").c_str(), r.schedule.c_str());
    run_generator(args);

    // The runtime: one per platform and folder, shared by every library emitted there.
    const Target rt = runtime_target(targets[0]);
    std::string rt_name = "halide_runtime_" + rt.to_string();
    for (char &c : rt_name)
        if (c == '-') c = '_';
    const fs::path rt_file = out / (rt_name + ".a");
    const bool made_runtime = !fs::exists(rt_file);
    if (made_runtime) {
        run_generator({"-r", rt_name, "-o", scratch.string(), "-e", "static_library",
                       "target=" + rt.to_string()});
    }

    const std::string sig = function_signature(scratch / (r.name + ".h"), r.name);
    nlohmann::json m;
    m["name"] = r.name;
    m["library"] = r.name + ".a";
    m["header"] = r.name + ".h";
    if (r.assembly) m["assembly"] = r.name + ".s";
    m["runtime"] = rt_name + ".a";
    m["runtime_target"] = rt.to_string();
    m["targets"] = nlohmann::json::array();
    for (const Target &t : targets) m["targets"].push_back(t.to_string());
    m["generator"] = generator;
    m["network"] = network_json(r);
    m["precision"] = r.precision;
    m["schedule"] = r.schedule;
    if (!r.tunables.empty()) m["tunables"] = schedules::Tunables::parse(r.tunables).to_string();
    m["function"] = sig;
    m["tool"] = std::string("ghostnet-generate ") + GHOSTNET_VERSION;
    m["halide"] = GHOSTNET_HALIDE_VERSION;
    {
        std::ofstream f(scratch / (r.name + ".manifest.json"));
        f << m.dump(2) << "\n";
        if (!f) throw Failure("cannot write the manifest in " + scratch.string());
    }

    std::vector<std::string> made = {r.name + ".a", r.name + ".h", r.name + ".manifest.json"};
    if (r.assembly) made.push_back(r.name + ".s");
    for (const std::string &x : extra_output_suffixes(r)) made.push_back(r.name + x);
    if (made_runtime) made.push_back(rt_name + ".a");
    for (const std::string &f : made) {
        fs::rename(scratch / f, out / f, ec);
        if (ec) throw Failure("cannot move " + f + " into " + out.string() + ": " + ec.message());
        std::printf("%s\n", (out / f).string().c_str());
    }
    if (!made_runtime) std::printf("%s (already there, shared)\n", rt_file.string().c_str());
    return 0;
}

// --list-tunables: one per line, name, first and last value, meaning (ghostnet-autotune reads
// these), in the order Tunables::to_string spells them: each knob, then (for the network the
// flags describe) the same knob once per map width.
int list_tunables(const Request &r) {
    const std::vector<int> widths =
        r.network == "ghostnet" ? schedules::tunable_widths(make_ghostnet_spec(r.cfg)) : std::vector<int>{};
    for (const schedules::TunableKnob &k : schedules::tunable_knobs()) {
        std::printf("%s %d %d %s%s\n", k.name, k.min, k.max, k.meaning, k.per_width ? " (all widths)" : "");
        if (k.per_width)
            for (int w : widths)
                std::printf("%s@%d %d %d %s (the layers %d pixels wide)\n", k.name, w, k.min, k.max, k.meaning, w);
    }
    return 0;
}

}  // namespace

int main(int argc, char **argv) {
    Request r;
    CLI::App app(
        "Emits GhostNet or the Ghost module, fp32 or q8, or the paper's plug-and-play VGG-16 /\n"
        "ResNet-56 (CIFAR-10, fp32, plain or with Ghost modules), as a static library + header for a\n"
        "Halide target, with the target's Halide runtime (one per folder, shared) and a JSON manifest.\n"
        "Examples:\n"
        "  ghostnet-generate --target x86-64-linux-avx2-fma -o out\n"
        "  ghostnet-generate --target arm-64-linux-arm_dot_prod,arm-64-linux --precision q8 -o out\n"
        "  ghostnet-generate --target arm-64-android --model models/fashion_mnist -o out\n"
        "  ghostnet-generate --network vgg16 --ratio 2 --dw-kernel 3 -o out\n"
        "  ghostnet-generate --target hexagon-32-noos-hvx_128 --model models/fashion_mnist --precision q8 -o dsp\n"
        "  ghostnet-generate --target arm-64-android-hvx_128 --model models/fashion_mnist --precision q8 -o app",
        "ghostnet-generate");
    app.add_option("--target", r.targets,
                   "Halide target, or a comma-separated list dispatched at run time (best first); "
                   "'host' is this machine")
        ->capture_default_str();
    app.add_option("-o,--output", r.out_dir, "output folder (created if missing; required)");
    app.add_option("--name", r.name, "function and file name (default from the network)");
    app.add_option("--network", r.network,
                   "ghostnet (the whole network), ghost_module (the layer alone), or vgg16 / resnet56 "
                   "(CIFAR-10, every conv but the first a Ghost module when --ratio is given)")
        ->check(CLI::IsMember({"ghostnet", "ghost_module", "vgg16", "resnet56"}))
        ->capture_default_str();
    app.add_option("--precision", r.precision, "fp32 or q8")
        ->check(CLI::IsMember({"fp32", "q8"}))
        ->capture_default_str();
    app.add_option("--schedule", r.schedule,
                   "hand (this project's schedules), Adams2019, Mullapudi2016, Li2018 (Halide's "
                   "autoschedulers), or device:NAME (a kept autotuned schedule)")
        ->capture_default_str();
    app.add_option("--tunables", r.tunables,
                   "with --schedule hand: the hand schedule's tunable choices, name=value comma-separated "
                   "(--list-tunables shows them; ghostnet-autotune --search hand searches them)");
    app.add_option("--autoscheduler-param", r.autoscheduler_params,
                   "with --schedule Adams2019/Mullapudi2016/Li2018: one of its parameters, name=value "
                   "(repeatable; e.g. parallelism=2, beam_size=32, weights_path=FILE)");
    app.add_option("--group", r.group,
                   "--network ghostnet: only its layers on maps this many pixels wide, on the map entering them "
                   "(a layer group: what ghostnet-autotune --layer-groups compiles and times; the widths are "
                   "those --list-tunables names)");
    app.add_flag("--list-tunables", r.list_tunables,
                 "print the hand schedule's tunables and their ranges (the per-width ones for the network the "
                 "flags describe), and exit");
    app.add_option("--model", r.model_dir, "take the network from a model folder's model.json (the network flags are then ignored)");
    add_network_options(app, &r.cfg);
    app.add_option("--ratio", r.ratio, "ghost_module: ratio s; vgg16/resnet56: s of their Ghost modules "
                   "(absent or 0: ordinary convs)")->capture_default_str();
    app.add_option("--kernel", r.kernel, "ghost_module: primary conv kernel k")->capture_default_str();
    app.add_option("--dw-kernel", r.dw_kernel, "ghost_module, vgg16, resnet56: cheap depthwise kernel d")->capture_default_str();
    app.add_option("--stride", r.stride, "ghost_module: stride (1 or 2)")->capture_default_str();
    app.add_option("--relu", r.relu, "ghost_module fp32: ReLU after both convs (q8 clamps as its parameters say)")
        ->capture_default_str();
    app.add_flag("--assembly", r.assembly, "also write the assembly (NAME.s)");
    std::vector<std::string> also_names;
    for (const ExtraOutput &e : kExtraOutputs) also_names.push_back(e.emit);
    app.add_option("--also", r.also,
                   "more of Halide's outputs, comma-separated: schedule (NAME.schedule.h, the "
                   "autoscheduler's schedule as C++), featurization, registration, stmt, python_extension")
        ->delimiter(',')
        ->check(CLI::IsMember(also_names));
    app.add_flag("--overwrite", r.overwrite, "replace NAME.a/.h/.manifest.json/.s if they exist");
    CLI11_PARSE(app, argc, argv);

    r.ratio_given = app.count("--ratio") > 0;
    if (!r.list_tunables && r.out_dir.empty()) {
        std::fprintf(stderr, "ghostnet-generate: -o/--output is required (the folder to write the library to)\n");
        return 2;
    }
    try {
        if (!r.model_dir.empty()) {
            if (r.network != "ghostnet") throw Failure("--model describes a whole network; drop --network " + r.network);
            r.cfg = read_model_description(r.model_dir).config;
        }
        if (r.list_tunables) return list_tunables(r);
        if (r.name.empty()) r.name = default_name(r);
        return generate(r);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "ghostnet-generate: %s\n", e.what());
        return 1;
    } catch (const Halide::Error &e) {  // not a std::exception since Halide 15
        std::fprintf(stderr, "ghostnet-generate: %s\n", e.what());
        return 1;
    }
}
