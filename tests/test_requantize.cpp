// Halide's requantization (generators/tensor.h: requantize, and the Q15 form; the requantize_op
// cases of tests/op_cases.txt) byte for byte against q8::requantize / q8::requantize16 over
// their edge cases: accumulators and multipliers at the ends of their ranges, every shift.
#include <catch2/catch.hpp>

#include "op_cases.h"
#include "requantize_check.h"

using namespace ghostnet;
using namespace ghostnet::test;

TEST_CASE("Halide's requantize and requantize16 equal q8::requantize(16) on the edge cases", "[q8][requantize]") {
    using Fn = int (*)(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *, halide_buffer_t *);
    for (const OpCase *c : op_cases("requantize_op")) {
        CAPTURE(c->name);
        const Fn fn = c->pipeline<Fn>();
        check_requantize([fn](Halide::Runtime::Buffer<int32_t> &a, Halide::Runtime::Buffer<int32_t> &m,
                              Halide::Runtime::Buffer<int32_t> &s, Halide::Runtime::Buffer<int32_t> &out) {
            return fn(a, m, s, out);
        }, c->flag("q15"));
    }
}
