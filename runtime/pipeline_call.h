// How the runtime calls a compiled network pipeline: the one path Model (model.h) and
// PlugAndPlayModel (plug_and_play.h) share, so both check the same things the same way.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "pipeline_registry.h"

namespace ghostnet {

// Before a pipeline first runs: Halide's errors captured (halide_errors.h), its allocator
// (halide_allocator.h), the CPU feature check of dispatching libraries (cpu_features.h) and the
// thread pool (thread_pool.h). Idempotent.
void install_pipeline_hooks();

// Throws Error unless `count` values make one (channels x size x size) input of `what`.
void check_input_count(size_t count, int channels, int size, const std::string &what);

// Throws Error naming `what` and Halide's message when a pipeline returned `rc` != 0.
void check_pipeline_result(int rc, const std::string &what);

// An fp32 pipeline (input, weights, logits) on one (channels x size x size) input, after
// check_input_count: `classes` logits. It runs with denormals flushed (float_env.h).
std::vector<float> run_fp32_pipeline(PipelineFn fn, const float *chw, size_t count, int channels, int size,
                                     const std::vector<float> &packed, int classes, const std::string &what);

}  // namespace ghostnet
