// The q8 network's bit-exact integer reference, which the tests hold the pipelines to. It lives
// in runtime/q8_reference.h, since ghostnet-quantize --report runs it too; here it keeps the
// name the other references have.
#pragma once

#include "q8_reference.h"

namespace ghostnet {
namespace reference {
namespace q8ref = ::ghostnet::q8ref;
}  // namespace reference
}  // namespace ghostnet
