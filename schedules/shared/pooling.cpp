// The hand schedules of global average pooling and max pooling (generators/pooling.h): the
// same on every target unless a family overrides them (op_schedules.h).
#include "op_schedules.h"

namespace ghostnet {
namespace schedules {

using Halide::Func;
using Halide::TailStrategy;

// Each row summed on its own first, rows in parallel, then the row sums (a vector per row)
// added on one thread. The pooled map's rows were made by all the threads, and one thread
// summing the whole map read the other cores' rows out of their caches: with 2 threads the
// squeeze-excite pools took several times their 1-thread time (docs/performance.md, "The
// thread pool"). The pool (runtime/thread_pool.h) gives each thread the same rows here as when
// the map was made, so each sums rows in its own cache. Serial where the map's rows are
// (tunable threads) and on HVX (TargetInfo::pool_rows_in_parallel).
void OpSchedules::global_avg_pool(ops::GlobalAvgPool &p) const {
    const ops::Vars &v = ops::vars();
    p.sum.compute_root().vectorize(v.c, t_.vector_floats, TailStrategy::RoundUp);
    if (!t_.pool_rows_in_parallel || !t_.parallel_rows(ops::known_extent(p.r.x.extent()))) {
        p.sum.update().reorder(v.c, p.r.x, p.r.y).vectorize(v.c, t_.vector_floats, TailStrategy::RoundUp);
        return;
    }
    Func rows = p.sum.update().rfactor(p.r.y, v.y);
    p.sum.update().vectorize(v.c, t_.vector_floats, TailStrategy::RoundUp);
    rows.compute_root().vectorize(v.c, t_.vector_floats, TailStrategy::RoundUp).parallel(v.y);
    rows.update()
        .reorder(v.c, p.r.x, v.y)
        .vectorize(v.c, t_.vector_floats, TailStrategy::RoundUp)
        .parallel(v.y);
}

// Channels in the vector, rows in parallel: a stage as cheap as a copy.
void OpSchedules::max_pool(ops::MaxPool &p, int channels_hint) const {
    const ops::Vars &v = ops::vars();
    const int lanes = t_.lanes_for(channels_hint > 0 ? channels_hint : 64);
    p.out.compute_root()
        .vectorize(v.c, lanes, TailStrategy::GuardWithIf)
        .parallel(v.y);
}

}  // namespace schedules
}  // namespace ghostnet
