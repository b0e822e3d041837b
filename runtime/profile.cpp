#include "profile.h"

#include <HalideRuntime.h>

#include <algorithm>

namespace ghostnet {

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
            st.name = f.name;
            st.ms = double(f.time) / 1e6 / p->runs;
            st.percent = p->time ? 100.0 * double(f.time) / double(p->time) : 0.0;
            st.threads = f.active_threads_denominator
                             ? double(f.active_threads_numerator) / double(f.active_threads_denominator)
                             : 0.0;
            out.stages.push_back(st);
        }
    }
    halide_mutex_unlock(&s->lock);
    std::sort(out.stages.begin(), out.stages.end(),
              [](const StageTime &a, const StageTime &b) { return a.ms > b.ms || (a.ms == b.ms && a.name < b.name); });
    halide_profiler_reset();
    return out;
}

}  // namespace ghostnet
