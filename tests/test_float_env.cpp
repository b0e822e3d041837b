// runtime/float_env.h: the calling thread flushes denormals while a DenormalsFlushed lives (when
// flush_denormals() says so), and gets its own control word back after; set_flush_denormals(false)
// keeps gradual underflow. That the thread pool's workers compute in the caller's control word is
// tests/test_thread_pool.cpp's; that the networks still match their references with the flush on
// is every network test's (they run through Model).
#include <catch2/catch.hpp>

#include "float_env.h"
#include "skip.h"
#include "testutil.h"

using namespace ghostnet;
using test::denormal_product;

namespace {

// A denormal read as an operand (through volatiles, so at run time, in this thread's mode): 0
// when inputs are flushed. (denormal_product, testutil.h: 0 when results are.)
volatile float g_denormal = 1e-40f, g_one = 1.0f;
float denormal_operand() { return g_denormal * g_one; }

// Restores the process-wide setting a test changes.
struct Setting {
    bool before = flush_denormals();
    ~Setting() { set_flush_denormals(before); }
};

}  // namespace

TEST_CASE("a DenormalsFlushed flushes the calling thread's denormals and restores its control word",
          "[float_env]") {
    if (!float_control_supported()) GHOSTNET_SKIP("no float control word known for this architecture");
    Setting setting;
    set_flush_denormals(true);
    const uint64_t before = float_control();
    REQUIRE(denormal_product() != 0.0f);  // IEEE gradual underflow outside
    REQUIRE(denormal_operand() != 0.0f);
    {
        const DenormalsFlushed flushed;
        CHECK(float_control() == with_denormals_flushed(before));
        CHECK(float_control() != before);
        CHECK(denormal_product() == 0.0f);
        CHECK(denormal_operand() == 0.0f);
        {
            const DenormalsFlushed nested;  // already flushed: changes nothing, restores nothing
            CHECK(denormal_product() == 0.0f);
        }
        CHECK(denormal_product() == 0.0f);
    }
    CHECK(float_control() == before);
    CHECK(denormal_product() != 0.0f);
    CHECK(denormal_operand() != 0.0f);
}

TEST_CASE("set_flush_denormals(false) keeps gradual underflow", "[float_env]") {
    if (!float_control_supported()) GHOSTNET_SKIP("no float control word known for this architecture");
    Setting setting;
    set_flush_denormals(false);
    REQUIRE_FALSE(flush_denormals());
    const uint64_t before = float_control();
    {
        const DenormalsFlushed flushed;
        CHECK(float_control() == before);
        CHECK(denormal_product() != 0.0f);
    }
    set_flush_denormals(true);
    REQUIRE(flush_denormals());
}
