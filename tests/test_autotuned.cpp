// Kept autotuned schedules (schedules/autotuned/<device>/, ghostnet-autotune): every library
// built with one gives the reference forward pass's logits (q8: the integer reference's,
// byte for byte). An Adams2019 schedule is tied to
// the algorithm it was tuned on; the generator refuses one that no longer applies (the build
// fails with the reason), and this test catches one that applies but computes wrongly.
//
// The libraries come from autotuned_libraries.h, which the build writes: for the schedules
// kept in the source tree, or (test_autotune.cmake) for one ghostnet-autotune just made.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "autotuned_libraries.h"
#include "model.h"
#include "q8_network.h"
#include "reference/q8.h"
#include "testutil.h"

using namespace ghostnet;
using namespace ghostnet::test;

namespace {

// A q8 library against the integer reference: every int32 logit identical.
void check_q8(const NetworkSpec &spec, const TensorMap &ckpt, PipelineQ8Fn fn) {
    namespace ref = reference::q8ref;
    const int c = spec.config.in_channels, n = spec.config.input_size;
    std::mt19937 rng(61);
    const std::vector<float> image = random_normal(size_t(c) * n * n, rng, 1.0f);
    const q8::QuantizedNetwork net = calibrate(spec, ckpt, {image, random_normal(image.size(), rng, 1.0f)}, 99.9);
    const Model model(spec, q8::pack_network(spec, net), fn);
    ref::Q8Tensor x(c, n, n);
    q8::quantize(image.data(), image.size(), net.acts.at("input"), x.d.data());
    const std::vector<int32_t> want = ref::ghostnet(x, spec, net);
    const std::vector<int32_t> got = model.run_q8(x.d.data(), x.d.size());
    REQUIRE(got.size() == want.size());
    size_t differ = 0;
    for (size_t i = 0; i < got.size(); i++) differ += got[i] != want[i];
    INFO(differ << " of " << got.size() << " q8 logits differ from the integer reference");
    CHECK(differ == 0);
    const auto mm = std::minmax_element(want.begin(), want.end());
    CHECK(*mm.second - *mm.first > 100);  // logits all alike would make the comparison hollow
}

}  // namespace

TEST_CASE("every autotuned library matches the reference forward pass", "[autotuned]") {
    REQUIRE(std::size(kAutotunedLibraries) > 0);
    for (const AutotunedLibrary &lib : kAutotunedLibraries) {
        INFO("schedules/autotuned/" << lib.device << "/" << lib.pipeline << ".schedule.h");
        NetworkConfig cfg;
        bool q8 = false;
        REQUIRE(parse_network_name(lib.pipeline, &cfg, &q8));
        REQUIRE(q8 == (lib.q8_fn != nullptr));
        const NetworkSpec spec = make_ghostnet_spec(cfg);
        const TensorMap ckpt = random_checkpoint(spec.tensors(), 53);
        if (q8) {
            check_q8(spec, ckpt, lib.q8_fn);
            continue;
        }
        const Model model(spec, pack_network(spec, ckpt, "random"), lib.fn);
        std::mt19937 rng(59);
        const Tensor3 input = random_tensor(cfg.in_channels, cfg.input_size, cfg.input_size, rng);
        const std::vector<float> want = reference::ghostnet(input, spec, ckpt);
        const std::vector<float> got = model.run(input.d.data(), input.d.size());

        const double want_rms = rms(want);
        INFO("reference logits rms " << want_rms);
        REQUIRE(want_rms > 0.1);  // logits of a size where 1e-3 is a real test
        REQUIRE(want_rms < 100);
        const Diff d = compare(got, want);
        INFO(d.str());
        CHECK(d.max_abs <= 1e-3);
    }
}
