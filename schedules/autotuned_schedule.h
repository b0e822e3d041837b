// Schedules ghostnet-autotune found for one device and kept in
//   schedules/autotuned/<device>/<pipeline>.schedule.h  (Adams2019's schedule, renamed)
//   schedules/autotuned/<device>/<pipeline>.json        (target, date, samples, measured times)
//   schedules/autotuned/<device>/<pipeline>.weights     (the device's retrained cost model)
// or, from ghostnet-autotune --search hand, the hand schedule's tunables (tunables.h):
//   schedules/autotuned/<device>/<pipeline>.tunables    ("conv_vectors=2,conv_pixels=4")
//   schedules/autotuned/<device>/<pipeline>.json
// CMake compiles every kept header into the generators (cmake/GhostNetAutotuned.cmake writes
// the list autotuned_schedules() returns); a network generator with device=<name> applies
// its pipeline's kept schedule instead of the hand schedule.
//
// An Adams2019 schedule names funcs by their index in the pipeline, so it is only valid for
// the algorithm it was tuned on. The header records the funcs it names; applying it first
// checks them against the pipeline, so a schedule that no longer applies is an error that
// says so instead of a schedule put on the wrong funcs.
#pragma once

#include "Halide.h"

#include <string>
#include <vector>

namespace ghostnet {
namespace schedules {

// A func a kept schedule names: its index in Pipeline::get_func order and the C++ name
// Adams2019 gave it (the func's name with every character but letters and digits as '_').
struct AutotunedFunc {
    int index;
    const char *name;
};

struct AutotunedSchedule {
    const char *device;    // schedules/autotuned/<device>/
    const char *pipeline;  // network_name() of the network it was tuned for
    const char *target;    // the Halide target it was tuned and measured on
    const char *file;      // the kept header, relative to schedules/autotuned/
    const AutotunedFunc *funcs;
    int num_funcs;
    void (*apply)(Halide::Pipeline, Halide::Target);
};

// Hand-schedule tunables kept for a device: they follow the algorithm (they name no func), so
// they do not rot as an Adams2019 schedule does.
struct KeptTunables {
    const char *device;
    const char *pipeline;
    const char *text;  // the whole kept file, read by kept_tunables_line (tunables.h)
    const char *file;  // relative to schedules/autotuned/
};

// The record ghostnet-autotune kept beside a schedule or tunables (<pipeline>.json): what they
// were tuned on.
struct KeptRecord {
    const char *device;
    const char *pipeline;
    const char *target;  // the Halide target tuned and measured on
    const char *cpu;     // the CPU (CpuIdentity::to_json, runtime/cpu_identity.h); "" when not recorded
    const char *file;    // relative to schedules/autotuned/
};

// Every kept schedule compiled into this build (any device).
const std::vector<const AutotunedSchedule *> &autotuned_schedules();

// The kept schedule of `pipeline` for `device`, or nullptr.
const AutotunedSchedule *find_autotuned_schedule(const std::string &device, const std::string &pipeline);

// Every kept set of tunables compiled into this build, and the one of `pipeline` for `device`.
const std::vector<KeptTunables> &kept_tunables();
const KeptTunables *find_kept_tunables(const std::string &device, const std::string &pipeline);

// Every kept record compiled into this build, and the one of `pipeline` for `device`.
const std::vector<KeptRecord> &kept_records();
const KeptRecord *find_kept_record(const std::string &device, const std::string &pipeline);

// What the generators print before they build `pipeline` for target `t` with what `device`
// keeps, when it was tuned on another CPU than the one it is used on: "" when the record's CPU
// is this machine's as a schedule sees it (cpu_differences), and when nothing can be compared
// (a Hexagon target; a cross build for a board of the record's architecture). Else one line
// naming both CPUs and what differs, or saying the record holds no CPU.
std::string kept_cpu_warning(const std::string &device, const std::string &pipeline, const Halide::Target &t);

// "device/pipeline, ..." of everything kept (schedules and tunables), for messages.
std::string kept_for_messages();

// Applies `device`'s kept schedule for the pipeline named `pipeline` to `p`. Errors (Halide
// user errors) name the kept file and what to do when there is none for this pipeline or
// when the pipeline's funcs are no longer the ones it was tuned for.
void apply_autotuned_schedule(const std::string &device, const std::string &pipeline,
                              const Halide::Pipeline &p, const Halide::Target &t);

// "blocks.0.0.ghost1$2" -> "blocks_0_0_ghost1_2": how Adams2019 names a func in C++.
std::string adams2019_func_name(const std::string &func_name);

}  // namespace schedules
}  // namespace ghostnet
