#include "benchmark.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <regex>
#include <sstream>

#include "process.h"
#include "work_counts.h"

namespace ghostnet {
namespace autotune {

Emitted emitted(const fs::path &dir) {
    for (const auto &f : fs::directory_iterator(dir)) {
        const std::string n = f.path().filename().string();
        if (n.size() < 14 || n.compare(n.size() - 14, 14, ".manifest.json") != 0) continue;
        const nlohmann::json m = nlohmann::json::parse(read_text(f.path()));
        const std::string name = m["name"];
        return {dir / m["library"].get<std::string>(), dir / m["runtime"].get<std::string>(),
                dir / (name + ".registration.cpp"), name};
    }
    throw Failure(dir.string() + " holds no ghostnet-generate manifest");
}

namespace {

// `flags` split at white space, appended to `cmd`.
void add_flags(const std::string &flags, std::vector<std::string> *cmd) {
    std::istringstream ss(flags);
    for (std::string f; ss >> f;) cmd->push_back(f);
}

// The runner template with its fields filled in; its output in `dir`/bench.txt, or "" when it
// failed (and *ok, when given, says whether it succeeded: an untimed run prints nothing).
std::string run_template(const BenchmarkSetup &s, const fs::path &dir, const std::string &args, bool *ok = nullptr) {
    std::string cmd = s.runner;
    auto replace = [&](const std::string &key, const std::string &value) {
        for (size_t p; (p = cmd.find(key)) != std::string::npos;) cmd.replace(p, key.size(), value);
    };
    replace("{bench}", shell_quote((dir / "bench").string()));
    replace("{args}", args);
    replace("{dir}", shell_quote(dir.string()));
    const bool succeeded = ghostnet::autotune::run({"/bin/sh", "-c", cmd}, {}, dir / "bench.txt", s.timeout) == 0;
    if (ok) *ok = succeeded;
    return succeeded ? read_text(dir / "bench.txt") : "";
}

class Runtime : public Benchmark {
public:
    explicit Runtime(BenchmarkSetup s) : s_(std::move(s)) {}

    std::vector<std::string> generate_flags() const override { return {}; }

    // apps/autotune_bench.cpp (a layer group: autotune_group_bench.cpp) for this work folder's
    // network, compiled once.
    void prepare() override {
        const fs::path obj = s_.work / "autotune_bench.o";
        if (fs::exists(obj)) return;
        const std::string source = s_.group ? "apps/autotune_group_bench.cpp" : "apps/autotune_bench.cpp";
        std::printf("compiling the runtime benchmark (%s) once...\n", source.c_str());
        std::fflush(stdout);
        std::vector<std::string> cmd = {s_.cxx, "-std=c++17", "-O2", "-I", s_.halide_include,
                                        "-I", s_.source_dir + "/runtime", "-I", s_.source_dir + "/apps",
                                        s_.q8 ? "-DGHOSTNET_Q8" : "-DGHOSTNET_FP32",
                                        "-DGHOSTNET_PIPELINE=\"" + s_.pipeline + "\"",
                                        "-DGHOSTNET_GROUP=" + std::to_string(s_.group),
                                        "-c", s_.source_dir + "/" + source, "-o", obj.string() + ".part"};
        add_flags(s_.cxx_flags, &cmd);
        const fs::path log = s_.work / "autotune_bench.log";
        if (ghostnet::autotune::run(cmd, {}, log, 600) != 0)
            throw Failure("compiling " + source + " failed:\n" + tail(log));
        fs::rename(obj.string() + ".part", obj);
    }

    bool link(const fs::path &dir) const override {
        const Emitted e = emitted(dir);
        std::vector<std::string> cmd = {s_.cxx, (s_.work / "autotune_bench.o").string(),
                                        "-Wl,--defsym=ghostnet_candidate=" + e.name, e.library.string(),
                                        e.runtime.string()};
        cmd.insert(cmd.end(), s_.host_libs.begin(), s_.host_libs.end());
        cmd.insert(cmd.end(), {"-o", (dir / "bench").string()});
        add_flags(s_.cxx_flags, &cmd);
        if (ghostnet::autotune::run(cmd, {}, dir / "link.log", 600) == 0) return true;
        std::printf("linking the benchmark in %s failed, see %s\n", dir.c_str(), (dir / "link.log").c_str());
        return false;
    }

    double run(const fs::path &dir) const override {
        const std::string out = run_template(s_, dir, std::to_string(s_.runs) + " " + std::to_string(s_.threads));
        static const std::regex time_re("runtime benchmark: median ([0-9.eE+-]+) ns/run");
        std::smatch m;
        return std::regex_search(out, m, time_re) ? std::stod(m[1]) * 1e-9 : 0.0;
    }

