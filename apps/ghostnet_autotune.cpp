// ghostnet-autotune: tunes a network's schedule for one device with Halide's Adams2019
// autoscheduler and keeps the winner in schedules/autotuned/<device>/.
//
// The loop (what Halide's autotune_loop.sh does, without its 32 cores and source-tree layout):
// per batch, compile M candidate schedules in parallel (sample 0 a beam search, the others
// random probes guided by the cost model, each seeded), benchmark each on the device (locally,
// or through a runner command such as ssh or adb), turn (featurization, time) into training
// samples, retrain the device's cost model on every sample so far, and keep the fastest. The
// work folder holds everything; running the same command again resumes where it stopped.
//
// Candidates are compiled by ghostnet-generate (--schedule Adams2019), benchmarked by Halide's
// RunGen harness (RunGenMain.cpp) with inputs filled from the pipeline's estimates. This
// program itself links no Halide.
//
// --search hand tunes the hand schedule instead, for targets Adams2019 does not model: each
// candidate is the hand schedule with a random choice of its tunables (schedules/tunables.h;
// the first candidate is the hand schedule as written), compiled and measured the same way;
// the fastest choice is kept as schedules/autotuned/<device>/<pipeline>.tunables. For a
// Hexagon target (q8 networks) the benchmark is hexagon/runner.c linked with the candidate, run
// by default under qemu-hexagon on a job file of random weights (apps/autotune_hexagon_job.cpp);
// its output must equal the hand schedule's byte for byte.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "ghostnet_arch.h"
#include "timing.h"

#ifndef GHOSTNET_SOURCE_DIR
#define GHOSTNET_SOURCE_DIR "."
#endif
#ifndef GHOSTNET_CXX
#define GHOSTNET_CXX "c++"
#endif
#ifndef GHOSTNET_RUNGEN_MAIN
#define GHOSTNET_RUNGEN_MAIN "/usr/src/halide14/RunGenMain.cpp"
#endif
#ifndef GHOSTNET_HALIDE_INCLUDE
#define GHOSTNET_HALIDE_INCLUDE "/usr/include/halide14"
#endif
#ifndef GHOSTNET_HALIDE_TOOLS
#define GHOSTNET_HALIDE_TOOLS "/usr/lib/x86_64-linux-gnu/halide14"
#endif
#ifndef GHOSTNET_CHECK_LIBS
#define GHOSTNET_CHECK_LIBS ""  // '|'-separated: this build's runtime libraries, for the check
#endif
#ifndef GHOSTNET_HALIDE_VERSION
#define GHOSTNET_HALIDE_VERSION "unknown"
#endif

