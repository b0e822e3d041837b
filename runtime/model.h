// The C++ API: load a GhostNet checkpoint, run a float image tensor to logits, classify.
//
// Thread safety: a loaded Model is immutable; run() and classify() may be called from
// several threads at once. set_num_threads() changes the process-wide thread pool
// (runtime/thread_pool.h) and should be called before running, not while other threads run
// pipelines.
#pragma once

#include <string>
#include <vector>

#include "float_env.h"  // set_flush_denormals: fp32 pipelines flush denormals by default
#include "ghostnet_arch.h"
#include "pipeline_registry.h"
#include "q8_pack.h"
#include "safetensors.h"

namespace ghostnet {

struct Prediction {
    int index;
    float probability;
    float logit;
};

class Model {
public:
    // Loads `weights_path` for `config`, using the pipeline this build compiled for that
    // configuration and precision: a float checkpoint (.safetensors, timm/official names) runs
    // in fp32, a q8 model file (ghostnet-quantize) in q8. Throws Error with the file, tensor
    // or configuration at fault.
    static Model load(const std::string &weights_path, const NetworkConfig &config);

    // For applications that link a library they emitted (ghostnet-generate): loads a float
    // checkpoint into an fp32 pipeline of the ghostnet generator compiled for `config`, or a
    // q8 model file into a ghostnet_q8 one. Throws Error naming the file when its precision is
    // not the pipeline's, or when it does not fit `config`.
    static Model load(const std::string &weights_path, const NetworkConfig &config, PipelineFn pipeline);
    static Model load(const std::string &weights_path, const NetworkConfig &config, PipelineQ8Fn pipeline);

    // From weights packed already: any pipeline with the ghostnet generator's signature,
    // compiled for `spec`...
    Model(NetworkSpec spec, std::vector<float> packed_weights, PipelineFn pipeline);
    // ... or the ghostnet_q8 generator's.
    Model(NetworkSpec spec, q8::PackedQ8 packed, PipelineQ8Fn pipeline);

    const NetworkSpec &spec() const { return spec_; }
    Precision precision() const { return q8_pipeline_ ? Precision::Q8 : Precision::F32; }
    size_t input_count() const;  // channels * size * size

    // `chw` holds a normalized batch-1 image in NCHW order (input_count() floats). q8 models
    // quantize it with the model's input scale and dequantize the logits.
    std::vector<float> run(const float *chw, size_t count) const;
    std::vector<Prediction> classify(const float *chw, size_t count, int k) const;

    // q8 only: the integer pipeline itself, a quantized NCHW input to the int32 logits.
    std::vector<int32_t> run_q8(const uint8_t *chw, size_t count) const;
    const q8::PackedQ8 &q8_packed() const { return q8_; }

private:
    // `file` (read from `path`) into whichever of the two pipelines its precision needs; a
    // null one is an error naming the file.
    static Model from_file(const SafetensorsFile &file, const std::string &path, const NetworkSpec &spec,
                           PipelineFn fp32, PipelineQ8Fn q8);


    NetworkSpec spec_;
    std::vector<float> packed_;
    PipelineFn pipeline_ = nullptr;
    q8::PackedQ8 q8_;
    PipelineQ8Fn q8_pipeline_ = nullptr;
};

// Softmax over `logits`, then the k most probable, best first.
std::vector<Prediction> top_k(const std::vector<float> &logits, int k);

// Threads the pipelines' parallel loops use (0: one per core): runtime/thread_pool.h.
void set_num_threads(int n);

// The most memory pipelines may hold at once, in bytes (0: no cap; the environment variable
// GHOSTNET_MEMORY_LIMIT_MB sets it at the first Model). A run that would need more fails
// with an Error saying so, before allocating it.
void set_memory_limit(size_t bytes);

}  // namespace ghostnet
