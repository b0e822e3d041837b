// ghostnet-hvx-work: the work q8 networks compiled for HVX execute, counted, not timed. Each
// network runner the build made (build/hexagon/<pipeline>_runner, hexagon/runner.c linked with
// the pipeline) runs under qemu-hexagon with the counting plugin (hexagon/hvx_work.c): executed
// packets (the cycles of a DSP that never stalls), instructions and HVX instructions, per
// function (Halide gives each stage's parallel loop a function of its own). One run of the
// pipeline is the difference between the runner running it twice and once, so job reading and
// start-up are left out. The same build gives the same counts on any machine; QEMU's wall time
// (the runner's own timing) says nothing about a DSP. Not modelled: stalls, memory latency
// (DDR, VTCM, caches), the DSP's hardware threads.
// Inputs: the bundled model (ghostnet_default_model_q8_hvx) runs its q8 weights on its first
// sample image; a named network (ghostnet_w100_s224_q8_hvx) runs ghostnet-autotune's random
// weights and input. The logits are checked against this machine's pipeline for the same network.
#include <HalideBuffer.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "autotune_network.h"
#include "cli_common.h"
#include "job_file.h"
#include "work_counts.h"
#include "pipeline_registry.h"

namespace fs = std::filesystem;
using namespace ghostnet;

