// Kept autotuned schedules (schedules/autotuned/<device>/, ghostnet-autotune): every library
// built with one gives the reference forward pass's logits. An Adams2019 schedule is tied to
// the algorithm it was tuned on; the generator refuses one that no longer applies (the build
// fails with the reason), and this test catches one that applies but computes wrongly.
//
// The libraries come from autotuned_libraries.h, which the build writes: for the schedules
// kept in the source tree, or (test_autotune.cmake) for one ghostnet-autotune just made.
#include <catch2/catch.hpp>

#include <cmath>

#include "autotuned_libraries.h"
#include "model.h"
#include "testutil.h"

using namespace ghostnet;
using namespace ghostnet::test;

TEST_CASE("every autotuned library matches the reference forward pass", "[autotuned]") {
    REQUIRE(std::size(kAutotunedLibraries) > 0);
    for (const AutotunedLibrary &lib : kAutotunedLibraries) {
        INFO("schedules/autotuned/" << lib.device << "/" << lib.pipeline << ".schedule.h");
        NetworkConfig cfg;
        bool q8 = false;
        REQUIRE(parse_network_name(lib.pipeline, &cfg, &q8));
        REQUIRE_FALSE(q8);
        const NetworkSpec spec = make_ghostnet_spec(cfg);
        const TensorMap ckpt = random_checkpoint(spec.tensors(), 53);
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
