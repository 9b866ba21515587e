// jb_method_upcall pointers under load (issue 17): many threads calling through FFM stubs while
// one call in ten throws and other threads make and free stubs; every result and every
// exception must be accounted for, and nothing may crash. JDK 22+ (UpcallJdk17.* in the
// jb_capi_tests suite checks the refusal on older JVMs).
#include "stress_fixture.h"

#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

using namespace jbtest;

namespace {
constexpr const char *kUp = "dev.javabridge.capi.UpcallTarget";

// Opens the JVM with native access (FFM stubs without the restricted-method warning) and reads
// the Java feature version it runs into *feature (0 when that fails); the caller skips below 22.
jb_vm *open_ffm_vm(int32_t *feature) {
    *feature = 0;
    jb_vm *vm = open_vm({"--enable-native-access=ALL-UNNAMED"});
    if (vm == nullptr) return nullptr;
    jb_method *m = find_static("feature", "()I", kUp);
    EXPECT_EQ(jb_call_static_int32(m, nullptr, 0, feature), JB_OK) << jb_error_message();
    jb_method_free(m);
    return vm;
}
}

TEST(StressUpcall, ThreadsCallWhileOneInTenThrowsAndStubsChurn) {
    int32_t f = 0;
    jb_vm *vm = open_ffm_vm(&f);
    ASSERT_NE(vm, nullptr);
    if (f < 22) {
        EXPECT_EQ(jb_vm_close(vm), JB_OK);
        GTEST_SKIP() << "FFM upcall stubs need JDK 22+";
    }
    jb_method *m = find_static("throwIfNegative", "(I)I", kUp);
    jb_upcall_fn raw = nullptr;
    ASSERT_EQ(jb_method_upcall(m, &raw), JB_OK) << jb_error_message();
    auto fn = reinterpret_cast<int32_t (*)(int32_t)>(raw);

    constexpr int kThreads = 4, kCalls = 100000;
    std::atomic<long> good{0}, thrown{0}, wrong{0};
    std::atomic<bool> stop{false};
    std::vector<std::thread> ts;
    for (int t = 0; t < kThreads; t++) {
        ts.emplace_back([&, t] {
            for (int i = 0; i < kCalls; i++) {
                bool fail = i % 10 == 9;
                int32_t arg = fail ? -(i + t) - 1 : i;
                int32_t r = fn(arg);
                int s = jb_upcall_check();
                if (fail && r == 0 && s == JB_EJAVA) thrown++;
                else if (!fail && r == i + 1 && s == JB_OK) good++;
                else wrong++;
            }
        });
    }
    // Meanwhile: stubs made, called and freed, each pointer refused after its free.
    std::atomic<long> churned{0}, churn_wrong{0};
    std::thread churn([&] {
        // Bounded: a freed stub keeps its code (upcall.h), so a loop without end would fill the code cache.
        while (!stop.load() && churned.load() < 300) {
            jb_method *add = nullptr;
            jb_upcall_fn p = nullptr;
            if (jb_method_find_static(kUp, "add", "(II)I", &add) != JB_OK || jb_method_upcall(add, &p) != JB_OK) {
                churn_wrong++;
                break;
            }
            auto addf = reinterpret_cast<int32_t (*)(int32_t, int32_t)>(p);
            if (addf(2, 3) != 5 || jb_upcall_check() != JB_OK) churn_wrong++;
            jb_method_free(add);
            if (addf(2, 3) != 0 || jb_upcall_check() != JB_EHANDLE) churn_wrong++;
            churned++;
        }
    });
    for (auto &t : ts) t.join();
    stop = true;
    churn.join();
    EXPECT_EQ(wrong.load(), 0);
    EXPECT_EQ(good.load(), long(kThreads) * kCalls * 9 / 10);
    EXPECT_EQ(thrown.load(), long(kThreads) * kCalls / 10);
    EXPECT_EQ(churn_wrong.load(), 0);
    EXPECT_GT(churned.load(), 0);
    std::printf("stress upcall: %ld good, %ld thrown, %ld stubs made and freed\n", good.load(), thrown.load(),
                churned.load());
    EXPECT_EQ(jb_vm_close(vm), JB_OK);
}

namespace {
long rss_kib() {
    std::FILE *f = std::fopen("/proc/self/status", "r");
    char line[256];
    long v = -1;
    while (f != nullptr && std::fgets(line, sizeof line, f) != nullptr) {
        if (std::sscanf(line, "VmRSS: %ld", &v) == 1) break;
    }
    if (f != nullptr) std::fclose(f);
    return v;
}
}  // namespace

