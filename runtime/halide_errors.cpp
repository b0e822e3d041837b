#include "halide_errors.h"

#include <HalideRuntime.h>

namespace ghostnet {

namespace {

thread_local std::string last_message;

void capture(void *, const char *msg) { last_message = msg ? msg : ""; }

struct InstallHandler {
    InstallHandler() { halide_set_error_handler(capture); }
};

}  // namespace

void install_halide_error_capture() { static InstallHandler once; }

void clear_halide_error() { last_message.clear(); }

const std::string &last_halide_error() { return last_message; }

}  // namespace ghostnet
