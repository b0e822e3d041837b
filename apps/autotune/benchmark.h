// ghostnet-autotune's benchmark backends: how a candidate (the library ghostnet-generate left in
// a sample folder) becomes a program, and how that program is timed through the runner
// template ("{bench} {args}" on this machine, or a command that runs it on a device).
//   Runtime: apps/autotune_bench.cpp around the library: the network run as the apps run it
//            (this project's runtime and thread pool, Model::run on random weights); the
//            median of `runs` runs with `threads` threads. For targets whose programs link
//            this build's runtime libraries (this machine's). With `group`, a layer group
//            (layer_groups.h) in apps/autotune_group_bench.cpp the same way.
//   RunGen:  Halide's RunGenMain.cpp around the library, inputs from the pipeline's estimates;
//            its best case per run.
//   Hexagon: hexagon/runner.c around the library, on a job file of random q8 weights and input
//            (apps/autotune_hexagon_job.cpp), its output in the folder's out.bin. On a device's
//            runner its best of kRuns runs; under qemu-hexagon with the counting plugin
//            (hexagon/hvx_work.c) the packets one run executes, deterministic, reported as the
//            time of a DSP issuing one packet per ns (emulator time says nothing of a DSP).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace ghostnet {
namespace autotune {

namespace fs = std::filesystem;

// What ghostnet-generate left in a folder, as its manifest names it.
struct Emitted {
    fs::path library, runtime, registration;
    std::string name;  // the pipeline's function
};
Emitted emitted(const fs::path &dir);  // throws Failure when there is no manifest

struct BenchmarkSetup {
    fs::path work;              // pieces made once per work folder go here
    std::string runner;         // the template: {bench}, {args}, {dir}
    double timeout = 600;       // seconds a benchmark may take
    std::string cxx, cxx_flags; // RunGen: the (cross) compiler for the program
    std::string source_dir, halide_include, rungen_main;
    // Hexagon: the tools, the pipeline and the libraries the job writer links.
    std::string clang, lld, pipeline;
    std::string hexagon_cflags;  // space-separated (CMake's GHOSTNET_HEXAGON_CFLAGS)
    std::vector<std::string> host_libs;
    // Hexagon under qemu-hexagon: the counting plugin's path, the runner template then
    // carrying `-plugin <it>,out={dir}/counts.tsv`; empty: the emulator's time.
    std::string packet_counter;
    // Runtime: the network (its precision) and how it is timed.
    bool q8 = false;
    int group = 0;  // Runtime: the layer group of this width (layer_groups.h) instead of the network
    int runs = 50, threads = 0;  // threads 0: one per core
};

class Benchmark {
public:
    virtual ~Benchmark() = default;
    // ghostnet-generate flags a candidate needs for this backend (RunGen's registration).
    virtual std::vector<std::string> generate_flags() const = 0;
    // What every candidate's program is built from, made once per work folder.
    virtual void prepare() = 0;
    // Builds `dir`/bench; false (and a message) on failure, the log in `dir`/link.log.
    virtual bool link(const fs::path &dir) const = 0;
    // Runs `dir`/bench through the runner: seconds per run, or 0 on failure (`dir`/bench.txt).
    virtual double run(const fs::path &dir) const = 0;
    // How it measures, for the record.
    virtual std::string measure() const = 0;
    // The CPU `dir`'s benchmark last ran on, as runtime/cpu_identity.h writes it (to_json), for
    // the record; "" when this backend cannot tell (RunGen, Hexagon).
    virtual std::string cpu(const fs::path &dir) const { return ""; }
};

std::unique_ptr<Benchmark> runtime_benchmark(BenchmarkSetup setup);
std::unique_ptr<Benchmark> rungen_benchmark(BenchmarkSetup setup);
std::unique_ptr<Benchmark> hexagon_benchmark(BenchmarkSetup setup);

}  // namespace autotune
}  // namespace ghostnet
