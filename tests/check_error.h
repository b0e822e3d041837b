// CHECK_ERROR(expr, path, word): expr must throw ghostnet::Error whose message names `path`
// and contains `word` (any case): the reader tests' one assertion for every malformed input.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "error.h"

namespace ghostnet {
namespace test {

template <typename F>
std::string error_of(F &&f) {
    try {
        f();
    } catch (const ghostnet::Error &e) {
        return e.what();
    }
    return "<no ghostnet::Error thrown>";
}

}  // namespace test
}  // namespace ghostnet

#define CHECK_ERROR(expr, path, word)                                         \
    CHECK_THAT(ghostnet::test::error_of([&] { (void)(expr); }),               \
               Catch::Contains(path) && Catch::Contains(word, Catch::CaseSensitive::No))
