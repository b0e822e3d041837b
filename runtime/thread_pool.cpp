#include "thread_pool.h"

#include <HalideRuntime.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

#include "float_env.h"

namespace ghostnet {

namespace {

inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield");
#endif
}

// One step of a spin-wait: a pause at first, then also a yield, so that on a machine with more
// busy threads than cores the thread being waited for gets this core instead of a time slice
// later (milliseconds: a loop's wait would take that long).
inline void wait_a_little(int i) {
    cpu_relax();
    if (i >= 64) std::this_thread::yield();
}

int default_threads() {
    if (const char *env = std::getenv("HL_NUM_THREADS")) {
        const int n = std::atoi(env);
        if (n > 0) return n;
    }
    const unsigned n = std::thread::hardware_concurrency();
    return n > 0 ? int(n) : 1;
}

// How long a worker spins for the next loop before it sleeps: longer than the gaps between a
// pipeline's stages, short enough not to hold a core between runs.
constexpr auto kSpin = std::chrono::microseconds(1000);
constexpr int kMaxThreads = 32;

class StaticPool {
public:
    // At most kMaxThreads: a loop's shares are bits of one word (claims_).
    void set_threads(int n) { threads_.store(std::min(n > 0 ? n : default_threads(), kMaxThreads)); }
    int threads() const { return threads_.load(); }

    int par_for(void *user_context, halide_task_t f, int min, int extent, uint8_t *closure) {
        const int n = std::min(threads_.load(), extent);
        if (n <= 1 || in_task_) return serial(user_context, f, min, extent, closure);
        std::unique_lock<std::mutex> issuing(issue_, std::try_to_lock);
        if (!issuing.owns_lock()) return serial(user_context, f, min, extent, closure);
        start_workers(n - 1);
        job_ = {f, user_context, min, extent, closure, float_control()};
        job_threads_ = n;
        error_.store(0, std::memory_order_relaxed);
        remaining_.store(n - 1, std::memory_order_relaxed);
        // Loop number and thread count (or claimed shares) in one word each: a worker that
        // sees this loop late reads the loop number with its claim, and cannot take a share
        // of the next loop for one of this one.
        const uint64_t loop = (published_.load(std::memory_order_relaxed) >> 32) + 1;
        claims_.store(loop << 32 | 1u, std::memory_order_relaxed);  // share 0: this thread's
        published_.store(loop << 32 | uint64_t(n), std::memory_order_seq_cst);
        if (sleepers_.load(std::memory_order_seq_cst) > 0) {
            std::lock_guard<std::mutex> lock(sleep_);
            wake_.notify_all();
        }
        run_share(0);
        // Shares no worker has taken by now (asleep, or not given a core: the machine is
        // oversubscribed) are run here rather than waited for.
        for (int t = 1; t < n; t++) {
            if (claim(loop, t)) {
                run_share(t);
                remaining_.fetch_sub(1, std::memory_order_acq_rel);
            }
        }
        for (int i = 0; remaining_.load(std::memory_order_acquire) != 0; i++) wait_a_little(i);
        return error_.load(std::memory_order_relaxed);
    }

private:
    struct Job {
        halide_task_t f = nullptr;
        void *user_context = nullptr;
        int min = 0, extent = 0;
        uint8_t *closure = nullptr;
        uint64_t float_control = 0;  // the caller's (float_env.h): each share runs in it
    };

    static int serial(void *user_context, halide_task_t f, int min, int extent, uint8_t *closure) {
        for (int i = min; i < min + extent; i++) {
            const int rc = f(user_context, i, closure);
            if (rc) return rc;
        }
        return 0;
    }

    // Takes share t of loop `loop`; false if it is taken, or that loop is over.
    bool claim(uint64_t loop, int t) {
        uint64_t c = claims_.load(std::memory_order_acquire);
        const uint64_t bit = uint64_t(1) << t;
        while ((c >> 32) == loop && !(c & bit))
            if (claims_.compare_exchange_weak(c, c | bit, std::memory_order_acq_rel)) return true;
        return false;
    }

    // Thread t's share of the current job: the same iterations every time for the same loop.
    void run_share(int t) {
        const Job &j = job_;
        // Where no control word is known both are 0.
        if (float_control() != j.float_control) set_float_control(j.float_control);
        const int begin = j.min + int(int64_t(j.extent) * t / job_threads_);
        const int end = j.min + int(int64_t(j.extent) * (t + 1) / job_threads_);
        in_task_ = true;
        for (int i = begin; i < end; i++) {
            const int rc = j.f(j.user_context, i, j.closure);
            if (rc) {
                int none = 0;
                error_.compare_exchange_strong(none, rc);
                break;
            }
        }
        in_task_ = false;
    }

    // Called with issue_ held: workers are only ever added.
    void start_workers(int count) {
        while (int(workers_) < count) {
            const int t = int(++workers_);
            // The loop number it has seen is the one before the loop about to be published
            // (read here, not in the new thread, which may start after that publication).
            std::thread(&StaticPool::work, this, t, published_.load(std::memory_order_relaxed)).detach();
        }
    }

    void work(int t, uint64_t seen) {
        for (;;) {
            uint64_t g = published_.load(std::memory_order_acquire);
            const auto spin_until = std::chrono::steady_clock::now() + kSpin;
            for (int i = 0; g == seen; i++) {
                wait_a_little(i);
                if ((i & 255) == 255 && std::chrono::steady_clock::now() > spin_until) {
                    std::unique_lock<std::mutex> lock(sleep_);
                    sleepers_.fetch_add(1, std::memory_order_seq_cst);
                    wake_.wait(lock, [&] { return published_.load(std::memory_order_seq_cst) != seen; });
                    sleepers_.fetch_sub(1, std::memory_order_seq_cst);
                }
                g = published_.load(std::memory_order_acquire);
            }
            seen = g;
            // Not in this loop (cut into fewer shares than there are workers), or its share
            // was taken by the loop's caller already.
            if (t >= int(g & 0xffffffffu) || !claim(g >> 32, t)) continue;
            run_share(t);
            remaining_.fetch_sub(1, std::memory_order_acq_rel);
        }
    }

    std::atomic<int> threads_{default_threads()};
    std::mutex issue_;       // held by the thread whose loop the workers are running
    unsigned workers_ = 0;   // started so far (under issue_)
    int job_threads_ = 1;  // as job_
    Job job_;  // written under issue_ before published_ moves; read by the loop's workers only
    std::atomic<uint64_t> published_{0};  // loop number << 32 | threads the loop is cut into
    std::atomic<uint64_t> claims_{0};     // loop number << 32 | a bit per share taken
    std::atomic<int> remaining_{0}, error_{0}, sleepers_{0};
    std::mutex sleep_;
    std::condition_variable wake_;
    static thread_local bool in_task_;
};

thread_local bool StaticPool::in_task_ = false;

// Never destroyed: detached workers may still be asleep in it at exit.
StaticPool &pool() {
    static StaticPool *p = new StaticPool;
    return *p;
}

int pool_par_for(void *user_context, halide_task_t f, int min, int extent, uint8_t *closure) {
    return pool().par_for(user_context, f, min, extent, closure);
}

}  // namespace

bool install_thread_pool() {
    static const bool installed = [] {
        const char *env = std::getenv("GHOSTNET_THREAD_POOL");
        if (env && std::strcmp(env, "halide") == 0) return false;
        halide_set_custom_do_par_for(pool_par_for);
        return true;
    }();
    return installed;
}

void set_thread_pool_threads(int n) { pool().set_threads(n); }

int thread_pool_threads() { return pool().threads(); }

}  // namespace ghostnet
