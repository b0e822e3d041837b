// Catch2's main, with Halide's error handler replaced: the default one aborts the process,
// which would turn one failing pipeline call into a crash of the whole test binary. Here the
// message is printed and the call returns its error code, which the test then checks.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <HalideRuntime.h>

#include <cstdio>

namespace {
void print_halide_error(void *, const char *msg) { std::fprintf(stderr, "Halide error: %s\n", msg); }
}  // namespace

int main(int argc, char **argv) {
    halide_set_error_handler(print_halide_error);
    return Catch::Session().run(argc, argv);
}
