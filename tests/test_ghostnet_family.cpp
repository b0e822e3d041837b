// GhostNetV2 and V3 against PyTorch: the reference forward pass (tests/reference: V2's DFC
// attention; V3's training-time branches computed one by one, BatchNorm unfolded) reproduces the
// logits tools/make_fixture.py computed with tools/ghostnet_torch.py from timm-named checkpoints
// (tests/fixtures/ghostnetv{2,3}_050_s112_k10: 112x112, so the attention sees 7x7 maps pooled
// to 3x3 and 4x4 maps pooled to 2x2). The Halide pipelines are held to the same reference
// (test_ghost_bottleneck's V2/V3 blocks).
#include <catch2/catch.hpp>

#include "npy.h"
#include "reference/reference.h"
#include "safetensors.h"
#include "testutil.h"
#include "weights.h"

using namespace ghostnet;
using namespace ghostnet::test;

TEST_CASE("the reference forward pass reproduces PyTorch's GhostNetV2 and V3 fixtures", "[family][pytorch]") {
    for (Version v : {Version::V2, Version::V3}) {
        const std::string dir = family_fixture_dir(GHOSTNET_FIXTURES, v);
        CAPTURE(dir);
        const NetworkSpec spec = make_ghostnet_spec(family_fixture_config(v));
        const SafetensorsFile file = SafetensorsFile::read(dir + "/weights.safetensors");
        REQUIRE_NOTHROW(check_tensors(spec, file.tensors(), file.path()));  // timm's names and shapes
        const NpyArray input = read_npy(dir + "/input.npy");
        const NpyArray want = read_npy(dir + "/logits.npy");
        REQUIRE(input.shape == std::vector<int64_t>{1, 3, 112, 112});
        REQUIRE(want.shape == std::vector<int64_t>{1, 10});
        reference::Tensor3 in(3, 112, 112);
        in.d = input.data;
        const std::vector<float> got = reference::ghostnet(in, spec, file.tensors());
        const Diff d = compare(got, want.data);
        INFO(d.str());
        CHECK(d.max_abs <= logit_tolerance(want.data));
        CHECK(top5(got) == top5(want.data));
    }
}
