// The C++ API: load a GhostNet checkpoint, run a float image tensor to logits, classify.
//
// Thread safety: a loaded Model is immutable; run() and classify() may be called from
// several threads at once. set_num_threads() changes the process-wide Halide thread pool and
// should be called before running, not while other threads run pipelines.
#pragma once

#include <string>
#include <vector>

#include "ghostnet_arch.h"
#include "pipeline_registry.h"

namespace ghostnet {

struct Prediction {
    int index;
    float probability;
    float logit;
};

class Model {
public:
    // Loads `weights_path` (.safetensors, timm/official names) for `config`, using the
    // pipeline this build compiled for that configuration. Throws Error with the file,
    // tensor or configuration at fault.
    static Model load(const std::string &weights_path, const NetworkConfig &config);

    // For applications that link their own emitted library: any pipeline with the
    // ghostnet generator's signature, compiled for `spec`.
    Model(NetworkSpec spec, std::vector<float> packed_weights, PipelineFn pipeline);

    const NetworkSpec &spec() const { return spec_; }
    size_t input_count() const;  // channels * size * size

    // `chw` holds a normalized batch-1 image in NCHW order (input_count() floats).
    std::vector<float> run(const float *chw, size_t count) const;
    std::vector<Prediction> classify(const float *chw, size_t count, int k) const;

private:
    NetworkSpec spec_;
    std::vector<float> packed_;
    PipelineFn pipeline_;
};

// Softmax over `logits`, then the k most probable, best first.
std::vector<Prediction> top_k(const std::vector<float> &logits, int k);

// Threads Halide's pool uses for parallel loops (0: one per core).
void set_num_threads(int n);

}  // namespace ghostnet
