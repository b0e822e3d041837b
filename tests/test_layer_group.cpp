// Layer groups (runtime/layer_group.h; the ghostnet_q8_group generator) against the integer
// reference: a group run on the map the reference makes where the group starts gives, byte for
// byte, the map the reference makes where it ends. The bundled model's q8 network; group 32
// starts at the image (the stem), group 8 is built with register tiles of 3 pixels on its 16- and
// 8-wide maps, which do not divide them: a row's last tile makes pixels past its end and so reads
// past the group's input (ghostnet-autotune's group benchmark allocates what a bounds query asks
// for). Those pixels, and the channels past the map's own, hold junk here: nothing may read them
// into a real output.
#include <catch2/catch.hpp>

#include <HalideBuffer.h>

#include <map>
#include <random>
#include <string>

#include "layer_group.h"
#include "model_description.h"
#include "network_name.h"
#include "op_cases.h"
#include "q8_model_file.h"
#include "q8_pack.h"
#include "reference/q8.h"

using namespace ghostnet;

namespace {

using GroupFn = int (*)(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *, halide_buffer_t *);

// The activation point a group's output is: its last layer's.
std::string group_output_point(const NetworkSpec &spec, const LayerGroup &g) {
    return g.head_conv ? spec.head.act_out : spec.blocks[g.end - 1].act_out;
}

void check_group(GroupFn fn, int width, bool overruns, const std::string &network) {
    const ModelDescription d = read_model_description(GHOSTNET_MODEL_DIR);
    REQUIRE(network == network_name(d.config, /*q8=*/true));  // the bundled model's network
    const NetworkSpec spec = make_ghostnet_spec(d.config);
    const q8::QuantizedNetwork net = q8::read_model(spec, SafetensorsFile::read(d.q8_weights()));
    q8::PackedQ8 packed = q8::pack_network(spec, net);
    const LayerGroup g = layer_group(spec, width);
    CAPTURE(width, g.first, g.end, g.stem, g.head_conv);

    std::mt19937 rng(23);
    std::uniform_int_distribution<int> byte(0, 255);
    q8ref::Q8Tensor image(spec.config.in_channels, spec.config.input_size, spec.config.input_size);
    for (uint8_t &v : image.d) v = uint8_t(byte(rng));
    std::map<std::string, q8ref::Q8Tensor> acts;
    q8ref::ghostnet(image, spec, net, [&](const std::string &point, const q8ref::Q8Tensor &t) { acts[point] = t; });
    const std::string in_point = g.stem ? "input" : spec.blocks[g.first].act_in;
    const std::string out_point = group_output_point(spec, g);
    REQUIRE(acts.count(in_point));
    REQUIRE(acts.count(out_point));
    const q8ref::Q8Tensor &in = acts.at(in_point), &want = acts.at(out_point);
    REQUIRE(in.c == g.in_c);
    REQUIRE(in.w == g.in_w);
    REQUIRE(want.c == g.out_c);
    REQUIRE(want.w == g.out_w);

    Halide::Runtime::Buffer<int8_t, 1> weights(packed.weights.data(), int(packed.weights.size()));
    Halide::Runtime::Buffer<int32_t, 1> params(packed.params.data(), int(packed.params.size()));
    Halide::Runtime::Buffer<uint8_t, 3> out(g.out_c, g.out_w, g.out_h);
    // The input as large as the group reads it (a bounds query), junk everywhere, then the map.
    Halide::Runtime::Buffer<uint8_t, 3> input =
        g.stem ? Halide::Runtime::Buffer<uint8_t, 3>(nullptr, g.in_w, g.in_h, g.in_c)
               : Halide::Runtime::Buffer<uint8_t, 3>(nullptr, g.stored_in_c(), g.in_w, g.in_h);
    REQUIRE(fn(input, weights, params, out) == 0);
    input.allocate();
    input.for_each_value([&](uint8_t &v) { v = uint8_t(byte(rng)); });
    if (!g.stem) CHECK(input.dim(1).extent() >= g.in_w);
    if (overruns) CHECK(input.dim(1).extent() > g.in_w);  // the tiles this group is built with read past the row
    for (int c = 0; c < in.c; c++)
        for (int y = 0; y < in.h; y++)
            for (int x = 0; x < in.w; x++) {
                if (g.stem) input(x, y, c) = in.at(c, y, x);
                else input(c, x, y) = in.at(c, y, x);
            }
    REQUIRE(fn(input, weights, params, out) == 0);
    int mismatches = 0;
    for (int c = 0; c < want.c; c++)
        for (int y = 0; y < want.h; y++)
            for (int x = 0; x < want.w; x++) mismatches += out(c, x, y) != want.at(c, y, x);
    INFO(in_point << " -> " << out_point);
    CHECK(mismatches == 0);
}

}  // namespace

// The cases of tests/op_cases.txt: group 32 (the stem and the 32-wide blocks), and group 8 with
// tunables that give it 3-pixel register tiles, which overrun its 16- and 8-wide rows.
TEST_CASE("a q8 layer group gives the integer reference's bytes, past-the-edge input ignored", "[layer_group][q8]") {
    using test::OpCase;
    for (const OpCase *c : test::op_cases("ghostnet_q8_group")) {
        CAPTURE(c->name);
        check_group(c->pipeline<GroupFn>(), c->integer("group"), /*overruns=*/c->has("tunables"), c->param("network"));
    }
}