// Thread churn under load: thousands of short-lived C threads that nobody attached call the
// pointer (the JVM attaches each for its call and detaches it at thread exit), some after a
// jb_call attached them, some whose call throws, while two long-lived threads keep calling.
// No Java thread and no memory may accumulate.
TEST(StressUpcall, ThousandsOfShortLivedForeignThreadsUnderLoadLeaveNothingBehind) {
    int32_t f = 0;
    jb_vm *vm = open_ffm_vm(&f);
    ASSERT_NE(vm, nullptr);
    if (f < 22) {
        EXPECT_EQ(jb_vm_close(vm), JB_OK);
        GTEST_SKIP() << "FFM upcall stubs need JDK 22+";
    }
    jb_method *add_m = find_static("add", "(II)I", kUp);
    jb_method *throw_m = find_static("throwIfNegative", "(I)I", kUp);
    jb_method *threads_m = find_static("liveThreads", "()I", kUp);
    jb_upcall_fn a = nullptr, t = nullptr;
    ASSERT_EQ(jb_method_upcall(add_m, &a), JB_OK) << jb_error_message();
    ASSERT_EQ(jb_method_upcall(throw_m, &t), JB_OK) << jb_error_message();
    auto add = reinterpret_cast<int32_t (*)(int32_t, int32_t)>(a);
    auto thrower = reinterpret_cast<int32_t (*)(int32_t)>(t);
    auto live_threads = [&] {
        int32_t n = -1;
        EXPECT_EQ(jb_call_static_int32(threads_m, nullptr, 0, &n), JB_OK) << jb_error_message();
        return n;
    };

    std::atomic<bool> stop{false};
    std::atomic<long> bad{0}, load_calls{0};
    std::vector<std::thread> load;
    for (int k = 0; k < 2; k++) {
        load.emplace_back([&, k] {
            for (int32_t i = 0; !stop.load(std::memory_order_relaxed); i++) {
                if (add(i, k) != i + k || jb_upcall_check() != JB_OK) bad++;
                load_calls++;
            }
        });
    }
    auto churn = [&](int n) {
        for (int i = 0; i < n; i += 16) {
            std::vector<std::thread> ts;
            for (int k = 0; k < 16; k++) {
                int kind = (i + k) % 4;
                ts.emplace_back([&, kind, i, k] {
                    if (kind == 1) {  // attached by javabridge first: the stub runs on that attachment
                        jb_arg args[] = {jb_arg_int32(1), jb_arg_int32(1)};
                        int32_t r = 0;
                        if (jb_call_static_int32(add_m, args, 2, &r) != JB_OK || r != 2) bad++;
                    }
                    if (kind == 2) {  // fails: javabridge's per-thread state is made, freed at exit
                        if (thrower(-1) != 0 || jb_upcall_check() != JB_EJAVA) bad++;
                    } else if (add(i, k) != i + k || jb_upcall_check() != JB_OK) {
                        bad++;
                    }
                });
            }
            for (auto &th : ts) th.join();
        }
    };
    int threads0 = live_threads();
    churn(1000);  // warms up: the JIT, malloc arenas, thread stacks the system keeps
    long rss1 = rss_kib();
    churn(8000);
    long rss2 = rss_kib();
    int threads2 = live_threads();
    stop = true;
    for (auto &th : load) th.join();
    EXPECT_EQ(bad.load(), 0);
    EXPECT_GT(load_calls.load(), 0);
    // The two load threads (attached by the JVM for their calls) are still alive when counted.
    EXPECT_LE(threads2, threads0 + 2 + 2) << "short-lived threads left Java threads behind (before " << threads0 << ")";
    // A leaked Java thread costs well over 100 KiB: 8000 of them would be gigabytes.
    EXPECT_LT(rss2 - rss1, 32 * 1024) << "RSS grew from " << rss1 << " to " << rss2 << " KiB over 8000 threads";
    std::printf("stress upcall churn: 9000 short-lived threads, %ld calls on the load threads, Java threads %d -> %d, "
                "RSS %ld -> %ld KiB\n", load_calls.load(), threads0, threads2, rss1, rss2);
    EXPECT_EQ(jb_vm_close(vm), JB_OK);
}
