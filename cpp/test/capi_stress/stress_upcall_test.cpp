// jb_method_upcall pointers under load (issue 17): many threads calling through FFM stubs while
// one call in ten throws and other threads make and free stubs; every result and every
// exception must be accounted for, and nothing may crash. JDK 22+ (UpcallJdk17.* in the
// jb_capi_tests suite checks the refusal on older JVMs).
#include "stress_fixture.h"

#include <atomic>
#include <vector>

using namespace jbtest;

namespace {
constexpr const char *kUp = "dev.javabridge.capi.UpcallTarget";
}

TEST(StressUpcall, ThreadsCallWhileOneInTenThrowsAndStubsChurn) {
    jb_vm *vm = open_vm({"--enable-native-access=ALL-UNNAMED"});
    ASSERT_NE(vm, nullptr);
    jb_method *feature = find_static("feature", "()I", kUp);
    int32_t f = 0;
    ASSERT_EQ(jb_call_static_int32(feature, nullptr, 0, &f), JB_OK);
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