    std::string cpu(const fs::path &dir) const override {
        static const std::regex cpu_re("(^|\n)cpu: (\\{[^\n]*\\})");
        const std::string out = fs::exists(dir / "bench.txt") ? read_text(dir / "bench.txt") : "";
        std::smatch m;
        return std::regex_search(out, m, cpu_re) ? m[2].str() : "";
    }

    std::string measure() const override {
        return "apps/autotune_bench.cpp (this project's runtime, Model::run on random weights): median of " +
               std::to_string(s_.runs) + " runs, " +
               (s_.threads ? std::to_string(s_.threads) + " threads" : std::string("one thread per core"));
    }

private:
    BenchmarkSetup s_;
};

class RunGen : public Benchmark {
public:
    explicit RunGen(BenchmarkSetup s) : s_(std::move(s)) {}

    std::vector<std::string> generate_flags() const override { return {"--also", "registration"}; }

    void prepare() override {
        const fs::path obj = s_.work / "RunGenMain.o";
        if (fs::exists(obj)) return;
        std::printf("compiling Halide's benchmark harness (RunGenMain.cpp) once...\n");
        std::fflush(stdout);
        std::vector<std::string> cmd = {s_.cxx, "-std=c++17", "-O2", "-DHALIDE_NO_PNG", "-DHALIDE_NO_JPEG",
                                        "-I", s_.halide_include,
                                        "-I", fs::path(s_.rungen_main).parent_path().string(),
                                        "-c", s_.rungen_main, "-o", obj.string() + ".part"};
        add_cxx_flags(&cmd);
        const fs::path log = s_.work / "RunGenMain.log";
        if (ghostnet::autotune::run(cmd, {}, log, 0) != 0)
            throw Failure("compiling " + s_.rungen_main + " failed:\n" + tail(log));
        fs::rename(obj.string() + ".part", obj);
    }

    bool link(const fs::path &dir) const override {
        const Emitted e = emitted(dir);
        std::vector<std::string> cmd = {s_.cxx, "-std=c++17", "-O2", "-I", s_.halide_include,
                                        (s_.work / "RunGenMain.o").string(), e.registration.string(), e.library.string(),
                                        e.runtime.string(), "-o", (dir / "bench").string(), "-ldl", "-lpthread"};
        add_cxx_flags(&cmd);
        if (ghostnet::autotune::run(cmd, {}, dir / "link.log", 600) == 0) return true;
        std::printf("linking the benchmark in %s failed, see %s\n", dir.c_str(), (dir / "link.log").c_str());
        return false;
    }

    double run(const fs::path &dir) const override {
        // "Benchmark for <name> produces best case of <seconds> sec/iter (over ...)".
        const std::string out = run_template(s_, dir, "--estimate_all --benchmarks=all");
        static const std::regex time_re("best case of ([0-9.eE+-]+) sec/iter");
        std::smatch m;
        return std::regex_search(out, m, time_re) ? std::stod(m[1]) : 0.0;
    }

    std::string measure() const override { return "RunGen --estimate_all --benchmarks=all: best case sec/iter"; }

private:
    void add_cxx_flags(std::vector<std::string> *cmd) const { add_flags(s_.cxx_flags, cmd); }
    BenchmarkSetup s_;
};

class Hexagon : public Benchmark {
public:
    static constexpr int kRuns = 10;  // timed runs per benchmark on a device's runner

    explicit Hexagon(BenchmarkSetup s) : s_(std::move(s)) {}

    std::vector<std::string> generate_flags() const override { return {}; }

    // The runner's C library for the DSP, and the job file every candidate runs on.
    void prepare() override {
        const fs::path libc = s_.work / "hexagon_libc.o", job = s_.work / "job.bin";
        if (!fs::exists(libc)) {
            std::vector<std::string> cmd = cflags();
            cmd.insert(cmd.end(), {"-c", s_.source_dir + "/hexagon/libc.c", "-o", libc.string() + ".part"});
            if (ghostnet::autotune::run(cmd, {}, s_.work / "hexagon_libc.log", 600) != 0)
                throw Failure("compiling hexagon/libc.c for the DSP failed:\n" + tail(s_.work / "hexagon_libc.log"));
            fs::rename(libc.string() + ".part", libc);
        }
        if (fs::exists(job)) return;
        std::printf("writing the benchmark's job file (random q8 weights and input)...\n");
        std::vector<std::string> cmd = {s_.cxx, "-std=c++17", "-O1", "-I", s_.halide_include,
                                        "-I", s_.source_dir + "/runtime", "-I", s_.source_dir + "/hexagon",
                                        "-DGHOSTNET_PIPELINE=\"" + s_.pipeline + "\"",
                                        s_.source_dir + "/apps/autotune_hexagon_job.cpp"};
        cmd.insert(cmd.end(), s_.host_libs.begin(), s_.host_libs.end());
        cmd.insert(cmd.end(), {"-o", (s_.work / "hexagon_job").string()});
        const fs::path log = s_.work / "hexagon_job.log";
        if (ghostnet::autotune::run(cmd, {}, log, 600) != 0) throw Failure("building the job writer failed:\n" + tail(log));
        if (ghostnet::autotune::run({(s_.work / "hexagon_job").string(), job.string() + ".part"}, {}, log, 600) != 0)
            throw Failure("writing the job file failed:\n" + tail(log));
        fs::rename(job.string() + ".part", job);
    }

