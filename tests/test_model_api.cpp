// The Model API as an application passing its own pipelines uses it (Model::load(path,
// config, fn)), on the bundled model's libraries (found in the registry: they are named by the
// network, which the model's model.json says):
//  - one loaded Model used from several threads at once gives exactly the serial results
//    (runtime/model.h: a loaded Model is immutable; run() and classify() may be called
//    concurrently); scripts/test_sanitizers.sh also runs it built with ThreadSanitizer;
//  - a model file of the wrong precision, and a pipeline that fails (here: over the memory
//    limit), are Errors that say so, never an abort.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <thread>

#include "image.h"
#include "model.h"
#include "model_description.h"
#include "pipeline_registry.h"

using namespace ghostnet;

namespace {

PipelineFn fp32_pipeline(const ModelDescription &d) { return require_pipeline(make_ghostnet_spec(d.config)).fn; }
PipelineQ8Fn q8_pipeline(const ModelDescription &d) {
    return require_pipeline(make_ghostnet_spec(d.config), Precision::Q8).q8_fn;
}

std::vector<std::vector<float>> sample_inputs(const ModelDescription &d) {
    std::vector<std::string> files;
    for (const auto &e : std::filesystem::directory_iterator(d.dir + "/samples"))
        if (e.path().extension() == ".png") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    std::vector<std::vector<float>> inputs;
    for (const std::string &f : files) inputs.push_back(preprocess(load_image(f, d.config.in_channels), d.preprocess));
    return inputs;
}

void check_concurrent_equals_serial(const Model &model, const std::vector<std::vector<float>> &inputs) {
    std::vector<std::vector<float>> serial;
    for (const auto &x : inputs) serial.push_back(model.run(x.data(), x.size()));

    constexpr int kThreads = 4, kRounds = 3;
    std::vector<int> mismatches(kThreads, 0), errors(kThreads, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; t++) {
        threads.emplace_back([&, t] {
            for (int r = 0; r < kRounds; r++)
                for (size_t k = 0; k < inputs.size(); k++) {
                    const size_t i = (k + size_t(t) * 7 + size_t(r)) % inputs.size();  // each thread its own order
                    try {
                        if (model.run(inputs[i].data(), inputs[i].size()) != serial[i]) mismatches[t]++;
                    } catch (const std::exception &) {
                        errors[t]++;
                    }
                }
        });
    }
    for (std::thread &th : threads) th.join();
    for (int t = 0; t < kThreads; t++) {
        CAPTURE(t);
        CHECK(errors[t] == 0);
        CHECK(mismatches[t] == 0);
    }
}

}  // namespace

TEST_CASE("one Model used from several threads at once equals serial use", "[threads]") {
    const ModelDescription d = read_model_description(GHOSTNET_MODEL_DIR);
    const std::vector<std::vector<float>> inputs = sample_inputs(d);
    REQUIRE(inputs.size() >= 10);
    SECTION("fp32") {
        check_concurrent_equals_serial(Model::load(d.weights_path, d.config, fp32_pipeline(d)), inputs);
    }
    SECTION("q8") {
        check_concurrent_equals_serial(Model::load(d.q8_weights(), d.config, q8_pipeline(d)), inputs);
    }
}

TEST_CASE("a model file of the other precision is refused by name", "[threads][errors]") {
    const ModelDescription d = read_model_description(GHOSTNET_MODEL_DIR);
    try {
        Model::load(d.q8_weights(), d.config, fp32_pipeline(d));
        FAIL("a q8 model file loaded into an fp32 pipeline");
    } catch (const Error &e) {
        CHECK_THAT(e.what(), Catch::Contains("weights_q8.safetensors is a q8 model file"));
    }
    try {
        Model::load(d.weights_path, d.config, q8_pipeline(d));
        FAIL("a float checkpoint loaded into a q8 pipeline");
    } catch (const Error &e) {
        CHECK_THAT(e.what(), Catch::Contains("weights.safetensors is a float checkpoint"));
    }
}

TEST_CASE("a pipeline over the memory limit fails with an Error, and runs again without it", "[errors]") {
    const ModelDescription d = read_model_description(GHOSTNET_MODEL_DIR);
    const Model model = Model::load(d.weights_path, d.config, fp32_pipeline(d));
    const std::vector<float> x(model.input_count(), 0.5f);
    const std::vector<float> expected = model.run(x.data(), x.size());
    set_memory_limit(4096);
    try {
        model.run(x.data(), x.size());
        set_memory_limit(0);
        FAIL("the run needed no more than 4 KiB");
    } catch (const Error &e) {
        set_memory_limit(0);
        CHECK_THAT(e.what(), Catch::Contains("pipeline for") && Catch::Contains("failed") &&
                                 Catch::Contains("memory"));
    }
    CHECK(model.run(x.data(), x.size()) == expected);
}

TEST_CASE("a pipeline given buffers of the wrong shape fails with Halide's message in an Error",
          "[errors]") {
    // The bundled model's weights do not depend on the input size, so they load for 64x64
    // inputs; the pipeline, compiled for 32x32, refuses the buffer and says why.
    const ModelDescription d = read_model_description(GHOSTNET_MODEL_DIR);
    NetworkConfig wrong = d.config;
    wrong.input_size = 64;
    const Model model = Model::load(d.weights_path, wrong, fp32_pipeline(d));
    const std::vector<float> x(model.input_count(), 0.5f);
    try {
        model.run(x.data(), x.size());
        FAIL("a 64x64 input ran through a pipeline compiled for 32x32");
    } catch (const Error &e) {
        CHECK_THAT(e.what(), Catch::Contains("failed (Halide error") && Catch::Contains("input"));
    }
}
