// q8 ops compiled for Hexagon HVX (hexagon-32-noos-hvx_128, the hand schedules of
// schedules/hexagon/) and run under qemu-hexagon, byte for byte against the integer
// reference, on the same random cases as test_q8_ops.
#include <catch2/catch.hpp>

#include "hexagon_job.h"
#include "q8_op_check.h"

using namespace ghostnet;
using namespace ghostnet::test;

namespace {

std::string runner(const std::string &pipeline) {
    return std::string(GHOSTNET_HEXAGON_DIR) + "/" + pipeline + "_runner";
}

RunOp on_hexagon(const std::string &pipeline) {
    return [pipeline](Halide::Runtime::Buffer<uint8_t> &in, Halide::Runtime::Buffer<int8_t> &w,
                      Halide::Runtime::Buffer<int32_t> &p, Halide::Runtime::Buffer<uint8_t> &out) {
        std::string log;
        const int rc = run_on_hexagon(GHOSTNET_QEMU_HEXAGON, runner(pipeline),
                                      {{in.raw_buffer(), false}, {w.raw_buffer(), false}, {p.raw_buffer(), false},
                                       {out.raw_buffer(), true}},
                                      &log);
        INFO("qemu-hexagon: " << log);
        CHECK(rc == 0);
        return rc;
    };
}

}  // namespace

TEST_CASE("q8 conv2d with grouped weights on HVX equals the integer reference", "[hexagon][q8][conv2d]") {
    const OpVariant v{"k1 s1 g16", nullptr, 1, 1, 1, 16};
    const Shape shapes[] = {{16, 24, 15, 15}, {16, 33, 6, 11}, {16, 40, 1, 1}, {16, 128, 7, 9}};
    std::mt19937 rng(7);
    for (const Shape &s : shapes)
        for (bool relu : {false, true}) {
            CAPTURE(s.cin, s.cout, s.h, s.w, relu);
            check_q8_conv(v, ConvKind::Dense, s, relu, rng, on_hexagon("conv2d_q8_k1_s1_g16"));
        }
}

TEST_CASE("requantize on HVX equals q8::requantize on the edge cases", "[hexagon][q8][requantize]") {
    check_requantize([](Halide::Runtime::Buffer<int32_t> &a, Halide::Runtime::Buffer<int32_t> &m,
                        Halide::Runtime::Buffer<int32_t> &s, Halide::Runtime::Buffer<int32_t> &out) {
        std::string log;
        const int rc = run_on_hexagon(GHOSTNET_QEMU_HEXAGON, runner("requantize_op"),
                                      {{a.raw_buffer(), false}, {m.raw_buffer(), false}, {s.raw_buffer(), false},
                                       {out.raw_buffer(), true}},
                                      &log);
        INFO("qemu-hexagon: " << log);
        return rc;
    });
}

TEST_CASE("q8 conv2d and depthwise conv on HVX equal the integer reference", "[hexagon][q8][conv2d]") {
    const Shape shapes[] = {{1, 1, 1, 1}, {3, 16, 9, 7}, {16, 24, 15, 15}, {17, 33, 6, 11}, {40, 20, 7, 7}};
    std::mt19937 rng(9);
    for (const Shape &s : shapes)
        for (bool relu : {false, true}) {
            CAPTURE(s.cin, s.cout, s.h, s.w, relu);
            check_q8_conv({"k3 s2", nullptr, 3, 2, 1}, ConvKind::Dense, s, relu, rng, on_hexagon("conv2d_q8_k3_s2"));
            const Shape dw{s.cin, s.cin, s.h, s.w};
            check_q8_conv({"k3 s1", nullptr, 3, 1, 1}, ConvKind::Depthwise, dw, relu, rng,
                          on_hexagon("depthwise_conv_q8_k3_s1"));
        }
}