    bool link(const fs::path &dir) const override {
        const Emitted e = emitted(dir);
        std::vector<std::string> cc = cflags();
        cc.insert(cc.end(), {"-DPIPELINE_ARGV=" + e.name + "_argv", "-c", s_.source_dir + "/hexagon/runner.c", "-o",
                             (dir / "runner.o").string()});
        const std::vector<std::string> ld = {s_.lld, "-static", "-e", "_start", (dir / "runner.o").string(),
                                             (s_.work / "hexagon_libc.o").string(), e.library.string(),
                                             e.runtime.string(), "-o", (dir / "bench").string()};
        if (ghostnet::autotune::run(cc, {}, dir / "link.log", 600) == 0 &&
            ghostnet::autotune::run(ld, {}, dir / "link.log", 600) == 0)
            return true;
        std::printf("linking the Hexagon benchmark in %s failed, see %s\n", dir.c_str(), (dir / "link.log").c_str());
        return false;
    }

    double run(const fs::path &dir) const override {
        const std::string job = shell_quote((s_.work / "job.bin").string()) + " " + shell_quote((dir / "out.bin").string());
        if (!s_.packet_counter.empty()) {
            // One run of the pipeline: the runner running it twice less once (job reading and
            // start-up left out), as ghostnet-hvx-work counts.
            uint64_t packets[2] = {0, 0};
            for (int runs = 1; runs <= 2; runs++) {
                fs::remove(dir / "counts.tsv");
                bool ok = false;
                run_template(s_, dir, job + " " + std::to_string(runs) + " untimed", &ok);
                if (!ok) return 0.0;
                try {
                    packets[runs - 1] = hexagon::read_work_counts((dir / "counts.tsv").string()).at("*").packets;
                } catch (const std::exception &e) {
                    std::printf("%s\n", e.what());
                    return 0.0;
                }
                fs::rename(dir / "counts.tsv", dir / ("counts" + std::to_string(runs) + ".tsv"));
            }
            if (packets[1] <= packets[0]) return 0.0;
            write_text(dir / "bench.txt", "hexagon runner under qemu-hexagon: " + std::to_string(packets[1] - packets[0]) +
                                              " packets per run (counted)\n");
            return double(packets[1] - packets[0]) * 1e-9;
        }
        const std::string out = run_template(s_, dir, job + " " + std::to_string(kRuns));
        static const std::regex ns_re("best case of ([0-9]+) ns/iter");
        std::smatch m;
        return std::regex_search(out, m, ns_re) ? std::stod(m[1]) * 1e-9 : 0.0;
    }

    std::string measure() const override {
        if (!s_.packet_counter.empty())
            return "hexagon/runner.c under qemu-hexagon: executed packets of one run (hexagon/hvx_work.c; "
                   "deterministic), as the time of a DSP issuing one packet per ns";
        return "hexagon/runner.c, best of " + std::to_string(kRuns) + " runs";
    }

private:
    // The DSP's compile command: the flags the tests build their Hexagon runners with
    // (GHOSTNET_HEXAGON_CFLAGS, cmake/GhostNetLibraries.cmake) and the runner's include folders.
    std::vector<std::string> cflags() const {
        std::vector<std::string> cmd = {s_.clang};
        add_flags(s_.hexagon_cflags, &cmd);
        cmd.insert(cmd.end(), {"-I", s_.source_dir + "/hexagon/include", "-I", s_.source_dir + "/hexagon", "-I",
                               s_.halide_include});
        return cmd;
    }
    BenchmarkSetup s_;
};

}  // namespace

std::unique_ptr<Benchmark> runtime_benchmark(BenchmarkSetup setup) { return std::make_unique<Runtime>(std::move(setup)); }
std::unique_ptr<Benchmark> rungen_benchmark(BenchmarkSetup setup) { return std::make_unique<RunGen>(std::move(setup)); }
std::unique_ptr<Benchmark> hexagon_benchmark(BenchmarkSetup setup) { return std::make_unique<Hexagon>(std::move(setup)); }

}  // namespace autotune
}  // namespace ghostnet