namespace {

constexpr const char *kDefaultModelRunner = "ghostnet_default_model_q8_hvx";

using Counts = hexagon::WorkCounts;
using FunctionCounts = hexagon::FunctionWorkCounts;  // "*": the whole program

// A network on the host: its q8 input, weights and, when this build has its pipeline, the model
// that gives the reference logits.
struct Job {
    std::string what;  // for the report
    NetworkConfig config;
    std::vector<uint8_t> input;
    q8::PackedQ8 packed;
    std::vector<int32_t> x86_logits;  // empty: no x86 pipeline for this network in this build
};

Job make_job(const std::string &pipeline) {
    if (pipeline.size() < 5 || pipeline.compare(pipeline.size() - 4, 4, "_hvx") != 0)
        throw Error(pipeline + ": not a network compiled for HVX (their names end in _hvx)");
    const std::string network = pipeline.substr(0, pipeline.size() - 4);
    Job j;
    if (pipeline == kDefaultModelRunner) {
        const ModelDescription d = read_model_description(default_model_dir());
        const Model m = Model::load(d.q8_weights(), d.config);
        const fs::path samples = fs::path(d.dir) / "samples";
        std::vector<fs::path> images;
        for (const auto &e : fs::directory_iterator(samples))
            if (e.path().extension() == ".png" || e.path().extension() == ".jpg") images.push_back(e.path());
        if (images.empty()) throw Error(samples.string() + ": no sample images (.png, .jpg)");
        std::sort(images.begin(), images.end());
        const std::vector<float> x = preprocess(load_image(images[0], d.config.in_channels), d.preprocess);
        j.what = "the bundled model (" + d.name + "), its q8 weights on " + images[0].filename().string();
        j.config = d.config;
        j.packed = m.q8_packed();
        j.input.resize(x.size());
        q8::quantize(x.data(), x.size(), j.packed.input, j.input.data());
        j.x86_logits = m.run_q8(j.input.data(), j.input.size());
        return j;
    }
    autotune::RandomNetwork n = autotune::random_network(network);  // throws for a name that is no network
    if (!n.q8) throw Error(pipeline + ": not a q8 network (HVX runs q8 only)");
    j.what = network + ", random weights and input (ghostnet-autotune's)";
    j.config = n.spec.config;
    j.input = n.input_q8;
    j.packed = n.packed_q8;
    if (const PipelineEntry *e = find_pipeline(j.config, Precision::Q8)) {
        const Model m(n.spec, j.packed, e->q8_fn);
        j.x86_logits = m.run_q8(j.input.data(), j.input.size());
    }
    return j;
}

std::string quote(const std::string &s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

std::string read_text(const fs::path &p) {
    std::ifstream f(p);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

struct Tools {
    fs::path hexagon_dir, qemu, plugin;
};

// Runs the runner `runs` times on the job under the plugin; its counts, and the logits in *out.
FunctionCounts run_counted(const Tools &t, const std::string &pipeline, const fs::path &work, int runs,
                           const Job &job, std::vector<int32_t> *out) {
    const fs::path counts = work / ("counts" + std::to_string(runs) + ".tsv"), log = work / "qemu.log",
                   result = work / "out.bin";
    const std::string cmd = quote(t.qemu.string()) + " -plugin " + quote(t.plugin.string() + ",out=" + counts.string()) +
                            " " + quote((t.hexagon_dir / (pipeline + "_runner")).string()) + " " +
                            quote((work / "job.bin").string()) + " " + quote(result.string()) + " " +
                            std::to_string(runs) + " untimed > " + quote(log.string()) + " 2>&1";
    const int status = std::system(cmd.c_str());
    out->assign(job.config.num_classes, 0);
    Halide::Runtime::Buffer<int32_t> logits(out->data(), int(out->size()));
    const int rc = hexagon::read_job_output(result.string(), {{logits.raw_buffer(), true}});
    if (status != 0 || rc != 0)
        throw Error(pipeline + ": the runner failed under qemu-hexagon (exit status " + std::to_string(status) +
                    ", pipeline " + std::to_string(rc) + "):\n" + read_text(log));
    return hexagon::read_work_counts(counts.string());
}

// A folder in /tmp, removed with everything in it when this goes.
struct TempFolder {
    fs::path path;
    TempFolder() {
        char tmpl[] = "/tmp/ghostnet_hvx_work.XXXXXX";
        if (!mkdtemp(tmpl)) throw Error("cannot make a temporary folder in /tmp");
        path = tmpl;
    }
    ~TempFolder() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

Counts minus(const Counts &a, const Counts &b) { return {a.packets - b.packets, a.instructions - b.instructions, a.hvx - b.hvx}; }

std::string thousands(uint64_t v) {
    std::string s = std::to_string(v);
    for (int i = int(s.size()) - 3; i > 0; i -= 3) s.insert(size_t(i), ",");
    return s;
}

// A function's name in the table: a stage's parallel loop by its loop name ("blocks_0_0_s0_y"),
// the pipeline's own function as "(pipeline body)", others (runtime, libc) as they are.
std::string display_name(const std::string &function, const std::string &pipeline) {
    const std::string loop = pipeline + "_par_for_";
    if (function.compare(0, loop.size(), loop) == 0) return function.substr(loop.size());
    return function == pipeline ? "(pipeline body)" : function;
}

double share(uint64_t part, uint64_t whole) { return whole ? 100.0 * double(part) / double(whole) : 0.0; }

// The saved counts of --save: "pipeline<TAB>function<TAB>packets<TAB>instructions<TAB>hvx".
std::map<std::string, FunctionCounts> read_saved(const std::string &path) {
    std::ifstream f(path);
    if (!f) throw Error(path + ": cannot read the baseline counts (write them with --save)");
    std::map<std::string, FunctionCounts> all;
    std::string line;
    std::getline(f, line);
    if (line != "pipeline\tfunction\tpackets\tinstructions\thvx_instructions")
        throw Error(path + ": not a counts file written by ghostnet-hvx-work --save");
    while (std::getline(f, line)) {
        std::istringstream row(line);
        std::string pipeline, name;
        Counts k;
        if (!std::getline(row, pipeline, '\t') || !std::getline(row, name, '\t') ||
            !(row >> k.packets >> k.instructions >> k.hvx))
            throw Error(path + ": not a counts line: " + line);
        all[pipeline][name] = k;
    }
    return all;
}

}  // namespace

int main(int argc, char **argv) {
    std::vector<std::string> pipelines;
    Tools t{GHOSTNET_HEXAGON_DIR, GHOSTNET_QEMU_HEXAGON, GHOSTNET_HVX_WORK_PLUGIN};
    int functions = 12;
    std::string save, baseline;
    CLI::App app("The work of q8 networks compiled for HVX, counted under qemu-hexagon: executed packets "
                 "(a DSP's cycles when nothing stalls), instructions and the HVX share, for one run of the "
                 "pipeline, in total and per function (a stage's parallel loop is a function). Deterministic: "
                 "compare two schedules by it on any machine (--save, then --baseline). Not modelled: stalls, "
                 "memory latency, the DSP's hardware threads. The logits are checked against this machine's "
                 "pipeline for the same network.",
                 "ghostnet-hvx-work");
    app.add_option("pipelines", pipelines,
                   "network runners in the Hexagon folder (default: every *_q8_hvx_runner there): " +
                       std::string(kDefaultModelRunner) +
                       " (the bundled model on its first sample), ghostnet_w100_s224_q8_hvx (GhostNet 1.0x, "
                       "random weights; built with -DGHOSTNET_HEXAGON_GHOSTNET100=ON)");
    app.add_option("--functions", functions, "functions listed per network, most packets first (0: totals only)")
        ->capture_default_str()->check(CLI::NonNegativeNumber);
    app.add_option("--save", save, "write the counts (TSV) to this file, to be a later --baseline");
    app.add_option("--baseline", baseline, "counts saved by --save: print each total's ratio to them");
    app.add_option("--hexagon-dir", t.hexagon_dir, "where the runners are")->capture_default_str();
    app.add_option("--qemu", t.qemu, "qemu-hexagon")->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    try {
        if (!save.empty() && fs::exists(save))
            throw Error("--save " + save + ": the file exists; give a new name (nothing is overwritten)");
        const auto base = baseline.empty() ? std::map<std::string, FunctionCounts>{} : read_saved(baseline);
        if (pipelines.empty()) {
            if (fs::is_directory(t.hexagon_dir))
                for (const auto &e : fs::directory_iterator(t.hexagon_dir)) {
                    const std::string f = e.path().filename().string(), tail = "_q8_hvx_runner";
                    if (f.size() > tail.size() && f.compare(f.size() - tail.size(), tail.size(), tail) == 0)
                        pipelines.push_back(f.substr(0, f.size() - 7));
                }
            std::sort(pipelines.begin(), pipelines.end());
            if (pipelines.empty())
                throw Error(t.hexagon_dir.string() + ": no network runners (*_q8_hvx_runner); build them with "
                            "`cmake --build build --target ghostnet_hexagon_runners`");
        }
        for (const fs::path &tool : {t.qemu, t.plugin})
            if (!fs::exists(tool)) throw Error(tool.string() + ": not found");
        std::ofstream saved;
        if (!save.empty()) {
            saved.open(save);
            if (!saved) throw Error("--save " + save + ": cannot write");
            saved << "pipeline\tfunction\tpackets\tinstructions\thvx_instructions\n";
        }
        const TempFolder temp;
        const fs::path &work = temp.path;
        int failed = 0;
        for (const std::string &p : pipelines) {
            if (!fs::exists(t.hexagon_dir / (p + "_runner")))
                throw Error(p + ": no runner " + (t.hexagon_dir / (p + "_runner")).string());
            const Job job = make_job(p);
            Halide::Runtime::Buffer<uint8_t> in(const_cast<uint8_t *>(job.input.data()), job.config.input_size,
                                                job.config.input_size, job.config.in_channels);
            Halide::Runtime::Buffer<int8_t> w(const_cast<int8_t *>(job.packed.weights.data()), int(job.packed.weights.size()));
            Halide::Runtime::Buffer<int32_t> prm(const_cast<int32_t *>(job.packed.params.data()), int(job.packed.params.size()));
            Halide::Runtime::Buffer<int32_t> out(job.config.num_classes);
            if (!hexagon::write_job_file((work / "job.bin").string(), {{in.raw_buffer(), false}, {w.raw_buffer(), false},
                                                                       {prm.raw_buffer(), false}, {out.raw_buffer(), true}}))
                throw Error((work / "job.bin").string() + ": cannot write the job file");
            std::fprintf(stderr, "%s: running under qemu-hexagon, once and twice...\n", p.c_str());
            std::vector<int32_t> logits1, logits2;
            const FunctionCounts once = run_counted(t, p, work, 1, job, &logits1);
            const FunctionCounts twice = run_counted(t, p, work, 2, job, &logits2);
            FunctionCounts one;  // one run of the pipeline
            for (const auto &kv : twice) {
                const auto it = once.find(kv.first);
                one[kv.first] = it == once.end() ? kv.second : minus(kv.second, it->second);
            }
            const Counts &total = one["*"];
            std::printf("%s: %s\n", p.c_str(), job.what.c_str());
            std::string check;
            if (logits1 != logits2) {
                check = "DIFFERENT logits from the first and second run";
                failed++;
            } else if (job.x86_logits.empty()) {
                check = "not checked (this build has no x86 pipeline for the network)";
            } else if (logits1 == job.x86_logits) {
                check = "the same as this machine's pipeline";
            } else {
                check = "DIFFERENT from this machine's pipeline";
                failed++;
            }
            std::printf("  logits: %s\n", check.c_str());
            std::printf("  one run: %s packets, %s instructions (%.2f per packet), %s HVX (%.1f%%)\n",
                        thousands(total.packets).c_str(), thousands(total.instructions).c_str(),
                        total.packets ? double(total.instructions) / double(total.packets) : 0.0,
                        thousands(total.hvx).c_str(), share(total.hvx, total.instructions));
            const auto b = base.find(p);
            if (!baseline.empty()) {
                if (b == base.end() || !b->second.count("*"))
                    std::printf("  baseline: %s has no counts for this network\n", baseline.c_str());
                else
                    std::printf("  vs baseline: %.3fx the packets (%s), %.3fx the instructions\n",
                                double(total.packets) / double(b->second.at("*").packets),
                                thousands(b->second.at("*").packets).c_str(),
                                double(total.instructions) / double(b->second.at("*").instructions));
            }
            std::vector<std::pair<std::string, Counts>> rows(one.begin(), one.end());
            std::sort(rows.begin(), rows.end(), [](const auto &x, const auto &y) {
                return x.second.packets != y.second.packets ? x.second.packets > y.second.packets : x.first < y.first;
            });
            if (functions > 0)
                std::printf("  %-48s %13s %7s %13s %6s\n", "parallel loop of a stage, or function", "packets", "share", "instructions", "HVX");
            int listed = 0;
            for (const auto &r : rows) {
                if (r.first == "*" || r.second.packets == 0) continue;
                if (saved.is_open())
                    saved << p << '\t' << r.first << '\t' << r.second.packets << '\t' << r.second.instructions << '\t'
                          << r.second.hvx << '\n';
                if (listed++ >= functions) continue;
                std::printf("  %-48s %13s %6.1f%% %13s %5.1f%%\n", display_name(r.first, p).c_str(), thousands(r.second.packets).c_str(),
                            share(r.second.packets, total.packets), thousands(r.second.instructions).c_str(),
                            share(r.second.hvx, r.second.instructions));
            }
            if (saved.is_open())
                saved << p << "\t*\t" << total.packets << '\t' << total.instructions << '\t' << total.hvx << '\n';
        }
        if (saved.is_open() && !saved.flush()) throw Error("--save " + save + ": cannot write");
        return failed ? 1 : 0;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "ghostnet-hvx-work: %s\n", e.what());
        return 1;
    }
}
