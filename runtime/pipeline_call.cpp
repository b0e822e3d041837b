#include "pipeline_call.h"

#include <HalideBuffer.h>

#include "cpu_features.h"
#include "error.h"
#include "float_env.h"
#include "halide_allocator.h"
#include "halide_errors.h"
#include "thread_pool.h"

namespace ghostnet {

void install_pipeline_hooks() {
    install_halide_error_capture();
    install_halide_allocator();
    install_cpu_feature_check();
    install_thread_pool();
}

void check_input_count(size_t count, int channels, int size, const std::string &what) {
    const size_t want = size_t(channels) * size * size;
    if (count != want)
        throw Error("input tensor has " + std::to_string(count) + " values; " + what + " expects " +
                    std::to_string(want) + " (1x" + std::to_string(channels) + "x" + std::to_string(size) + "x" +
                    std::to_string(size) + ")");
}

void check_pipeline_result(int rc, const std::string &what) {
    if (rc != 0)
        throw Error(what + " failed (Halide error " + std::to_string(rc) + "): " + last_halide_error());
}

std::vector<float> run_fp32_pipeline(PipelineFn fn, const float *chw, size_t count, int channels, int size,
                                     const std::vector<float> &packed, int classes, const std::string &what) {
    check_input_count(count, channels, size, what);
    std::vector<float> logits(classes);
    // The pipeline only reads its inputs; Halide buffers are non-const by type alone.
    Halide::Runtime::Buffer<float> in(const_cast<float *>(chw), size, size, channels);
    Halide::Runtime::Buffer<float> w(const_cast<float *>(packed.data()), int(packed.size()));
    Halide::Runtime::Buffer<float> out(logits.data(), int(logits.size()));
    clear_halide_error();
    const DenormalsFlushed flushed;
    check_pipeline_result(fn(in.raw_buffer(), w.raw_buffer(), out.raw_buffer()), "fp32 pipeline for " + what);
    return logits;
}

}  // namespace ghostnet
