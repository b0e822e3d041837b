#pragma once

#include <stdexcept>

namespace ghostnet {

// Single exception type for every runtime failure so callers (CLI tools,
// tests) can catch one thing and print a message that already names the
// offending file / tensor / argument.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace ghostnet