namespace {

namespace fs = std::filesystem;
using namespace ghostnet;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

struct Failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Options {
    std::string pipeline, device, target = "host";
    std::string runner = "{bench} {args}";
    std::string search = "Adams2019";  // Adams2019 | hand
    std::string strategy = "descent";  // --search hand: descent | random
    double time_budget_min = 0;        // no new batch after this many minutes (0: none)
    int batches = 1, samples = 16, jobs = 0, beam = 32, epochs = 0, parallelism = 0;
    int seed = 0;
    double explore = 0.1;
    double compile_timeout = 3600, bench_timeout = 600;
    std::string work_dir, kept_dir = std::string(GHOSTNET_SOURCE_DIR) + "/schedules/autotuned";
    std::string generate, cxx = GHOSTNET_CXX, cxx_flags;
    bool overwrite = false, check = true;
    int compare_rounds = 0;  // --compare: benchmark the schedules side by side instead of tuning
    int confirm_rounds = 5;    // the winner against the hand schedule, in alternation, before keeping
    double min_speedup = 1.0;  // ... kept only at least this much faster (and beyond the noise)
    bool confirm = true;       // false: keep the search's winner untimed against hand
    std::vector<std::string> compare_only;
};

volatile sig_atomic_t g_interrupted = 0;
void on_interrupt(int) { g_interrupted = 1; }

std::string read_text(const fs::path &p) {
    std::ifstream in(p);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void write_text(const fs::path &p, const std::string &text) {
    const fs::path tmp = p.string() + ".part";
    {
        std::ofstream out(tmp);
        out << text;
        if (!out) throw Failure("cannot write " + tmp.string());
    }
    fs::rename(tmp, p);  // whole or not at all: an interrupted write leaves no half file
}

std::string shell_quote(const std::string &s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

std::string fmt_ms(double seconds) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f ms", seconds * 1e3);
    return buf;
}

// A child process in its own process group (so an interrupt or a timeout stops everything
// it started), stdout and stderr to `log`.
struct Child {
    pid_t pid = -1;
    Clock::time_point start;
    double timeout = 0;
};

Child spawn(const std::vector<std::string> &argv, const std::vector<std::string> &env, const fs::path &log,
            double timeout) {
    Child c;
    c.start = Clock::now();
    c.timeout = timeout;
    c.pid = fork();
    if (c.pid < 0) throw Failure("fork failed");
    if (c.pid == 0) {
        setpgid(0, 0);
        const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
            close(fd);
        }
        for (const std::string &e : env) putenv(strdup(e.c_str()));
        std::vector<char *> args;
        for (const std::string &a : argv) args.push_back(const_cast<char *>(a.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        std::fprintf(stderr, "cannot run %s: %s\n", args[0], std::strerror(errno));
        _exit(127);
    }
    setpgid(c.pid, c.pid);
    return c;
}

// Exit status of a finished child, or -1 while it runs; kills it past its timeout (status 124)
// or on interrupt (status 130).
int poll(Child &c) {
    int status = 0;
    const pid_t r = waitpid(c.pid, &status, WNOHANG);
    if (r == c.pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    const double elapsed = std::chrono::duration<double>(Clock::now() - c.start).count();
    if (g_interrupted || (c.timeout > 0 && elapsed > c.timeout)) {
        kill(-c.pid, SIGKILL);
        waitpid(c.pid, &status, 0);
        return g_interrupted ? 130 : 124;
    }
    return -1;
}

int run(const std::vector<std::string> &argv, const std::vector<std::string> &env, const fs::path &log,
        double timeout) {
    Child c = spawn(argv, env, log, timeout);
    for (;;) {
        const int rc = poll(c);
        if (rc >= 0) return rc;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// The last lines of a log, for an error message.
std::string tail(const fs::path &log, int lines = 6) {
    const std::string text = read_text(log);
    size_t pos = text.size();
    for (int n = 0; n <= lines && pos != std::string::npos && pos > 0; n++) pos = text.rfind('\n', pos - 1);
    return text.substr(pos == std::string::npos ? 0 : pos + 1);
}

// The cost model Halide ships is baked into the Adams2019 plugin as a .weights image (Halide's
// src/autoschedulers/adams2019/Weights.cpp: 'hwf1', two feature versions, six float buffers,
// each with its dimensions). Debian ships no baseline.weights file, and retrain_cost_model needs
// initial weights, so the first batch starts from that image, found by its signature and
// checked by walking its structure.
std::string baseline_weights(const fs::path &plugin) {
    const std::string so = read_text(plugin);
    const auto u32 = [&](size_t at) {
        uint32_t v = 0;
        std::memcpy(&v, so.data() + at, 4);
        return v;
    };
    const char signature[4] = {0x31, 0x66, 0x77, 0x68};  // 0x68776631, little-endian
    for (size_t at = so.find(std::string(signature, 4)); at != std::string::npos;
         at = so.find(std::string(signature, 4), at + 1)) {
        size_t p = at + 4;
        if (p + 12 > so.size() || u32(p) > 100 || u32(p + 4) > 100 || u32(p + 8) != 6) continue;
        p += 12;
        bool ok = true;
        for (int b = 0; b < 6 && ok; b++) {
            const uint32_t dims = p + 4 <= so.size() ? u32(p) : 0;
            ok = dims >= 1 && dims <= 4 && p + 4 + 4 * dims <= so.size();
            if (!ok) break;
            size_t count = 1;
            for (uint32_t d = 0; d < dims; d++) {
                const uint32_t e = u32(p + 4 + 4 * d);
                ok = ok && e >= 1 && e <= 4096;
                count *= e;
            }
            p += 4 + 4 * dims + 4 * count;
            ok = ok && p <= so.size();
        }
        if (ok) return so.substr(at, p - at);
    }
    throw Failure(plugin.string() + " holds no cost-model weights image (Halide's baked-in baseline); "
                  "cannot start the cost model");
}

// A copy of a .weights image with every weight multiplied by (1 + scale * N(0, 1)), seeded.
// Why: Halide 14's random dropout cannot randomize a pipeline this large. It keeps a state
// unless (rng() % 100) >= 100 * (p / 100)^(1 / decisions), and with over ~460 decisions (a
// GhostNet has ~1100) that bound is above 99 for any whole percent p, so every beam-1 probe
// would be the same greedy schedule. A perturbed cost model makes each probe a different,
// still plausible, schedule for the samples to teach the model with.
std::string perturbed_weights(const std::string &image, uint32_t seed, double scale) {
    std::string out = image;
    std::mt19937 rng(seed);
    std::normal_distribution<float> noise(0.0f, 1.0f);
    size_t p = 16;  // signature, two versions, buffer count
    for (int b = 0; b < 6; b++) {
        uint32_t dims = 0;
        std::memcpy(&dims, out.data() + p, 4);
        size_t count = 1;
        for (uint32_t d = 0; d < dims; d++) {
            uint32_t e = 0;
            std::memcpy(&e, out.data() + p + 4 + 4 * d, 4);
            count *= e;
        }
        p += 4 + 4 * dims;
        if (p + 4 * count > out.size()) throw Failure("cost-model weights image is truncated");
        for (size_t i = 0; i < count; i++, p += 4) {
            float w;
            std::memcpy(&w, out.data() + p, 4);
            w *= 1.0f + float(scale) * noise(rng);
            std::memcpy(out.data() + p, &w, 4);
        }
    }
    return out;
}

class Tuner {
public:
    explicit Tuner(Options o) : o_(std::move(o)) {}

    int main() {
        check_options();
        if (o_.compare_rounds > 0) return compare();
        prepare_work_dir();
        std::printf("ghostnet-autotune: %s on device '%s' (%s), %d batch(es) of %d samples, %d compile jobs\n"
                    "  work folder %s\n",
                    o_.pipeline.c_str(), o_.device.c_str(), o_.target.c_str(), o_.batches, o_.samples, o_.jobs,
                    work_.c_str());
        prepare_benchmark_harness();
        prepare_check();
        if (hand_search()) {
            read_knobs();
        } else if (!fs::exists(weights())) {
            const fs::path plugin = fs::path(GHOSTNET_HALIDE_TOOLS) / "libautoschedule_adams2019.so";
            write_text(weights(), baseline_weights(plugin));
            std::printf("starting from the cost model baked into %s\n", plugin.c_str());
        }
        const auto start = Clock::now();
        for (int b = 0; b < o_.batches && !g_interrupted; b++) {
            if (o_.time_budget_min > 0 && seconds_since(start) > 60 * o_.time_budget_min) {
                std::printf("time budget of %g minutes spent: no more batches (%d of %d run)\n", o_.time_budget_min, b,
                            o_.batches);
                break;
            }
            if (!run_batch(b)) break;
        }
        if (g_interrupted) {
            std::printf("interrupted: finished samples are kept in %s; run the same command to resume\n",
                        work_.c_str());
            return 130;
        }
        return keep_best();
    }

private:
    static constexpr const char *kLocalRunner = "{bench} {args}";
    static constexpr int kHexagonRuns = 10;  // runs per benchmark under qemu-hexagon

    // A tunable of the hand schedule, as ghostnet-generate --list-tunables prints it.
    struct Knob {
        std::string name;
        int min, max;
    };

    Options o_;
    fs::path work_, kept_header_, kept_json_, kept_weights_, kept_tunables_;
    std::vector<Knob> knobs_;

    bool local_ = true;    // the benchmark runs on this machine (no --runner, or qemu-hexagon)
    bool hexagon_ = false; // a hexagon-32-noos target: the runner.c benchmark, not RunGen
    std::string clang_, lld_;

    bool hand_search() const { return o_.search == "hand"; }
    NetworkConfig cfg_;
    bool q8_ = false;

    fs::path weights() const { return work_ / "updated.weights"; }
    fs::path batch_dir(int b) const {
        char buf[32];
        std::snprintf(buf, sizeof buf, "batch_%03d", b);
        return work_ / buf;
    }
    static fs::path sample_dir(const fs::path &batch, int s) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "sample_%03d", s);
        return batch / buf;
    }

    // retrain_cost_model tells samples apart by file name: each gets its own.
    std::string sample_file(int b, int s) const {
        char buf[48];
        std::snprintf(buf, sizeof buf, "_batch_%03d_sample_%03d.sample", b, s);
        return o_.pipeline + buf;
    }

    void check_options() {
        if (!parse_network_name(o_.pipeline, &cfg_, &q8_))
            throw Failure("--pipeline '" + o_.pipeline +
                          "' is not a network name. Names are ghostnet_w<width x 100>_s<size>[_c<channels>]"
                          "[_k<classes>][_small], as ghostnet-generate names a network: e.g. ghostnet_w100_s224 "
                          "(GhostNet 1.0x, 224x224x3, 1000 classes) or ghostnet_w050_s32_c1_k10_small (the "
                          "bundled Fashion-MNIST model)");
        hexagon_ = o_.target.find("hexagon") != std::string::npos;
        if (!hexagon_ && o_.target.find("hvx") != std::string::npos)
            throw Failure("--target " + o_.target +
                          ": an offloading (ARM host + HVX) library runs only on a device with a DSP and "
                          "FastRPC, which no runner here reaches; tune hexagon-32-noos-hvx_128, the DSP "
                          "itself, whose Hexagon schedule the offloaded stages use too");
        local_ = o_.runner == kLocalRunner;
        if (hexagon_) {
            if (!hand_search())
                throw Failure("--target " + o_.target +
                              ": Adams2019 does not model HVX; tune the Hexagon hand schedule's tunables with "
                              "--search hand");
            if (!q8_)
                throw Failure("--target " + o_.target + ": HVX runs q8 networks only; tune " + o_.pipeline + "_q8");
            if (o_.compare_rounds > 0)
                throw Failure("--compare runs Halide's autoschedulers, which do not schedule HVX; a Hexagon "
                              "search prints the hand schedule's own time as its first sample");
            clang_ = find_tool("clang-14");
            lld_ = find_tool("ld.lld-14");
            if (clang_.empty() || lld_.empty())
                throw Failure("--target " + o_.target + ": the Hexagon benchmark is built with clang-14 and "
                              "ld.lld-14 (apt-get install clang-14 lld-14)");
            if (local_) {
                const std::string qemu = find_tool("qemu-hexagon");
                if (qemu.empty())
                    throw Failure("--target " + o_.target + ": without --runner the benchmark runs under "
                                  "qemu-hexagon, which is not installed (apt-get install qemu-user)");
                o_.runner = shell_quote(qemu) + " {bench} {args}";
            }
        }
        if (q8_ && !hand_search())
            throw Failure("--pipeline " + o_.pipeline +
                          ": q8 networks are not tuned with Adams2019: their kept schedules would have no test "
                          "against the q8 reference yet; tune the fp32 network, or the hand schedule's tunables "
                          "(--search hand)");

        static const std::regex device_re("[A-Za-z0-9][A-Za-z0-9_.-]*");
        if (!std::regex_match(o_.device, device_re))
            throw Failure("--device '" + o_.device +
                          "': a device name is letters, digits, '.', '_' and '-' (it names the folder "
                          "schedules/autotuned/<device>/)");
        if (o_.batches < 1) throw Failure("--batches must be at least 1");
        if (o_.samples < 1) throw Failure("--samples must be at least 1");
        if (o_.beam < 1) throw Failure("--beam must be at least 1");
        if (o_.explore < 0) throw Failure("--explore must be 0 or more");
        const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
        if (o_.jobs <= 0) o_.jobs = cores;
        if (o_.parallelism <= 0) o_.parallelism = cores;
        if (o_.epochs <= 0) o_.epochs = std::max(o_.samples, 8);
        if (o_.runner.find("{bench}") == std::string::npos)
            throw Failure("--runner '" + o_.runner + "' has no {bench}: the template must run the benchmark "
                          "program, e.g. \"{bench} {args}\" or \"scp {bench} board:/tmp/b && ssh board /tmp/b {args}\"");
        if (o_.generate.empty()) {
            std::error_code ec;
            const fs::path self = fs::read_symlink("/proc/self/exe", ec);
            o_.generate = (self.parent_path() / "ghostnet-generate").string();
        }
        if (!fs::exists(o_.generate))
            throw Failure("--generate " + o_.generate + ": ghostnet-generate is not there (it compiles the candidates)");
        for (const char *tool : {"featurization_to_sample", "retrain_cost_model"})
            if (!fs::exists(fs::path(GHOSTNET_HALIDE_TOOLS) / tool))
                throw Failure(std::string(GHOSTNET_HALIDE_TOOLS) + "/" + tool +
                              " is missing (Debian's libhalide14-0-dev ships it)");
        if (!fs::exists(GHOSTNET_RUNGEN_MAIN))
            throw Failure(std::string(GHOSTNET_RUNGEN_MAIN) + " is missing (Halide's benchmark harness; "
                          "Debian's libhalide14-0-dev ships it)");

        const fs::path kept = fs::path(o_.kept_dir) / o_.device;
        kept_header_ = kept / (o_.pipeline + ".schedule.h");
        kept_json_ = kept / (o_.pipeline + ".json");
        kept_weights_ = kept / (o_.pipeline + ".weights");
        kept_tunables_ = kept / (o_.pipeline + ".tunables");
        if (!o_.overwrite && o_.compare_rounds == 0)
            for (const fs::path &p : {kept_header_, kept_json_, kept_weights_, kept_tunables_})
                if (fs::exists(p))
                    throw Failure(p.string() + " exists: a schedule is already kept for " + o_.pipeline + " on '" +
                                  o_.device + "'. Pass --overwrite to replace it with this run's winner, or "
                                  "another --device");
    }

    // What decides which candidates a run compiles and how they are measured.
    json run_choices() const {
        json choices = {{"pipeline", o_.pipeline}, {"device", o_.device},        {"target", o_.target},
                        {"runner", o_.runner},     {"samples_per_batch", o_.samples}, {"seed", o_.seed},
                        {"checked", checking()},   {"search", o_.search}};
        if (!hand_search()) choices.update({{"beam", o_.beam}, {"explore", o_.explore}});
        else choices["strategy"] = o_.strategy;
        return choices;
    }

    // The work folder records what it was started with; resuming with other choices would mix
    // samples of different pipelines, targets or devices in one cost model.
    void prepare_work_dir() {
        work_ = o_.work_dir.empty() ? fs::path("autotune") / o_.device / o_.pipeline : fs::path(o_.work_dir);
        fs::create_directories(work_);
        const json identity = run_choices();
        const fs::path record = work_ / "autotune.json";
        if (fs::exists(record)) {
            json old;
            try {
                old = json::parse(read_text(record));
            } catch (const std::exception &e) {
                throw Failure(record.string() + " is not JSON (" + e.what() + "); remove the work folder or pass another --work");
            }
            if (old != identity)
                throw Failure("--work " + work_.string() + " holds a run started with other choices (" + old.dump() +
                              "); use the same choices to resume, or another --work folder");
            std::printf("resuming the run in %s\n", work_.c_str());
        } else {
            write_text(record, identity.dump(2) + "\n");
        }
    }

    // Every candidate's logits are checked against the hand schedule's (apps/autotune_check.cpp)
    // before it is timed: a wrong schedule must never win. The check runs on this machine, so
    // it needs a target this machine runs: the default runner and a host target.
    bool checking() const { return local_ && o_.check; }

    // `name` on PATH, or "".
    static std::string find_tool(const std::string &name) {
        const char *path = std::getenv("PATH");
        std::istringstream dirs(path ? path : "");
        for (std::string d; std::getline(dirs, d, ':');)
            if (!d.empty() && ::access((fs::path(d) / name).c_str(), X_OK) == 0) return (fs::path(d) / name).string();
        return "";
    }

    // Where the hand-scheduled network the check compares with is compiled (as hand_schedule):
    // its own folder when tuning; --compare's hand variant, which is the same library.
    // On Hexagon the reference is the first candidate, the hand schedule as written (its output
    // on the benchmark's job; a whole q8 network takes minutes to compile for HVX).
    fs::path check_reference_dir() const {
        if (hexagon_) return sample_dir(batch_dir(0), 0);
        return work_ / (o_.compare_rounds > 0 ? "hand" : "check_reference");
    }

    void prepare_check() {
        if (!checking()) {
            std::printf("candidates are not checked for correctness here (%s): the kept schedule's test "
                        "(test_autotuned) checks it on this machine\n",
                        o_.check ? "they run on another device" : "--no-check");
            return;
        }
        if (hexagon_) {
            std::printf("candidates are checked against the output of the first, the hand schedule as written\n");
            return;
        }
        const fs::path dir = check_reference_dir();
        if (fs::exists(dir / "hand_schedule.a")) return;
        std::printf("compiling the hand-scheduled network once, for checking candidates...\n");
        fs::create_directories(dir);
        std::vector<std::string> cmd = {o_.generate, "--target", o_.target, "--schedule", "hand", "--name",
                                        "hand_schedule", "--overwrite", "-o", dir.string()};
        const std::vector<std::string> net = network_flags();
        cmd.insert(cmd.end(), net.begin(), net.end());
        if (run(cmd, {}, dir / "compile.log", o_.compile_timeout) != 0)
            throw Failure("compiling the hand-scheduled network failed:\n" + tail(dir / "compile.log"));
    }

    // The Hexagon benchmark's pieces made once per work folder: the runner's C library for the
    // DSP, and the job file (random q8 weights and input) every candidate runs on.
    void prepare_hexagon() {
        const fs::path libc = work_ / "hexagon_libc.o", job = work_ / "job.bin";
        if (!fs::exists(libc)) {
            std::vector<std::string> cmd = hexagon_cflags();
            cmd.insert(cmd.end(), {"-c", std::string(GHOSTNET_SOURCE_DIR) + "/hexagon/libc.c", "-o", libc.string() + ".part"});
            if (run(cmd, {}, work_ / "hexagon_libc.log", 600) != 0)
                throw Failure("compiling hexagon/libc.c for the DSP failed:\n" + tail(work_ / "hexagon_libc.log"));
            fs::rename(libc.string() + ".part", libc);
        }
        if (fs::exists(job)) return;
        std::printf("writing the benchmark's job file (random q8 weights and input)...\n");
        std::vector<std::string> cmd = {o_.cxx, "-std=c++17", "-O1", "-I", GHOSTNET_HALIDE_INCLUDE,
                                        "-I", std::string(GHOSTNET_SOURCE_DIR) + "/runtime",
                                        "-I", std::string(GHOSTNET_SOURCE_DIR) + "/hexagon",
                                        "-DGHOSTNET_PIPELINE=\"" + o_.pipeline + "\"",
                                        std::string(GHOSTNET_SOURCE_DIR) + "/apps/autotune_hexagon_job.cpp"};
        add_check_libs(&cmd);
        cmd.insert(cmd.end(), {"-o", (work_ / "hexagon_job").string()});
        if (run(cmd, {}, work_ / "hexagon_job.log", 600) != 0)
            throw Failure("building the job writer failed:\n" + tail(work_ / "hexagon_job.log"));
        if (run({(work_ / "hexagon_job").string(), job.string() + ".part"}, {}, work_ / "hexagon_job.log", 600) != 0)
            throw Failure("writing the job file failed:\n" + tail(work_ / "hexagon_job.log"));
        fs::rename(job.string() + ".part", job);
    }

    std::vector<std::string> hexagon_cflags() const {
        return {clang_, "--target=hexagon-unknown-linux-musl", "-mv66", "-mhvx", "-mhvx-length=128b", "-O2",
                "-ffreestanding", "-fno-builtin", "-nostdlib",
                "-I", std::string(GHOSTNET_SOURCE_DIR) + "/hexagon/include",
                "-I", std::string(GHOSTNET_SOURCE_DIR) + "/hexagon", "-I", GHOSTNET_HALIDE_INCLUDE};
    }

    void add_check_libs(std::vector<std::string> *cmd) const {
        std::istringstream libs(GHOSTNET_CHECK_LIBS);
        for (std::string lib; std::getline(libs, lib, '|');)
            if (!lib.empty()) cmd->push_back(lib);
        cmd->insert(cmd->end(), {"-ldl", "-lpthread"});
    }

    // Builds and runs the check program for the candidate in `dir`; "" when its logits agree
    // with the hand schedule's, else the reason.
    std::string check(const fs::path &dir) const {
        if (hexagon_) {  // the benchmark has run: its output against the hand schedule's
            const fs::path ref = check_reference_dir() / "out.bin";
            if (!fs::exists(ref))
                return "check: nothing to check against: the hand schedule as written (batch 1 sample 1) did not run";
            if (read_text(dir / "out.bin") == read_text(ref)) return "";
            return "check: wrong logits: the output differs from the hand schedule's (q8 must match exactly)";
        }
        const fs::path runtime = emitted(dir).runtime;
        std::vector<std::string> cmd = {o_.cxx, "-std=c++17", "-O1", "-I", GHOSTNET_HALIDE_INCLUDE,
                                        "-I", std::string(GHOSTNET_SOURCE_DIR) + "/runtime",
                                        q8_ ? "-DGHOSTNET_Q8" : "-DGHOSTNET_FP32",
                                        "-DGHOSTNET_CANDIDATE=" + emitted(dir).name,
                                        "-DGHOSTNET_PIPELINE=\"" + o_.pipeline + "\"",
                                        std::string(GHOSTNET_SOURCE_DIR) + "/apps/autotune_check.cpp",
                                        emitted(dir).library.string(),
                                        (check_reference_dir() / "hand_schedule.a").string(), runtime.string()};
        add_check_libs(&cmd);
        cmd.insert(cmd.end(), {"-o", (dir / "check").string()});
        if (run(cmd, {}, dir / "check_build.log", 600) != 0)
            return "the check program did not build (see " + (dir / "check_build.log").string() + ")";
        const int rc = run({(dir / "check").string()}, {}, dir / "check.txt", o_.bench_timeout);
        std::string out = read_text(dir / "check.txt");
        while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
        if (rc == 0) return "";
        return out.empty() ? "the check program failed (exit " + std::to_string(rc) + ")" : out;
    }

    // What every candidate's benchmark is built from, made once per work folder: RunGenMain.cpp
    // compiled (it is large), or on Hexagon the runner's C library and the job file.
    void prepare_benchmark_harness() {
        const fs::path obj = work_ / "RunGenMain.o";
        if (hexagon_) return prepare_hexagon();
        if (fs::exists(obj)) return;
        std::printf("compiling Halide's benchmark harness (RunGenMain.cpp) once...\n");
        std::fflush(stdout);
        std::vector<std::string> cmd = {o_.cxx, "-std=c++17", "-O2", "-DHALIDE_NO_PNG", "-DHALIDE_NO_JPEG",
                                        "-I", GHOSTNET_HALIDE_INCLUDE,
                                        "-I", fs::path(GHOSTNET_RUNGEN_MAIN).parent_path().string(),
                                        "-c", GHOSTNET_RUNGEN_MAIN, "-o", obj.string() + ".part"};
        add_cxx_flags(&cmd);
        const fs::path log = work_ / "RunGenMain.log";
        if (run(cmd, {}, log, 0) != 0) throw Failure("compiling " + std::string(GHOSTNET_RUNGEN_MAIN) + " failed:\n" + tail(log));
        fs::rename(obj.string() + ".part", obj);
    }

    void add_cxx_flags(std::vector<std::string> *cmd) const {
        std::istringstream ss(o_.cxx_flags);
        std::string f;
        while (ss >> f) cmd->push_back(f);
    }

    // The network flags ghostnet-generate takes for this pipeline.
    std::vector<std::string> network_flags() const {
        std::ostringstream w;
        w << cfg_.width;
        return {"--width", w.str(), "--size", std::to_string(cfg_.input_size),
                "--channels", std::to_string(cfg_.in_channels), "--classes", std::to_string(cfg_.num_classes),
                "--variant", variant_name(cfg_.variant), "--precision", q8_ ? "q8" : "fp32"};
    }

    json read_result(const fs::path &dir) const {
        const fs::path p = dir / "result.json";
        if (!fs::exists(p)) return json();
        try {
            return json::parse(read_text(p));
        } catch (const std::exception &) {
            return json();  // a half-written record: the sample runs again
        }
    }

    // Compile, then benchmark, every sample of batch b that has no result yet; then retrain.
    // One batch: compile its candidates, benchmark them, (Adams2019) retrain. false when the
    // search has nothing left to try.
    bool run_batch(int b) {
        const fs::path bdir = batch_dir(b);
        if (fs::exists(bdir / "retrained")) {
            std::printf("[batch %d/%d] done earlier (%s)\n", b + 1, o_.batches, bdir.c_str());
            return true;
        }
        const int samples = batch_size(b);
        if (samples == 0) {
            std::printf("[batch %d/%d] every neighbour of the best choice has been measured: the search has "
                        "converged\n", b + 1, o_.batches);
            return false;
        }
        fs::create_directories(bdir);
        // The cost model this batch's candidates were chosen with, for reproducing them.
        if (fs::exists(weights())) fs::copy_file(weights(), bdir / "used.weights", fs::copy_options::overwrite_existing);
        const auto batch_start = Clock::now();

        std::vector<int> todo;
        for (int s = 0; s < samples; s++)
            if (read_result(sample_dir(bdir, s)).is_null()) todo.push_back(s);
        if (todo.size() < size_t(samples))
            std::printf("[batch %d/%d] %zu of %d samples finished earlier\n", b + 1, o_.batches,
                        samples - todo.size(), samples);

        // Compile in parallel, up to --jobs at once.
        struct Running {
            int s;
            Child c;
        };
        std::vector<Running> running;
        std::vector<int> compiled;
        size_t next = 0;
        while ((next < todo.size() || !running.empty()) && !g_interrupted) {
            while (next < todo.size() && int(running.size()) < o_.jobs) {
                const int s = todo[next++];
                running.push_back({s, start_compile(b, s)});
            }
            for (size_t i = 0; i < running.size();) {
                const int rc = poll(running[i].c);
                if (rc < 0) {
                    i++;
                    continue;
                }
                const int s = running[i].s;
                const double secs = seconds_since(running[i].c.start);
                running.erase(running.begin() + i);
                if (rc == 130) continue;
                const fs::path dir = sample_dir(bdir, s);
                if (rc != 0) {
                    const std::string why = rc == 124 ? "timed out" : "failed (exit " + std::to_string(rc) + ")";
                    std::printf("[batch %d/%d] sample %d/%d: compile %s after %.0f s, see %s\n", b + 1, o_.batches,
                                s + 1, samples, why.c_str(), secs, (dir / "compile.log").c_str());
                    write_text(dir / "result.json", json{{"status", "compile " + why}, {"compile_s", secs}}.dump() + "\n");
                } else {
                    std::printf("[batch %d/%d] sample %d/%d: compiled in %.0f s\n", b + 1, o_.batches, s + 1,
                                samples, secs);
                    compiled.push_back(s);
                    write_text(dir / "compiled", std::to_string(secs) + "\n");
                }
                std::fflush(stdout);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        // Samples compiled in an interrupted run but not benchmarked.
        for (int s : todo)
            if (std::find(compiled.begin(), compiled.end(), s) == compiled.end() &&
                fs::exists(sample_dir(bdir, s) / "compiled") && read_result(sample_dir(bdir, s)).is_null())
                compiled.push_back(s);
        std::sort(compiled.begin(), compiled.end());

        // Benchmark one at a time: candidates must not share the device.
        for (int s : compiled) {
            if (g_interrupted) return false;
            benchmark(b, s);
        }
        if (g_interrupted) return false;
        if (!hand_search()) retrain();
        write_text(bdir / "retrained", "\n");  // the batch is done
        std::printf("[batch %d/%d] done in %.0f s; best so far %s\n", b + 1, o_.batches, seconds_since(batch_start),
                    best_text().c_str());
        std::fflush(stdout);
        return true;
    }

    Child start_compile(int b, int s) {
        const fs::path dir = sample_dir(batch_dir(b), s);
        fs::remove_all(dir);
        fs::create_directories(dir);
        if (hand_search()) {
            const std::string tunables = candidate_tunables(b, s);
            write_text(dir / "tunables.txt", tunables + "\n");
            std::vector<std::string> cmd = {o_.generate, "--target", o_.target, "--schedule", "hand", "-o", dir.string()};
            if (!hexagon_) cmd.insert(cmd.end(), {"--also", "registration"});  // RunGen's
            if (!tunables.empty()) cmd.insert(cmd.end(), {"--tunables", tunables});
            const std::vector<std::string> net = network_flags();
            cmd.insert(cmd.end(), net.begin(), net.end());
            std::printf("[batch %d/%d] sample %d/%zu: compiling the hand schedule with %s\n", b + 1, o_.batches, s + 1,
                        batch_candidates(b).size(), tunables.empty() ? "its own choices" : tunables.c_str());
            write_text(dir / "command.txt", [&] {
                std::string line;
                for (const std::string &a : cmd) line += shell_quote(a) + " ";
                return line + "\n";
            }());
            return spawn(cmd, {}, dir / "compile.log", o_.compile_timeout);
        }
        // Sample 0 of each batch is the cost model's best effort (beam search, no randomness);
        // the others are random probes around it that teach the model.
        const bool beam_sample = s == 0;
        const int seed = o_.seed * 1000003 + b * 1000 + s;
        std::vector<std::string> env = {
            "HL_SEED=" + std::to_string(seed),
            "HL_RANDOM_DROPOUT=" + std::string(beam_sample ? "100" : "1"),
            "HL_BEAM_SIZE=" + std::to_string(beam_sample ? o_.beam : 1),
            // parallelism, last-level cache bytes, balance: Halide's defaults but the device's cores.
            "HL_MACHINE_PARAMS=" + std::to_string(o_.parallelism) + ",16777216,40",
        };
        // Sample 0 asks the device's cost model as it is; the probes ask perturbed copies.
        fs::path model = weights();
        if (!beam_sample && o_.explore > 0) {
            model = dir / "probe.weights";
            write_text(model, perturbed_weights(read_text(weights()), uint32_t(seed), o_.explore));
        }
        env.push_back("HL_WEIGHTS_DIR=" + model.string());
        std::vector<std::string> cmd = {o_.generate, "--target", o_.target, "--schedule", "Adams2019",
                                        "--also", "schedule,featurization,registration", "-o", dir.string()};
        const std::vector<std::string> net = network_flags();
        cmd.insert(cmd.end(), net.begin(), net.end());
        write_text(dir / "command.txt", [&] {
            std::string line;
            for (const std::string &e : env) line += e + " ";
            for (const std::string &a : cmd) line += shell_quote(a) + " ";
            return line + "\n";
        }());
        return spawn(cmd, env, dir / "compile.log", o_.compile_timeout);
    }

    // The hand schedule's tunables: ghostnet-generate --list-tunables, one "name min max meaning" a line.
    void read_knobs() {
        const fs::path list = work_ / "tunables.list";
        if (run({o_.generate, "--list-tunables"}, {}, list, 60) != 0)
            throw Failure(o_.generate + " --list-tunables failed:\n" + tail(list));
        std::istringstream in(read_text(list));
        for (std::string line; std::getline(in, line);) {
            std::istringstream f(line);
            Knob k;
            if (f >> k.name >> k.min >> k.max && k.min <= k.max) knobs_.push_back(k);
        }
        if (knobs_.empty()) throw Failure(o_.generate + " --list-tunables listed no tunables (see " + list.string() + ")");
    }

    // The tunables a --search hand sample was compiled with ("" = the hand schedule's own choices).
    static std::string sample_tunables(const fs::path &dir) {
        std::string t = read_text(dir / "tunables.txt");
        while (!t.empty() && t.back() == '\n') t.pop_back();
        return t;
    }

    // A choice of tunables as a map (0: unset, the hand schedule's own choice) and back, in
    // --list-tunables order.
    std::vector<int> parse_choice(const std::string &t) const {
        std::vector<int> v(knobs_.size(), 0);
        std::istringstream in(t);
        for (std::string item; std::getline(in, item, ',');) {
            const size_t eq = item.find('=');
            for (size_t k = 0; k < knobs_.size(); k++)
                if (eq != std::string::npos && item.substr(0, eq) == knobs_[k].name) v[k] = std::stoi(item.substr(eq + 1));
        }
        return v;
    }
    std::string choice_text(const std::vector<int> &v) const {
        std::string t;
        for (size_t k = 0; k < knobs_.size(); k++)
            if (v[k] > 0) t += (t.empty() ? "" : ",") + knobs_[k].name + "=" + std::to_string(v[k]);
        return t;
    }

    // The choices one knob away from `t`: from the hand schedule's own choice (unset) up to six
    // values spread over the knob's range; from a value, its two neighbours and unset.
    std::vector<std::string> neighbours(const std::string &t) const {
        const std::vector<int> v = parse_choice(t);
        std::vector<std::string> out;
        for (size_t k = 0; k < knobs_.size(); k++) {
            std::vector<int> values;
            const int lo = knobs_[k].min, hi = knobs_[k].max, n = hi - lo + 1;
            if (v[k] == 0) {
                const int count = std::min(n, 6);
                for (int i = 0; i < count; i++) values.push_back(count == 1 ? lo : lo + (n - 1) * i / (count - 1));
            } else {
                values = {0};
                if (v[k] > lo) values.push_back(v[k] - 1);
                if (v[k] < hi) values.push_back(v[k] + 1);
            }
            for (int x : values) {
                std::vector<int> w = v;
                w[k] = x;
                const std::string c = choice_text(w);
                if (c != t && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
            }
        }
        return out;
    }

    // The candidates of batch b for --search hand (at most --samples; fewer, or none, when the
    // search has run out of untried choices).
    //   descent: the first batch is the hand schedule as written ("") and choices one knob away
    //   from it; each later batch the untried choices one knob away from the fastest so far, so
    //   the search walks downhill from the hand schedule one knob at a time.
    //   random: the hand schedule, then seeded random choices (each knob unset or a value).
    // Both depend only on the seed and earlier batches' results, so a resumed run compiles the
    // same candidates.
    std::vector<std::string> batch_candidates(int b) const {
        std::vector<std::string> earlier = {""};
        std::vector<json> measured;
        for (int bb = 0; bb < b; bb++)
            for (int ss = 0; fs::exists(sample_dir(batch_dir(bb), ss)); ss++) {
                const fs::path d = sample_dir(batch_dir(bb), ss);
                earlier.push_back(sample_tunables(d));
                const json r = read_result(d);
                if (r.is_object() && r.value("status", "") == "ok") measured.push_back(r);
            }
        std::mt19937 rng(uint32_t(o_.seed * 1000003 + b * 1000));
        std::vector<std::string> out;
        if (b == 0) out.push_back("");
        auto untried = [&](const std::string &t) {
            return std::find(earlier.begin(), earlier.end(), t) == earlier.end() &&
                   std::find(out.begin(), out.end(), t) == out.end();
        };
        if (o_.strategy == "random") {
            for (int attempt = 0; attempt < 1000 && int(out.size()) < o_.samples; attempt++) {
                std::string t;
                for (const Knob &k : knobs_) {
                    const int v = std::uniform_int_distribution<int>(k.min - 1, k.max)(rng);  // min - 1: unset
                    if (v >= k.min) t += (t.empty() ? "" : ",") + k.name + "=" + std::to_string(v);
                }
                if (untried(t)) out.push_back(t);
            }
            return out;
        }
        const json *b_best = best(measured);
        std::vector<std::string> next = neighbours(b_best ? b_best->value("tunables", "") : "");
        std::shuffle(next.begin(), next.end(), rng);
        for (const std::string &t : next)
            if (int(out.size()) < o_.samples && untried(t)) out.push_back(t);
        return out;
    }

    std::string candidate_tunables(int b, int s) const { return batch_candidates(b).at(size_t(s)); }
    int batch_size(int b) const { return hand_search() ? int(batch_candidates(b).size()) : o_.samples; }

    void benchmark(int b, int s) {
        const fs::path dir = sample_dir(batch_dir(b), s);
        const std::string name = o_.pipeline;
        auto fail = [&](const std::string &why, const fs::path &log) {
            std::printf("[batch %d/%d] sample %d/%d: %s, see %s\n", b + 1, o_.batches, s + 1, batch_size(b), why.c_str(),
                        log.c_str());
            write_text(dir / "result.json", json{{"status", why}}.dump() + "\n");
        };
        if (checking() && !hexagon_) {
            const std::string wrong = check(dir);
            if (g_interrupted) return;
            if (!wrong.empty()) return fail("rejected, " + wrong, dir / "check.txt");
        }
        // The benchmark program: Halide's RunGen harness (on Hexagon hexagon/runner.c) around this candidate.
        if (!link_bench(dir)) return fail("linking the benchmark failed", dir / "link.log");
        const auto start = Clock::now();
        const double secs = run_bench(dir);
        if (g_interrupted) return;
        if (secs <= 0)
            return fail("the benchmark failed or printed no \"best case of ...\" line", dir / "bench.txt");
        if (checking() && hexagon_) {
            const std::string wrong = check(dir);
            if (!wrong.empty()) return fail("rejected, " + wrong, dir / "bench.txt");
        }
        json result = {{"status", "ok"}, {"seconds", secs}, {"batch", b}, {"sample", s}, {"benchmark_s", seconds_since(start)}};
        if (hand_search()) {
            const std::string tunables = sample_tunables(dir);
            result["tunables"] = tunables;
            write_text(dir / "result.json", result.dump() + "\n");
            std::printf("[batch %d/%d] sample %d/%d: %s with %s (best so far %s)\n", b + 1, o_.batches, s + 1,
                        batch_size(b), fmt_ms(secs).c_str(), tunables.empty() ? "the hand schedule's own choices" : tunables.c_str(),
                        best_text().c_str());
            return;
        }
        char time_text[32];
        std::snprintf(time_text, sizeof time_text, "%.9g", secs);

        const fs::path sample = dir / sample_file(b, s);
        const int sample_id = b * 1000 + s;
        const int frc = run({(fs::path(GHOSTNET_HALIDE_TOOLS) / "featurization_to_sample").string(),
                             (dir / (name + ".featurization")).string(), time_text, "0", std::to_string(sample_id),
                             sample.string()},
                            {}, dir / "sample.log", 600);
        if (frc != 0) return fail("featurization_to_sample failed", dir / "sample.log");
        write_text(dir / "result.json", result.dump() + "\n");
        std::printf("[batch %d/%d] sample %d/%d: %s (best so far %s)\n", b + 1, o_.batches, s + 1, batch_size(b),
                    fmt_ms(secs).c_str(), best_text().c_str());
        std::fflush(stdout);
    }

    // Every finished sample's result, in batch and sample order.
    std::vector<json> results() const {
        std::vector<json> all;
        for (int b = 0; fs::exists(batch_dir(b)); b++)
            for (int s = 0; fs::exists(sample_dir(batch_dir(b), s)); s++) {
                json r = read_result(sample_dir(batch_dir(b), s));
                if (!r.is_null() && r.value("status", "") == "ok") all.push_back(r);
            }
        return all;
    }

    const json *best(const std::vector<json> &all) const {
        const json *b = nullptr;
        for (const json &r : all)
            if (!b || r["seconds"].get<double>() < (*b)["seconds"].get<double>()) b = &r;
        return b;
    }

    std::string best_text() const {
        const std::vector<json> all = results();
        const json *b = best(all);
        if (!b) return "none";
        char buf[160];
        std::snprintf(buf, sizeof buf, "%s (batch %d sample %d)", fmt_ms((*b)["seconds"]).c_str(),
                      (*b)["batch"].get<int>() + 1, (*b)["sample"].get<int>() + 1);
        std::string text = buf;
        // --search hand: the hand schedule as written is a sample too.
        for (const json &r : all)
            if (hand_search() && r.value("tunables", "x").empty()) {
                std::snprintf(buf, sizeof buf, ", %.3fx the hand schedule's %s", r["seconds"].get<double>() / (*b)["seconds"].get<double>(),
                              fmt_ms(r["seconds"]).c_str());
                text += buf;
                break;
            }
        return text;
    }

    // Retrains the device's cost model on every sample so far (all batches).
    void retrain() {
        std::string list;
        for (int b = 0; fs::exists(batch_dir(b)); b++)
            for (int s = 0; fs::exists(sample_dir(batch_dir(b), s)); s++) {
                const fs::path p = sample_dir(batch_dir(b), s) / sample_file(b, s);
                if (fs::exists(p)) list += p.string() + "\n";
            }
        if (list.empty()) {
            std::printf("no sample was benchmarked: nothing to retrain on\n");
            return;
        }
        write_text(work_ / "samples.txt", list);
        std::printf("retraining the cost model on %zu samples...\n", size_t(std::count(list.begin(), list.end(), '\n')));
        std::fflush(stdout);
        // retrain_cost_model writes a folder unless the name ends in .weights.
        const fs::path retrained = work_ / "retrained.weights";
        std::string cmd = shell_quote((fs::path(GHOSTNET_HALIDE_TOOLS) / "retrain_cost_model").string()) +
                          " --epochs=" + std::to_string(o_.epochs) + " --rates=0.0001 --num_cores=" +
                          std::to_string(o_.jobs) + " --weights_out=" + shell_quote(retrained.string()) +
                          " --best_benchmark=" + shell_quote((work_ / "best.benchmark.txt").string()) +
                          " --best_schedule=" + shell_quote((work_ / "best.schedule.h").string());
        cmd += " --initial_weights=" + shell_quote(weights().string());
        cmd += " < " + shell_quote((work_ / "samples.txt").string());
        const int rc = run({"/bin/sh", "-c", cmd}, {}, work_ / "retrain.log", 0);
        if (rc != 0) throw Failure("retrain_cost_model failed:\n" + tail(work_ / "retrain.log"));
        fs::rename(retrained, weights());
        // retrain_cost_model skips a pipeline with fewer than 8 distinct schedules.
        const std::string log = read_text(work_ / "retrain.log");
        size_t distinct = 0;
        for (size_t p = log.find("Unique sample:"); p != std::string::npos; p = log.find("Unique sample:", p + 1)) distinct++;
        if (distinct < 8)
            std::printf("  the cost model is unchanged: it learns from 8 or more distinct schedules, %zu so far\n", distinct);
    }

    // The winner's schedule, renamed so several devices' schedules live in one program, with
    // the funcs it names (checked against the pipeline before it is applied).
    std::string kept_header(const fs::path &schedule, double seconds, const std::string &target) const {
        const std::string text = read_text(schedule);
        std::string id = "autotuned_" + o_.device + "__" + o_.pipeline;  // CMake's MAKE_C_IDENTIFIER
        for (char &c : id)
            if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
        static const std::regex func_re("Func ([A-Za-z0-9_]+) = pipeline\\.get_func\\(([0-9]+)\\);");
        std::string funcs;
        int num_funcs = 0;
        for (std::sregex_iterator it(text.begin(), text.end(), func_re), end; it != end; ++it, num_funcs++)
            funcs += "    {" + (*it)[2].str() + ", \"" + (*it)[1].str() + "\"},\n";
        const std::string fn = "apply_schedule_" + o_.pipeline + "(";
        const size_t start = text.find("inline void " + fn);
        const size_t stop = text.rfind("#endif");
        if (start == std::string::npos || stop == std::string::npos || stop < start || num_funcs == 0)
            throw Failure(schedule.string() + " is not an Adams2019 schedule for " + o_.pipeline);
        std::string body = text.substr(start, stop - start);
        body.replace(body.find(fn), fn.size(), "apply_" + id + "(");
        const std::string guard = "GHOSTNET_" + id + "_H";
        std::ostringstream h;
        h << "// Kept by ghostnet-autotune: the fastest of its Adams2019 schedules for " << o_.pipeline << "\n"
          << "// on device '" << o_.device << "' (" << target << "), " << fmt_ms(seconds) << " there.\n"
          << "// " << o_.pipeline << ".json beside this file records the run. Built with -DGHOSTNET_DEVICE="
          << o_.device << "\n// or ghostnet-generate --schedule device:" << o_.device
          << ". Machine generated: tune again rather than edit.\n"
          << "#ifndef " << guard << "\n#define " << guard << "\n\n#include \"autotuned_schedule.h\"\n\n"
          << "namespace ghostnet {\nnamespace schedules {\nnamespace autotuned {\n\n"
          << body << "\n"
          << "inline const AutotunedFunc " << id << "_funcs[] = {\n" << funcs << "};\n\n"
          << "inline const AutotunedSchedule " << id << " = {\"" << o_.device << "\", \"" << o_.pipeline << "\", \""
          << target << "\", \"" << o_.device << "/" << o_.pipeline << ".schedule.h\", " << id << "_funcs, "
          << num_funcs << ", apply_" << id << "};\n\n"
          << "}  // namespace autotuned\n}  // namespace schedules\n}  // namespace ghostnet\n\n#endif  // " << guard
          << "\n";
        return h.str();
    }

    // --compare: the pipeline with every schedule there is for it (hand, Halide's three
    // autoschedulers as they ship, and the kept autotuned one), each compiled by
    // ghostnet-generate and benchmarked by the same RunGen harness, in alternation for
    // `compare_rounds` rounds; median and min over the rounds, and the ratio to hand.
    int compare() {
        work_ = o_.work_dir.empty() ? fs::path("autotune") / o_.device / (o_.pipeline + "_compare") : fs::path(o_.work_dir);
        fs::create_directories(work_);
        prepare_benchmark_harness();
        const std::string machine = "HL_MACHINE_PARAMS=" + std::to_string(o_.parallelism) + ",16777216,40";
        struct Variant {
            std::string label, slug, schedule;
            std::vector<std::string> env;
            std::vector<double> times;
            bool ok = false;
            std::string logits = "not checked";
        };
        // The hand variant is named hand_schedule: it is also the check's reference.
        std::vector<Variant> vs = {{"hand (schedules/)", "hand", "hand", {}},
                                   {"Adams2019 as shipped (beam " + std::to_string(o_.beam) + ")", "adams2019_beam" + std::to_string(o_.beam),
                                    "Adams2019", {machine, "HL_BEAM_SIZE=" + std::to_string(o_.beam)}},
                                   {"Mullapudi2016", "mullapudi2016", "Mullapudi2016", {machine}},
                                   {"Li2018", "li2018", "Li2018", {machine}}};
        if (fs::exists(kept_header_) || fs::exists(kept_tunables_))
            vs.push_back({"autotuned for " + o_.device, "autotuned", "device:" + o_.device, {}});
        else
            std::printf("no schedule is kept for %s on '%s' (%s): comparing the others\n", o_.pipeline.c_str(),
                        o_.device.c_str(), kept_header_.c_str());
        // --compare-only: the hand schedule (the reference of the ratios) and the ones named.
        if (!o_.compare_only.empty()) {
            std::vector<Variant> chosen = {vs[0]};
            for (size_t i = 1; i < vs.size(); i++) {
                const std::string name = vs[i].schedule.rfind("device:", 0) == 0 ? "autotuned" : vs[i].schedule;
                if (std::find(o_.compare_only.begin(), o_.compare_only.end(), name) != o_.compare_only.end())
                    chosen.push_back(vs[i]);
            }
            vs = chosen;
        }

        // Compile (up to --jobs at once); a folder with a bench program is reused.
        struct Running {
            size_t v;
            Child c;
        };
        std::vector<Running> running;
        size_t next = 0;
        auto bench_of = [&](const Variant &v) { return work_ / v.slug / "bench"; };
        while ((next < vs.size() || !running.empty()) && !g_interrupted) {
            while (next < vs.size() && int(running.size()) < o_.jobs) {
                const Variant &v = vs[next];
                const fs::path dir = work_ / v.slug;
                if (fs::exists(bench_of(v))) {
                    std::printf("%s: compiled earlier (%s)\n", v.label.c_str(), dir.c_str());
                    vs[next++].ok = true;
                    continue;
                }
                fs::remove_all(dir);
                fs::create_directories(dir);
                std::vector<std::string> cmd = {o_.generate, "--target", o_.target, "--schedule", v.schedule,
                                                "--also", "registration", "-o", dir.string()};
                if (v.slug == "hand") cmd.insert(cmd.end(), {"--name", "hand_schedule"});
                const std::vector<std::string> net = network_flags();
                cmd.insert(cmd.end(), net.begin(), net.end());
                std::printf("%s: compiling...\n", v.label.c_str());
                running.push_back({next++, spawn(cmd, v.env, dir / "compile.log", o_.compile_timeout)});
            }
            for (size_t i = 0; i < running.size();) {
                const int rc = poll(running[i].c);
                if (rc < 0) {
                    i++;
                    continue;
                }
                Variant &v = vs[running[i].v];
                const fs::path dir = work_ / v.slug;
                const double secs = seconds_since(running[i].c.start);
                running.erase(running.begin() + i);
                if (rc == 0) v.ok = link_bench(dir);
                std::printf("%s: %s after %.0f s%s\n", v.label.c_str(), v.ok ? "compiled" : "failed", secs,
                            v.ok ? "" : (", see " + (dir / "compile.log").string()).c_str());
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        if (g_interrupted) return 130;
        if (checking())
            for (Variant &v : vs) {
                if (!v.ok || v.slug == "hand") continue;
                const std::string wrong = check(work_ / v.slug);
                v.logits = wrong.empty() ? "agree" : wrong.rfind("check: wrong", 0) == 0 ? "WRONG" : "check failed";
                std::printf("%s: %s\n", v.label.c_str(), wrong.empty() ? "logits agree with the hand schedule's" : wrong.c_str());
            }
        vs[0].logits = "(reference)";

        // Benchmark in alternation, so a change in the machine's load touches every schedule alike.
        for (int r = 0; r < o_.compare_rounds && !g_interrupted; r++) {
            for (Variant &v : vs) {
                if (!v.ok) continue;
                const double t = run_bench(work_ / v.slug);
                if (t > 0) v.times.push_back(t);
            }
            std::printf("round %d/%d done\n", r + 1, o_.compare_rounds);
        }
        const double hand = summarize(vs[0].times).median;
        std::printf("\n%s on %s (%s), RunGen best case per run, %d rounds:\n\n", o_.pipeline.c_str(), o_.device.c_str(),
                    o_.target.c_str(), o_.compare_rounds);
        std::printf("| schedule | median | min | hand / this | logits vs hand |\n|---|---|---|---|---|\n");
        for (const Variant &v : vs) {
            if (v.times.empty()) {
                std::printf("| %s | failed | | | |\n", v.label.c_str());
                continue;
            }
            const Timing t = summarize(v.times);
            std::printf("| %s | %s | %s | %.2fx | %s |\n", v.label.c_str(), fmt_ms(t.median).c_str(),
                        fmt_ms(t.min).c_str(), hand > 0 ? hand / t.median : 0.0,
                        v.logits.c_str());
        }
        return 0;
    }

    // What ghostnet-generate left in `dir`, as its manifest names it.
    struct Emitted {
        fs::path library, runtime, registration;
        std::string name;  // the pipeline's function
    };
    static Emitted emitted(const fs::path &dir) {
        for (const auto &f : fs::directory_iterator(dir)) {
            const std::string n = f.path().filename().string();
            if (n.size() < 14 || n.compare(n.size() - 14, 14, ".manifest.json") != 0) continue;
            const json m = json::parse(read_text(f.path()));
            const std::string name = m["name"];
            return {dir / m["library"].get<std::string>(), dir / m["runtime"].get<std::string>(),
                    dir / (name + ".registration.cpp"), name};
        }
        throw Failure(dir.string() + " holds no ghostnet-generate manifest");
    }

    // Links RunGen around the library ghostnet-generate left in `dir`; false (and a message) on failure.
    bool link_bench(const fs::path &dir) const {
        const Emitted e = emitted(dir);
        if (hexagon_) {
            std::vector<std::string> cc = hexagon_cflags();
            cc.insert(cc.end(), {"-DPIPELINE_ARGV=" + e.name + "_argv", "-c",
                                 std::string(GHOSTNET_SOURCE_DIR) + "/hexagon/runner.c", "-o", (dir / "runner.o").string()});
            const std::vector<std::string> link = {lld_, "-static", "-e", "_start", (dir / "runner.o").string(),
                                                   (work_ / "hexagon_libc.o").string(), e.library.string(),
                                                   e.runtime.string(), "-o", (dir / "bench").string()};
            if (run(cc, {}, dir / "link.log", 600) == 0 && run(link, {}, dir / "link.log", 600) == 0) return true;
            std::printf("linking the Hexagon benchmark in %s failed, see %s\n", dir.c_str(), (dir / "link.log").c_str());
            return false;
        }
        std::vector<std::string> link = {o_.cxx, "-std=c++17", "-O2", "-I", GHOSTNET_HALIDE_INCLUDE,
                                         (work_ / "RunGenMain.o").string(), e.registration.string(), e.library.string(),
                                         e.runtime.string(), "-o", (dir / "bench").string(), "-ldl", "-lpthread"};
        add_cxx_flags(&link);
        if (run(link, {}, dir / "link.log", 600) == 0) return true;
        std::printf("linking the benchmark in %s failed, see %s\n", dir.c_str(), (dir / "link.log").c_str());
        return false;
    }

    // Runs `dir`/bench through the runner; RunGen's best-case seconds per run, or 0 on failure.
    // On Hexagon: hexagon/runner.c's best of `runs`, and its output in `dir`/out.bin.
    double run_bench(const fs::path &dir, int runs = kHexagonRuns) const {
        std::string cmd = o_.runner;
        auto replace = [&](const std::string &key, const std::string &value) {
            for (size_t p; (p = cmd.find(key)) != std::string::npos;) cmd.replace(p, key.size(), value);
        };
        replace("{bench}", shell_quote((dir / "bench").string()));
        replace("{args}", hexagon_ ? shell_quote((work_ / "job.bin").string()) + " " +
                                         shell_quote((dir / "out.bin").string()) + " " + std::to_string(runs)
                                   : std::string("--estimate_all --benchmarks=all"));
        replace("{dir}", shell_quote(dir.string()));
        const int rc = run({"/bin/sh", "-c", cmd}, {}, dir / "bench.txt", o_.bench_timeout);
        if (rc != 0) return 0;
        // RunGen: "Benchmark for <name> produces best case of <seconds> sec/iter (over ...)".
        const std::string out = read_text(dir / "bench.txt");
        std::smatch m;
        static const std::regex ns_re("best case of ([0-9]+) ns/iter");
        if (hexagon_) return std::regex_search(out, m, ns_re) ? std::stod(m[1]) * 1e-9 : 0.0;
        static const std::regex time_re("best case of ([0-9.eE+-]+) sec/iter");
        if (!std::regex_search(out, m, time_re)) return 0;
        return std::stod(m[1]);
    }

    // The never-worse rule: before a winner is kept it runs against the hand schedule, in
    // alternation (the order swapped every round), for --confirm-rounds rounds through the
    // same harness; it is kept only when its median is at least --min-speedup times faster
    // and the gain is more than twice the run-to-run noise (the larger median absolute
    // deviation of the two). Otherwise the device keeps the hand schedule.
    struct Confirmation {
        bool keep = true;
        int rounds = 0;
        double hand_s = 0, winner_s = 0, noise_s = 0;
        std::string verdict;
        json to_json(bool winner_is_hand) const {
            if (winner_is_hand) return {{"kept", "hand"}, {"verdict", "the hand schedule's own choices were fastest"}};
            if (rounds == 0) return {{"kept", "winner"}, {"verdict", verdict}};
            return {{"kept", keep ? "winner" : "hand"}, {"rounds", rounds}, {"hand_ms", hand_s * 1e3},
                    {"winner_ms", winner_s * 1e3}, {"noise_ms", noise_s * 1e3},
                    {"speedup", winner_s > 0 ? hand_s / winner_s : 0.0}, {"verdict", verdict}};
        }
    };

    // The hand schedule's benchmark: the first --search hand candidate, else compiled here.
    fs::path hand_bench_dir() {
        if (hand_search()) {
            const fs::path first = sample_dir(batch_dir(0), 0);
            const json r = read_result(first);
            if (r.is_object() && r.value("status", "") == "ok" && sample_tunables(first).empty()) return first;
        }
        const fs::path dir = work_ / "hand";
        if (fs::exists(dir / "bench")) return dir;
        fs::remove_all(dir);
        fs::create_directories(dir);
        std::vector<std::string> cmd = {o_.generate, "--target", o_.target, "--schedule", "hand", "-o", dir.string()};
        if (!hexagon_) cmd.insert(cmd.end(), {"--also", "registration"});
        const std::vector<std::string> net = network_flags();
        cmd.insert(cmd.end(), net.begin(), net.end());
        std::printf("compiling the hand schedule to confirm the winner against...\n");
        if (run(cmd, {}, dir / "compile.log", o_.compile_timeout) != 0)
            throw Failure("compiling the hand schedule failed: nothing kept (see " + (dir / "compile.log").string() + ")");
        if (!link_bench(dir)) throw Failure("linking the hand schedule's benchmark failed: nothing kept");
        return dir;
    }

    Confirmation confirm(const fs::path &winner) {
        const fs::path hand = hand_bench_dir();
        Confirmation c;
        std::vector<double> th, tw;
        std::printf("confirming the winner against the hand schedule, %d rounds in alternation...\n", o_.confirm_rounds);
        for (int r = 0; r < o_.confirm_rounds && !g_interrupted; r++) {
            const bool hand_first = r % 2 == 0;
            const double a = run_bench(hand_first ? hand : winner);
            const double b = run_bench(hand_first ? winner : hand);
            const double h = hand_first ? a : b, w = hand_first ? b : a;
            if (h <= 0 || w <= 0) throw Failure("a confirmation benchmark failed: nothing kept (see " +
                                                (winner / "bench.txt").string() + ", " + (hand / "bench.txt").string() + ")");
            th.push_back(h);
            tw.push_back(w);
            std::printf("  round %d/%d: hand %s, winner %s\n", r + 1, o_.confirm_rounds, fmt_ms(h).c_str(), fmt_ms(w).c_str());
        }
        if (g_interrupted) return c;
        auto mad = [](const std::vector<double> &t, double median) {
            std::vector<double> d;
            for (double v : t) d.push_back(std::fabs(v - median));
            return summarize(d).median;
        };
        c.rounds = int(th.size());
        c.hand_s = summarize(th).median;
        c.winner_s = summarize(tw).median;
        c.noise_s = std::max(mad(th, c.hand_s), mad(tw, c.winner_s));
        const double speedup = c.winner_s > 0 ? c.hand_s / c.winner_s : 0.0;
        char buf[256];
        std::snprintf(buf, sizeof buf, "median hand %s, winner %s: %.3fx, noise %s (median absolute deviation)",
                      fmt_ms(c.hand_s).c_str(), fmt_ms(c.winner_s).c_str(), speedup, fmt_ms(c.noise_s).c_str());
        const bool beyond_noise = c.hand_s - c.winner_s > 2 * c.noise_s;
        c.keep = beyond_noise && speedup >= o_.min_speedup;
        c.verdict = std::string(buf) + (c.keep ? ": kept"
                                        : !beyond_noise ? ": not faster beyond twice the noise, the hand schedule is kept"
                                                        : ": under --min-speedup, the hand schedule is kept");
        std::printf("%s\n", c.verdict.c_str());
        return c;
    }

    int keep_best() {
        const std::vector<json> all = results();
        const json *b = best(all);
        if (!b) throw Failure("no sample compiled and ran: nothing to keep (see the logs in " + work_.string() + ")");
        const fs::path dir = sample_dir(batch_dir((*b)["batch"]), (*b)["sample"]);
        const double secs = (*b)["seconds"];
        // The target as Halide spelled it out for the winner ("host" resolved to its features).
        std::string target = o_.target;
        try {
            target = json::parse(read_text(dir / (o_.pipeline + ".manifest.json")))["targets"][0];
        } catch (const std::exception &) {
        }
        const std::string header =
            hand_search() ? std::string() : kept_header(dir / (o_.pipeline + ".schedule.h"), secs, target);
        const std::string best_tunables = hand_search() ? (*b).value("tunables", "") : "";
        const bool winner_is_hand = hand_search() && best_tunables.empty();
        Confirmation confirmed;
        if (!winner_is_hand && o_.confirm) confirmed = confirm(dir);
        if (!winner_is_hand && !o_.confirm) confirmed.verdict = "not confirmed against the hand schedule (--no-confirm)";
        if (g_interrupted) {
            std::printf("interrupted while confirming the winner: nothing kept; run the same command to resume\n");
            return 130;
        }

        json times = json::array();
        for (const json &r : all) {
            json t = {{"batch", r["batch"]}, {"sample", r["sample"]}, {"ms", r["seconds"].get<double>() * 1e3}};
            if (hand_search()) t["tunables"] = r.value("tunables", "");
            times.push_back(t);
        }
        const std::time_t now = std::time(nullptr);
        char date[32];
        std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));
        json record = run_choices();
        record["target_requested"] = o_.target;
        record["target"] = target;
        record["date"] = date;
        record["halide"] = GHOSTNET_HALIDE_VERSION;
        record["autoscheduler"] = hand_search() ? "none: the hand schedule's tunables, " + o_.strategy + " search" : "Adams2019";
        record["batches"] = o_.batches;
        record["samples_measured"] = all.size();
        record["best"] = {{"ms", secs * 1e3}, {"batch", (*b)["batch"]}, {"sample", (*b)["sample"]}};
        record["measure"] = hexagon_ ? "hexagon/runner.c, best of " + std::to_string(kHexagonRuns) + " runs" +
                                           (local_ ? " under qemu-hexagon (emulator time, not DSP time)" : "")
                                     : "RunGen --estimate_all --benchmarks=all: best case sec/iter";
        record["times"] = times;
        if (hand_search()) record["best"]["tunables"] = best_tunables;
        record["confirmation"] = confirmed.to_json(winner_is_hand);
        const fs::path kept = kept_header_.parent_path();
        fs::create_directories(kept);
        // A pipeline keeps one kind of schedule for a device: this run's replaces the other kind.
        for (const fs::path &p : {kept_header_, kept_weights_, kept_tunables_}) fs::remove(p);
        if (hand_search() || !confirmed.keep) {
            // Tunables, or the hand schedule itself (no tunables line) when the winner did not
            // beat it in the confirmation: the device then builds the hand schedule.
            const std::string tunables = confirmed.keep ? best_tunables : "";
            const std::string what =
                hand_search() ? "the fastest of " + std::to_string(all.size()) + " choices of the hand schedule's tunables"
                              : "the hand schedule: the best of " + std::to_string(all.size()) +
                                    " Adams2019 schedules did not beat it";
            write_text(kept_tunables_, "# ghostnet-autotune --search " + o_.search + ": " + what + " for " + o_.pipeline +
                                           " on '" + o_.device + "' (" + o_.pipeline +
                                           ".json has every time and the confirmation).\n# The line below holds the kept tunables; "
                                           "without one the device builds the hand schedule's own choices.\n" +
                                           tunables + "\n");
            write_text(kept_json_, record.dump(2) + "\n");
            std::printf("kept %s:\n  %s\n  %s\n",
                        tunables.empty() ? "the hand schedule's own choices" : tunables.c_str(), kept_tunables_.c_str(),
                        kept_json_.c_str());
            std::printf("build with it: cmake -DGHOSTNET_DEVICE=%s (reconfigure), or ghostnet-generate --schedule device:%s\n",
                        o_.device.c_str(), o_.device.c_str());
            return 0;
        }
        write_text(kept_header_, header);
        write_text(kept_json_, record.dump(2) + "\n");
        if (fs::exists(weights())) fs::copy_file(weights(), kept_weights_, fs::copy_options::overwrite_existing);
        std::printf("kept the best of %zu samples, %s:\n  %s\n  %s\n  %s\n", all.size(), fmt_ms(secs).c_str(),
                    kept_header_.c_str(), kept_json_.c_str(), kept_weights_.c_str());
        std::printf("build with it: cmake -DGHOSTNET_DEVICE=%s (reconfigure), or ghostnet-generate --schedule device:%s\n",
                    o_.device.c_str(), o_.device.c_str());
        return 0;
    }
};

}  // namespace

int main(int argc, char **argv) {
    Options o;
    CLI::App app(
        "Tunes a network's schedule for one device with Halide's Adams2019 autoscheduler: compiles\n"
        "candidate schedules in batches, benchmarks each on the device, retrains the device's cost\n"
        "model, and keeps the fastest in schedules/autotuned/<device>/<pipeline>.{schedule.h,json,weights}.\n"
        "With --search hand it searches the hand schedule's tunables instead (any target the hand\n"
        "schedules serve, Hexagon included; q8 too) and keeps <pipeline>.{tunables,json}.\n"
        "Run the same command again to resume an interrupted run (its work folder keeps every sample).\n"
        "Examples:\n"
        "  ghostnet-autotune --pipeline ghostnet_w050_s32_c1_k10_small --device epyc --batches 2 --samples 8\n"
        "  ghostnet-autotune --pipeline ghostnet_w100_s224 --device rpi4 --target arm-64-linux \\\n"
        "      --cxx aarch64-linux-gnu-g++ --cxx-flags -static --parallelism 4 \\\n"
        "      --runner \"scp {bench} pi:/tmp/bench && ssh pi /tmp/bench {args}\"\n"
        "  ghostnet-autotune --pipeline ghostnet_w050_s32_c1_k10_small_q8 --device hvx --search hand \\\n"
        "      --target hexagon-32-noos-hvx_128   # under qemu-hexagon: emulator time",
        "ghostnet-autotune");
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
    app.add_option("--time-budget", o.time_budget_min,
                   "minutes: start no batch after this long (0: no limit); the best so far is then confirmed and kept")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
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
    CLI11_PARSE(app, argc, argv);

    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress lines as they happen, also into a log
    struct sigaction sa = {};
    sa.sa_handler = on_interrupt;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    try {
        return Tuner(o).main();
    } catch (const std::exception &e) {
        std::fprintf(stderr, "ghostnet-autotune: %s\n", e.what());
        return 1;
    }
}
