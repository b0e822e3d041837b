#include "float_env.h"

#include <atomic>
#include <cstdlib>
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <xmmintrin.h>
#endif

namespace ghostnet {

namespace {

#if defined(__x86_64__) || defined(__i386__)
constexpr uint64_t kFlushBits = 0x8000 | 0x0040;  // MXCSR FTZ (bit 15) and DAZ (bit 6)
constexpr unsigned kStatusBits = 0x3f;             // MXCSR's sticky exception flags: not control
#elif defined(__aarch64__)
constexpr uint64_t kFlushBits = uint64_t(1) << 24;  // FPCR.FZ
#else
constexpr uint64_t kFlushBits = 0;
#endif

std::atomic<bool> &flush_setting() {
    static std::atomic<bool> on{[] {
        const char *env = std::getenv("GHOSTNET_DENORMALS");
        return !(env && std::strcmp(env, "keep") == 0);
    }()};
    return on;
}

}  // namespace

bool flush_denormals() { return flush_setting().load(std::memory_order_relaxed); }

void set_flush_denormals(bool on) { flush_setting().store(on, std::memory_order_relaxed); }

bool float_control_supported() { return kFlushBits != 0; }

uint64_t float_control() {
#if defined(__x86_64__) || defined(__i386__)
    return _mm_getcsr() & ~kStatusBits;
#elif defined(__aarch64__)
    uint64_t word;
    asm volatile("mrs %0, fpcr" : "=r"(word));
    return word;
#else
    return 0;
#endif
}

void set_float_control(uint64_t word) {
#if defined(__x86_64__) || defined(__i386__)
    _mm_setcsr((_mm_getcsr() & kStatusBits) | (unsigned(word) & ~kStatusBits));
#elif defined(__aarch64__)
    asm volatile("msr fpcr, %0" : : "r"(word));
#else
    (void)word;
#endif
}

uint64_t with_denormals_flushed(uint64_t word) { return word | kFlushBits; }

DenormalsFlushed::DenormalsFlushed() {
    if (!flush_denormals() || !float_control_supported()) return;
    saved_ = float_control();
    const uint64_t flushed = with_denormals_flushed(saved_);
    if (flushed != saved_) {
        set_float_control(flushed);
        changed_ = true;
    }
}

DenormalsFlushed::~DenormalsFlushed() {
    if (changed_) set_float_control(saved_);
}

}  // namespace ghostnet
