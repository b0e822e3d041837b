// runtime/thread_pool.h: the pool the pipelines' parallel loops run on. Every iteration runs
// exactly once whatever the thread count and extent; a loop is cut into the same contiguous
// shares every time (the property the pool exists for: which thread runs a worker's share
// depends on whether the worker was running, so only the cut and share 0's thread are
// asserted); loops inside loops and loops from several application threads at once run
// correctly; a failing iteration's error is returned; every share computes in the float
// control word of the thread that started the loop (runtime/float_env.h).
// scripts/test_sanitizers.sh also runs these built with ThreadSanitizer.
#include <catch2/catch.hpp>

#include <HalideRuntime.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "float_env.h"
#include "skip.h"
#include "testutil.h"
#include "thread_pool.h"

using namespace ghostnet;

namespace {

struct Visits {
    std::vector<std::atomic<int>> count;
    std::vector<std::thread::id> who;
    int min = 0;
    explicit Visits(int extent, int min_) : count(extent), who(extent), min(min_) {}
};

int visit(void *, int i, uint8_t *closure) {
    Visits *v = reinterpret_cast<Visits *>(closure);
    v->count[i - v->min]++;
    v->who[i - v->min] = std::this_thread::get_id();
    return 0;
}

int run_loop(Visits &v, int extent) {
    return halide_do_par_for(nullptr, visit, v.min, extent, reinterpret_cast<uint8_t *>(&v));
}

struct Pool {
    Pool() { REQUIRE(install_thread_pool()); }
    ~Pool() { set_thread_pool_threads(0); }
};

}  // namespace

TEST_CASE("every iteration runs exactly once, for any thread count and extent", "[thread_pool]") {
    Pool pool;
    for (int threads : {1, 2, 3, 4}) {
        set_thread_pool_threads(threads);
        REQUIRE(thread_pool_threads() == threads);
        for (int extent : {0, 1, 2, 3, 5, 17, 112, 1000}) {
            for (int min : {0, -3, 7}) {
                Visits v(extent, min);
                REQUIRE(run_loop(v, extent) == 0);
                for (int i = 0; i < extent; i++) {
                    INFO("threads " << threads << " extent " << extent << " min " << min << " i " << i);
                    REQUIRE(v.count[i].load() == 1);
                }
            }
        }
    }
}

TEST_CASE("a loop is cut into contiguous shares at extent * t / n, share 0 on the caller", "[thread_pool]") {
    Pool pool;
    for (int threads : {2, 3}) {
        set_thread_pool_threads(threads);
        for (int extent : {56, 28, 7}) {
            for (int round = 0; round < 50; round++) {
                Visits v(extent, 0);
                REQUIRE(run_loop(v, extent) == 0);
                for (int t = 0; t < threads; t++) {
                    const int begin = extent * t / threads, end = extent * (t + 1) / threads;
                    for (int i = begin; i < end; i++) {
                        INFO("threads " << threads << " extent " << extent << " share " << t << " iteration " << i);
                        // A share runs on one thread (its worker, or the caller when no worker
                        // took it in time); share 0 always on the caller.
                        REQUIRE(v.who[i] == v.who[begin]);
                        if (t == 0) REQUIRE(v.who[i] == std::this_thread::get_id());
                    }
                }
            }
        }
    }
}

namespace {
struct Nested {
    std::atomic<int> outer{0};
    Visits inner{64, 0};
};
int nested_task(void *, int, uint8_t *closure) {
    Nested *n = reinterpret_cast<Nested *>(closure);
    n->outer++;
    Visits local(8, 0);
    const int rc = halide_do_par_for(nullptr, visit, 0, 8, reinterpret_cast<uint8_t *>(&local));
    for (int i = 0; i < 8; i++)
        if (local.count[i].load() != 1) return -100;
    return rc;
}
int failing_task(void *, int i, uint8_t *) { return i == 5 ? -7 : 0; }
}  // namespace

