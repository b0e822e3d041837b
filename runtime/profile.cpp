#include "profile.h"

#include <HalideRuntime.h>

#include <algorithm>

namespace ghostnet {

namespace {
// A Func's name without the "$<n>" Halide appends to a repeated name.
std::string stage_name(const char *name) {
    std::string n = name ? name : "";
    const size_t dollar = n.rfind('$');
    if (dollar != std::string::npos && dollar + 1 < n.size() &&
        n.find_first_not_of("0123456789", dollar + 1) == std::string::npos)
        n.erase(dollar);
    return n;
}
}  // namespace

void reset_profiles() { halide_profiler_reset(); }

PipelineProfile take_profile(const std::string &pipeline) {
    PipelineProfile out;
    out.pipeline = pipeline;
    halide_profiler_state *s = halide_profiler_get_state();
    halide_mutex_lock(&s->lock);
    for (auto *p = s->pipelines; p; p = static_cast<halide_profiler_pipeline_stats *>(p->next)) {
        if (pipeline != p->name || p->runs == 0) continue;
        out.runs = p->runs;
        out.samples = p->samples;
        out.ms_per_run = double(p->time) / 1e6 / p->runs;
        for (int i = 0; i < p->num_funcs; i++) {
            const halide_profiler_func_stats &f = p->funcs[i];
            if (f.time == 0) continue;
            StageTime st;
            st.name = stage_name(f.name);
            st.ms = double(f.time) / 1e6 / p->runs;
            st.percent = p->time ? 100.0 * double(f.time) / double(p->time) : 0.0;
            st.threads = f.active_threads_denominator
                             ? double(f.active_threads_numerator) / double(f.active_threads_denominator)
                             : 0.0;
            // One line per Func of the algorithm: Halide names further Funcs of the same name
            // <name>$1, <name>$2 (Halide 21), which are parts of the same stage here.
            auto same = std::find_if(out.stages.begin(), out.stages.end(),
                                     [&](const StageTime &o) { return o.name == st.name; });
            if (same == out.stages.end()) {
                out.stages.push_back(st);
                continue;
            }
            const double total = same->ms + st.ms;
            same->threads = total > 0 ? (same->threads * same->ms + st.threads * st.ms) / total : 0.0;
            same->ms = total;
            same->percent += st.percent;
        }
    }
    halide_mutex_unlock(&s->lock);
    std::sort(out.stages.begin(), out.stages.end(),
              [](const StageTime &a, const StageTime &b) { return a.ms > b.ms || (a.ms == b.ms && a.name < b.name); });
    halide_profiler_reset();
    return out;
}

}  // namespace ghostnet
