// The thread pool the pipelines' parallel loops run on (installed as Halide's do_par_for).
//
// Halide's own pool hands a loop's iterations to whichever thread asks next, so row r of one
// stage and row r of the next are often made on different cores, and nearly every stage's
// output crosses between the cores: about a hundred times a GhostNet run. On a machine whose
// two cores are far apart (cloud VMs, big.LITTLE phones) that traffic, not the arithmetic,
// decides the two-thread latency. This pool cuts every loop the same way: with n threads,
// thread t always runs iterations [min + extent*t/n, min + extent*(t+1)/n). The stages of a
// network are parallel over rows (or over output-channel parts), so each thread keeps making
// the same band of rows from stage to stage, and only a band's halo rows cross.
//
// Workers spin for about a millisecond after each loop (stages follow each other within
// microseconds), then sleep until the next. The thread that starts a loop runs share 0, then
// any share no worker has taken yet (a worker asleep, or without a core on a busy machine),
// so a loop never waits for a thread that is not running. A loop started inside a loop's
// iteration, or from a second application thread while another loop runs, runs on the
// calling thread alone: results are the same, only not parallel. At most 32 threads. Every
// share runs in the float control word of the thread that started the loop (rounding, denormal
// flushing: float_env.h), so the workers compute exactly as the caller would.
//
// GHOSTNET_THREAD_POOL=halide in the environment keeps Halide's own pool instead (to compare;
// its workers keep the control word they were started with).
#pragma once

namespace ghostnet {

// Installs the pool as Halide's do_par_for, once per process (later calls do nothing).
// Model's constructors call it. Returns false when GHOSTNET_THREAD_POOL=halide kept Halide's.
bool install_thread_pool();

// Threads a parallel loop is cut into (the calling thread included; at most 32); 0: one per
// core, or HL_NUM_THREADS when set. Call it before running pipelines, not while they run.
void set_thread_pool_threads(int n);
int thread_pool_threads();

}  // namespace ghostnet
