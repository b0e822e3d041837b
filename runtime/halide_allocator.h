// A size-keyed cache in front of Halide's heap allocations. Every run of a network pipeline
// allocates the same intermediate buffers; without the cache each large one is an mmap and
// munmap, and every page is faulted in again on each run.
#pragma once

#include <cstddef>

namespace ghostnet {

// Installs the cache as Halide's malloc/free (once per process; later calls do nothing).
// Blocks kept for reuse are capped at `max_cached_bytes` in total. With the environment
// variable GHOSTNET_POISON_ALLOCATIONS=1 every block is handed out filled with 0x7f bytes
// (3.4e38 as a float), so reading memory no stage wrote changes the answer (the tests use it).
// GHOSTNET_MEMORY_LIMIT_MB=N sets the limit below at installation.
void install_halide_allocator(size_t max_cached_bytes = size_t(512) << 20);

// Caps the bytes pipelines hold at once (0: no cap). An allocation that would pass it is
// refused before anything is allocated; the pipeline then fails with Halide's out-of-memory
// error, which Model::run reports as an Error.
void set_pipeline_memory_limit(size_t bytes);

}  // namespace ghostnet