TEST_CASE("a loop inside an iteration runs on that iteration's thread", "[thread_pool]") {
    Pool pool;
    set_thread_pool_threads(2);
    Nested n;
    REQUIRE(halide_do_par_for(nullptr, nested_task, 0, 10, reinterpret_cast<uint8_t *>(&n)) == 0);
    REQUIRE(n.outer.load() == 10);
}

TEST_CASE("a failing iteration's error is the loop's result", "[thread_pool]") {
    Pool pool;
    for (int threads : {1, 2, 3}) {
        set_thread_pool_threads(threads);
        REQUIRE(halide_do_par_for(nullptr, failing_task, 0, 12, nullptr) == -7);
    }
}

TEST_CASE("loops from several application threads at once all complete", "[thread_pool]") {
    Pool pool;
    set_thread_pool_threads(2);
    constexpr int kCallers = 4, kRounds = 200;
    std::vector<int> bad(kCallers, 0);
    std::vector<std::thread> callers;
    for (int c = 0; c < kCallers; c++) {
        callers.emplace_back([&, c] {
            for (int r = 0; r < kRounds; r++) {
                const int extent = 1 + (c * 7 + r) % 40;
                Visits v(extent, 0);
                if (run_loop(v, extent) != 0) bad[c]++;
                for (int i = 0; i < extent; i++)
                    if (v.count[i].load() != 1) bad[c]++;
            }
        });
    }
    for (std::thread &t : callers) t.join();
    for (int c = 0; c < kCallers; c++) REQUIRE(bad[c] == 0);
}

namespace {

// Each iteration's product of two floats whose exact product (1e-40) is a denormal (0 where
// the iteration's thread flushes denormals), and the thread that made it. An iteration takes
// about 0.2 ms, so that the workers, spinning since the loop before, take their shares rather
// than the caller finishing share 0 first and taking theirs too.
struct Products {
    std::vector<float> value;
    std::vector<std::thread::id> who;
    explicit Products(int extent) : value(extent, -1.0f), who(extent) {}
};
int multiply(void *, int i, uint8_t *closure) {
    Products *p = reinterpret_cast<Products *>(closure);
    p->value[i] = test::denormal_product();
    p->who[i] = std::this_thread::get_id();
    const auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(200);
    while (std::chrono::steady_clock::now() < until) {
    }
    return 0;
}

}  // namespace

TEST_CASE("every share of a loop computes in the float control word of the thread that started it",
          "[thread_pool]") {
    if (!float_control_supported()) GHOSTNET_SKIP("no float control word known for this architecture");
    Pool pool;
    const bool setting = flush_denormals();
    set_flush_denormals(true);
    int by_workers = 0;
    for (int threads : {2, 3}) {
        set_thread_pool_threads(threads);
        // Flushed, then not, then flushed: workers follow the caller both ways, every loop.
        for (int round = 0; round < 6; round++) {
            const bool flushed = round % 2 == 0;
            Products p(threads * 4);
            int rc;
            if (flushed) {
                const DenormalsFlushed flush;
                rc = halide_do_par_for(nullptr, multiply, 0, int(p.value.size()), reinterpret_cast<uint8_t *>(&p));
            } else {
                rc = halide_do_par_for(nullptr, multiply, 0, int(p.value.size()), reinterpret_cast<uint8_t *>(&p));
            }
            REQUIRE(rc == 0);
            for (size_t i = 0; i < p.value.size(); i++) {
                INFO("threads " << threads << " round " << round << " iteration " << i);
                if (p.who[i] != std::this_thread::get_id()) by_workers++;
                if (flushed) {
                    CHECK(p.value[i] == 0.0f);
                } else {
                    CHECK(p.value[i] > 0.0f);
                }
            }
        }
    }
    set_flush_denormals(setting);
    // Where the machine gave the workers no core, the caller ran every share: nothing was shown.
    if (by_workers == 0) GHOSTNET_SKIP("no worker took a share of any loop (the workers got no core)");
}
