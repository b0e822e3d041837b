#include "halide_allocator.h"

#include <HalideRuntime.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace ghostnet {

namespace {

// Halide asks for vector-aligned memory that may be over-read by 8 bytes at both ends.
constexpr size_t kAlign = 128;
constexpr size_t kHeader = kAlign;  // holds the block's size, keeps the payload aligned

struct Cache {
    bool poison = false;  // GHOSTNET_POISON_ALLOCATIONS: hand out NaN-filled memory
    std::mutex mu;
    std::unordered_map<size_t, std::vector<void *>> free_blocks;  // by rounded size
    size_t cached_bytes = 0;
    size_t max_cached_bytes = 0;
    size_t live_bytes = 0;    // handed out to pipelines, not yet freed
    size_t limit_bytes = 0;   // set_pipeline_memory_limit; 0: none
};

Cache &cache() {
    static Cache *c = new Cache;  // never destroyed: Halide may free during static teardown
    return *c;
}

void *take_block(Cache &c, size_t rounded);

// Every block filled with 0x7f bytes (3.4e38 as a float: a ReLU keeps it, unlike a NaN) when
// poisoning: a stage that reads what
// no stage wrote then makes NaN logits instead of a plausible wrong answer.
void *cached_malloc(void *, size_t size) {
    const size_t rounded = (size + 2 * kAlign - 1) / kAlign * kAlign;
    Cache &c = cache();
    void *p = take_block(c, rounded);
    if (p && c.poison) std::memset(p, 0x7f, rounded);
    return p;
}

void *take_block(Cache &c, size_t rounded) {
    {
        std::lock_guard<std::mutex> lock(c.mu);
        // Over the limit: Halide turns the null into its out-of-memory error, which the
        // pipeline returns and Model reports; nothing is allocated.
        if (c.limit_bytes && c.live_bytes + rounded > c.limit_bytes) return nullptr;
        c.live_bytes += rounded;
        auto it = c.free_blocks.find(rounded);
        if (it != c.free_blocks.end() && !it->second.empty()) {
            char *block = static_cast<char *>(it->second.back());
            it->second.pop_back();
            c.cached_bytes -= rounded;
            return block + kHeader;
        }
    }
    char *block = static_cast<char *>(std::aligned_alloc(kAlign, rounded + kHeader));
    if (!block) {
        std::lock_guard<std::mutex> lock(c.mu);
        c.live_bytes -= rounded;
        return nullptr;
    }
    *reinterpret_cast<size_t *>(block) = rounded;
    return block + kHeader;
}

void cached_free(void *, void *ptr) {
    if (!ptr) return;
    char *block = static_cast<char *>(ptr) - kHeader;
    const size_t rounded = *reinterpret_cast<size_t *>(block);
    Cache &c = cache();
    {
        std::lock_guard<std::mutex> lock(c.mu);
        c.live_bytes -= rounded;
        if (c.cached_bytes + rounded <= c.max_cached_bytes) {
            c.free_blocks[rounded].push_back(block);
            c.cached_bytes += rounded;
            return;
        }
    }
    std::free(block);
}

}  // namespace

void install_halide_allocator(size_t max_cached_bytes) {
    static std::once_flag once;
    std::call_once(once, [&] {
        cache().max_cached_bytes = max_cached_bytes;
        const char *poison = std::getenv("GHOSTNET_POISON_ALLOCATIONS");
        cache().poison = poison && *poison && std::string(poison) != "0";
        if (const char *mb = std::getenv("GHOSTNET_MEMORY_LIMIT_MB")) {
            const unsigned long long v = std::strtoull(mb, nullptr, 10);
            if (v > 0) cache().limit_bytes = size_t(v) << 20;
        }
        halide_set_custom_malloc(cached_malloc);
        halide_set_custom_free(cached_free);
    });
}

void set_pipeline_memory_limit(size_t bytes) {
    Cache &c = cache();
    std::lock_guard<std::mutex> lock(c.mu);
    c.limit_bytes = bytes;
}

}  // namespace ghostnet
