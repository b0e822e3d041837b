// Halide reports a pipeline error through halide_error before returning its code. These keep
// the message (per thread) so a caller can put it in the exception, not only on stderr.
#pragma once

#include <string>

namespace ghostnet {

// Installs the handler once per process (idempotent, thread-safe).
void install_halide_error_capture();
// Clears this thread's last message; call before running a pipeline.
void clear_halide_error();
// The last message Halide reported on this thread ("" if none).
const std::string &last_halide_error();

}  // namespace ghostnet
