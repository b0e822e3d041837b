// A test case that cannot run on this machine (a CPU feature it needs is missing) says why and
// returns without checking anything. ctest reports it as skipped, not passed: tests/CMakeLists.txt
// gives every test SKIP_REGULAR_EXPRESSION on kSkipMarker (Catch2 v2 has no SKIP of its own).
#pragma once

#include <catch2/catch.hpp>

namespace ghostnet {
namespace test {
constexpr const char *kSkipMarker = "GHOSTNET-SKIPPED:";
}  // namespace test
}  // namespace ghostnet

// GHOSTNET_SKIP("variant " << v << ": this CPU lacks " << f): the reason, then return.
#define GHOSTNET_SKIP(reason)                                      \
    do {                                                           \
        WARN(::ghostnet::test::kSkipMarker << " " << reason);      \
        return;                                                    \
    } while (0)
