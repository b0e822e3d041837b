#include "autotuned_schedule.h"

#include <cctype>
#include <map>

#include "cpu_identity.h"

namespace ghostnet {
namespace schedules {

const AutotunedSchedule *find_autotuned_schedule(const std::string &device, const std::string &pipeline) {
    for (const AutotunedSchedule *s : autotuned_schedules())
        if (device == s->device && pipeline == s->pipeline) return s;
    return nullptr;
}

const KeptTunables *find_kept_tunables(const std::string &device, const std::string &pipeline) {
    for (const KeptTunables &k : kept_tunables())
        if (device == k.device && pipeline == k.pipeline) return &k;
    return nullptr;
}

const KeptRecord *find_kept_record(const std::string &device, const std::string &pipeline) {
    for (const KeptRecord &r : kept_records())
        if (device == r.device && pipeline == r.pipeline) return &r;
    return nullptr;
}

std::string kept_cpu_warning(const std::string &device, const std::string &pipeline, const Halide::Target &t) {
    const bool x86 = t.arch == Halide::Target::X86 && t.bits == 64, arm = t.arch == Halide::Target::ARM && t.bits == 64;
    if (!x86 && !arm) return "";  // Hexagon: tuned on the emulator's packet counts, no CPU
    const std::string target_arch = x86 ? "x86-64" : "arm-64";
    const CpuIdentity here = this_cpu();
    const KeptRecord *r = find_kept_record(device, pipeline);
    const std::string retune = " Tune for this CPU with ghostnet-autotune --pipeline " + pipeline + " --device <a name for it>.";
    if (!r || !*r->cpu) {
        const std::string what = r ? "schedules/autotuned/" + std::string(r->file) + " does not say which CPU"
                                   : "no record (schedules/autotuned/" + device + "/" + pipeline + ".json) says which CPU";
        return "warning: " + pipeline + " on '" + device + "': " + what + " it was tuned on (records kept before " +
               "2026-12-06 do not), so it may not suit this one, " + here.describe() + "." + retune;
    }
    CpuIdentity kept;
    try {
        kept = CpuIdentity::from_json(r->cpu);
    } catch (const std::invalid_argument &e) {
        return "warning: schedules/autotuned/" + std::string(r->file) + ": " + e.what();
    }
    if (kept.arch != target_arch)
        return "warning: " + pipeline + " on '" + device + "' was tuned on " + kept.describe() + ", and is used for an " +
               target_arch + " target (" + t.to_string() + ")." + retune;
    if (here.arch != target_arch) return "";  // a cross build for a board: its CPU is not this one
    const std::string diff = cpu_differences(kept, here);
    if (diff.empty()) return "";
    return "warning: " + pipeline + " on '" + device + "' was tuned on " + kept.describe() + "; this machine is " +
           here.describe() + " (" + diff + "). Its choices may be slower here than the hand schedule." + retune;
}

std::string kept_for_messages() {
    std::string list;
    for (const AutotunedSchedule *s : autotuned_schedules())
        list += (list.empty() ? "" : ", ") + std::string(s->device) + "/" + s->pipeline;
    for (const KeptTunables &k : kept_tunables())
        list += (list.empty() ? "" : ", ") + std::string(k.device) + "/" + k.pipeline + " (tunables)";
    return list.empty() ? "none" : list;
}

std::string adams2019_func_name(const std::string &func_name) {
    std::string n = func_name;
    for (char &c : n)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return n;
}

namespace {

// "a, b" for an error message: the kept schedules of a device, or the devices kept at all.
std::string kept_list(const std::string &device) {
    std::string list;
    auto add = [&](const char *d, const char *pipeline) {
        const std::string item = device.empty() ? d : pipeline;
        if (!device.empty() && device != d) return;
        if (list.find(item) != std::string::npos) return;
        list += (list.empty() ? "" : ", ") + item;
    };
    for (const AutotunedSchedule *s : autotuned_schedules()) add(s->device, s->pipeline);
    for (const KeptTunables &k : kept_tunables()) add(k.device, k.pipeline);
    return list.empty() ? "none" : list;
}

}  // namespace

void apply_autotuned_schedule(const std::string &device, const std::string &pipeline,
                              const Halide::Pipeline &p, const Halide::Target &t) {
    const AutotunedSchedule *s = find_autotuned_schedule(device, pipeline);
    _halide_user_assert(s) << "no autotuned schedule is kept for pipeline " << pipeline << " on device '"
                           << device << "' (schedules/autotuned/" << device << "/" << pipeline
                           << ".schedule.h). Kept for this device: " << kept_list(device)
                           << "; devices with kept schedules: " << kept_list("")
                           << ". Tune one with ghostnet-autotune --pipeline " << pipeline << " --device "
                           << device << ", or use the hand schedule.";
    // The topological order get_func indexes, once (get_func recomputes it on every call).
    std::vector<Halide::Func> order;
    {
        std::map<std::string, Halide::Internal::Function> env;
        for (const Halide::Func &f : p.outputs()) {
            const auto more = Halide::Internal::find_transitive_calls(f.function());
            env.insert(more.begin(), more.end());
            env.emplace(f.name(), f.function());
        }
        std::vector<Halide::Internal::Function> outputs;
        for (const Halide::Func &f : p.outputs()) outputs.push_back(f.function());
        for (const std::string &n : Halide::Internal::topological_order(outputs, env))
            order.emplace_back(env.at(n));
    }
    for (int i = 0; i < s->num_funcs; i++) {
        const AutotunedFunc &f = s->funcs[i];
        const bool present = f.index >= 0 && f.index < int(order.size());
        _halide_user_assert(present && adams2019_func_name(order[f.index].name()) == f.name)
            << "the autotuned schedule schedules/autotuned/" << s->file << " no longer applies to "
            << pipeline << ": it schedules func " << f.index << " as '" << f.name << "', but the pipeline's func "
            << f.index << " is "
            << (present ? "'" + order[f.index].name() + "'"
                        : "missing (the pipeline has " + std::to_string(order.size()) + " funcs)")
            << ". The algorithm changed since it was tuned; tune again with ghostnet-autotune --pipeline "
            << pipeline << " --device " << device << " (or delete the kept files).";
    }
    s->apply(p, t);
}

}  // namespace schedules
}  // namespace ghostnet
