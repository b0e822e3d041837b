// The floating-point environment the fp32 pipelines run in: denormals flushed to zero.
//
// A denormal (subnormal) float, nonzero and below 2^-126 in magnitude, costs an x86 core a
// microcode assist in every instruction that reads or makes one: a hundred cycles or more
// instead of a few. How many a network makes depends on its weights and input, not on its
// schedule; GhostNet 0.5x on ghostnet-bench's random weights makes enough to run 1.3x slower
// (docs/performance.md, "Denormals"). So while an fp32 pipeline runs, its calling thread flushes
// them: x86's MXCSR FTZ (results) and DAZ (inputs), AArch64's FPCR.FZ. The thread pool
// (thread_pool.h) runs every share of a loop in the control word of the thread that started
// it, so its workers flush them too. The caller's own control word is restored when the
// pipeline returns. What changes: a value that would have been below 2^-126 becomes 0, far
// below anything a logit shows.
//
// GHOSTNET_DENORMALS=keep in the environment (read once, at the first use), or
// set_flush_denormals(false), keeps IEEE gradual underflow. Other architectures keep it always.
// q8 pipelines compute in integers and are not affected either way.
#pragma once

#include <cstdint>

namespace ghostnet {

// Whether fp32 pipelines flush denormals (true unless GHOSTNET_DENORMALS=keep, or changed).
bool flush_denormals();
// Process-wide; call it before running pipelines, not while they run.
void set_flush_denormals(bool on);

// Whether this architecture's float control word is known here (x86-64, AArch64).
bool float_control_supported();
// The calling thread's float control word (x86: MXCSR without its sticky exception flags;
// AArch64: FPCR; elsewhere 0), and setting it (the flags kept; elsewhere nothing).
uint64_t float_control();
void set_float_control(uint64_t word);
// `word` with denormals flushed (FTZ and DAZ on x86, FZ on AArch64; elsewhere `word`).
uint64_t with_denormals_flushed(uint64_t word);

// For its lifetime the calling thread flushes denormals, if flush_denormals() says so; its
// control word before is restored at the end.
class DenormalsFlushed {
public:
    DenormalsFlushed();
    ~DenormalsFlushed();
    DenormalsFlushed(const DenormalsFlushed &) = delete;
    DenormalsFlushed &operator=(const DenormalsFlushed &) = delete;

private:
    uint64_t saved_ = 0;
    bool changed_ = false;
};

}  // namespace ghostnet
