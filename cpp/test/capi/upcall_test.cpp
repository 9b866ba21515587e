// jb_method_upcall (upcall.h): plain C function pointers for static Java methods, FFM upcall
// stubs on JDK 22+, JB_EUNSUPPORTED naming JDK 22 before that. Every test runs on both JDKs: on
// JDK 17 each asserts the refusal instead (UpcallJdk17.*), so none is skipped.
#include "capi_fixture.h"

#include <fstream>
#include <cstring>

using namespace jbtest;

namespace {

constexpr const char *kUp = "dev.javabridge.capi.UpcallTarget";

bool contains(const char *haystack, const char *needle) {
    return haystack != nullptr && std::strstr(haystack, needle) != nullptr;
}

// FFM's Linker.upcallStub is a restricted method: without this, JDK 22+ prints a one-time warning.
jb_vm *open_upcall_vm() { return open_vm({"--enable-native-access=ALL-UNNAMED"}); }

int java_feature() {
    jb_method *m = find_static("feature", "()I", kUp);
    int32_t f = 0;
    EXPECT_EQ(jb_call_static_int32(m, nullptr, 0, &f), JB_OK) << jb_error_message();
    jb_method_free(m);
    return f;
}

template <typename Fn>
Fn upcall(jb_method *m) {
    jb_upcall_fn fn = nullptr;
    int rc = jb_method_upcall(m, &fn);
    EXPECT_EQ(rc, JB_OK) << jb_error_name(rc) << ": " << jb_error_message();
    return reinterpret_cast<Fn>(fn);
}

int live_threads() {
    static jb_method *m = find_static("liveThreads", "()I", kUp);
    int32_t n = -1;
    EXPECT_EQ(jb_call_static_int32(m, nullptr, 0, &n), JB_OK) << jb_error_message();
    return n;
}

long rss_kib() {
    std::ifstream f("/proc/self/status");
    std::string key;
    while (f >> key) {
        if (key == "VmRSS:") {
            long v = 0;
            f >> v;
            return v;
        }
    }
    return -1;
}

class Upcall : public ::testing::Test {
  protected:
    void SetUp() override {
        vm_ = open_upcall_vm();
        ASSERT_NE(vm_, nullptr);
        if (java_feature() < 22) GTEST_SKIP() << "needs JDK 22+: UpcallJdk17 covers older JVMs";
    }
    void TearDown() override { EXPECT_EQ(jb_vm_close(vm_), JB_OK) << jb_error_message(); }
    jb_vm *vm_ = nullptr;
};

}  // namespace

TEST_F(Upcall, EveryPrimitiveTypeCrossesBothWays) {
    EXPECT_EQ(upcall<int32_t (*)(int32_t, int32_t)>(find_static("add", "(II)I", kUp))(40, 2), 42);
    EXPECT_EQ(upcall<int32_t (*)(int32_t, int32_t)>(find_static("add", "(II)I", kUp))(INT32_MAX, 1), INT32_MIN);
    EXPECT_EQ(upcall<int64_t (*)(int64_t, int64_t)>(find_static("mulLong", "(JJ)J", kUp))(INT64_C(1) << 40, 3),
              INT64_C(3) << 40);
    EXPECT_EQ(upcall<double (*)(double)>(find_static("half", "(D)D", kUp))(5.0), 2.5);
    EXPECT_EQ(upcall<float (*)(float)>(find_static("halfFloat", "(F)F", kUp))(3.0f), 1.5f);
    auto not_fn = upcall<bool (*)(bool)>(find_static("not", "(Z)Z", kUp));
    EXPECT_EQ(not_fn(true), false);
    EXPECT_EQ(not_fn(false), true);
    EXPECT_EQ(upcall<int8_t (*)(int8_t)>(find_static("negByte", "(B)B", kUp))(INT8_MIN + 1), INT8_MAX);
    EXPECT_EQ(upcall<int16_t (*)(int16_t)>(find_static("negShort", "(S)S", kUp))(-300), 300);
    EXPECT_EQ(upcall<uint16_t (*)(uint16_t)>(find_static("nextChar", "(C)C", kUp))(0xfffe), 0xffff);
    auto mixed = upcall<double (*)(int32_t, int64_t, double, float, bool, int8_t, int16_t, uint16_t, int32_t, double)>(
        find_static("mixed", "(IJDFZBSCID)D", kUp));
    EXPECT_EQ(mixed(1, 20, 0.5, 0.25f, true, -3, 400, 5000, 60000, 0.125), 1 + 20 + 0.5 + 0.25 + 1000 - 3 + 400 + 5000 + 60000 + 0.125);

    jb_method *touches = find_static("touches", "()J", kUp);
    auto touch = upcall<void (*)()>(find_static("touch", "()V", kUp));
    int64_t before = 0, after = 0;
    ASSERT_EQ(jb_call_static_int64(touches, nullptr, 0, &before), JB_OK);
    for (int i = 0; i < 5; i++) touch();
    ASSERT_EQ(jb_call_static_int64(touches, nullptr, 0, &after), JB_OK);
    EXPECT_EQ(after - before, 5);
    EXPECT_EQ(jb_upcall_check(), JB_OK) << "no call failed";
}

TEST_F(Upcall, SamePointerEveryTimeAndNonPublicMethods) {
    jb_method *m = find_static("add", "(II)I", kUp);
    jb_upcall_fn a = nullptr, b = nullptr;
    ASSERT_EQ(jb_method_upcall(m, &a), JB_OK);
    ASSERT_EQ(jb_method_upcall(m, &b), JB_OK);
    EXPECT_EQ(a, b);
    // JNI ignores Java access; so does the stub (the method is package-private).
    EXPECT_EQ(upcall<int32_t (*)(int32_t)>(find_static("notPublic", "(I)I", kUp))(5), 15);
}

TEST_F(Upcall, RefusesWhatItCannotTurnIntoAPointer) {
    jb_upcall_fn fn = nullptr;
    EXPECT_EQ(jb_method_upcall(find_static("withString", "(Ljava/lang/String;)I", kUp), &fn), JB_ETYPE);
    EXPECT_TRUE(contains(jb_error_message(), "primitive")) << jb_error_message();
    jb_method *inst = nullptr;
    ASSERT_EQ(jb_method_find_instance(kUp, "instanceAdd", "(I)I", &inst), JB_OK);
    EXPECT_EQ(jb_method_upcall(inst, &fn), JB_ETYPE);
    jb_method *ctor = nullptr;
    ASSERT_EQ(jb_method_find_constructor("java.lang.Object", "()V", &ctor), JB_OK);
    EXPECT_EQ(jb_method_upcall(ctor, &fn), JB_ETYPE);
    EXPECT_EQ(jb_method_upcall(nullptr, &fn), JB_EHANDLE);
    EXPECT_EQ(jb_method_upcall(inst, nullptr), JB_EINVAL);
    EXPECT_EQ(fn, nullptr) << "untouched on failure";
}

TEST_F(Upcall, ExceptionsBecomeTheLastErrorAndNeverReachC) {
    auto f = upcall<int32_t (*)(int32_t)>(find_static("throwIfNegative", "(I)I", kUp));
    EXPECT_EQ(f(1), 2);
    EXPECT_EQ(jb_upcall_check(), JB_OK);
    EXPECT_EQ(f(-7), 0) << "a throwing call returns zero";
    EXPECT_EQ(jb_upcall_check(), JB_EJAVA);
    EXPECT_EQ(jb_error_code(), JB_EJAVA);
    EXPECT_STREQ(jb_error_java_class(), "java.lang.IllegalStateException");
    EXPECT_STREQ(jb_error_java_message(), "negative: -7");
    EXPECT_TRUE(contains(jb_error_java_stack_trace(), "at dev.javabridge.capi.UpcallTarget.throwIfNegative("))
        << jb_error_java_stack_trace();
    EXPECT_TRUE(contains(jb_error_message(), "calling dev/javabridge/capi/UpcallTarget.throwIfNegative(I)I"))
        << jb_error_message();
    EXPECT_EQ(jb_upcall_check(), JB_OK) << "checking lowers the flag";

    // Errors too (an FFM upcall that throws one would end the JVM), and void methods.
    EXPECT_EQ(upcall<int32_t (*)(int32_t)>(find_static("throwError", "(I)I", kUp))(3), 0);
    EXPECT_EQ(jb_upcall_check(), JB_EJAVA);
    EXPECT_STREQ(jb_error_java_class(), "java.lang.OutOfMemoryError");
    EXPECT_STREQ(jb_error_java_message(), "pretend, 3");
    upcall<void (*)()>(find_static("throwVoid", "()V", kUp))();
    EXPECT_EQ(jb_upcall_check(), JB_EJAVA);
    EXPECT_STREQ(jb_error_java_class(), "java.lang.UnsupportedOperationException");

    // The flag stays raised over later good calls until checked.
    EXPECT_EQ(f(-1), 0);
    EXPECT_EQ(f(10), 11);
    EXPECT_EQ(jb_upcall_check(), JB_EJAVA);
    EXPECT_STREQ(jb_error_java_message(), "negative: -1");

    // The thread and the JVM stay usable; so do ordinary calls.
    jb_method *add = find_static("add", "(II)I", kUp);
    jb_arg args[] = {jb_arg_int32(2), jb_arg_int32(3)};
    int32_t r = 0;
    EXPECT_EQ(jb_call_static_int32(add, args, 2, &r), JB_OK);
    EXPECT_EQ(r, 5);
    // Many throws in a row: nothing accumulates (each is caught and recorded).
    for (int i = 0; i < 20000; i++) ASSERT_EQ(f(-i - 1), 0);
    EXPECT_EQ(jb_upcall_check(), JB_EJAVA);
    EXPECT_STREQ(jb_error_java_message(), "negative: -20000");
}

TEST_F(Upcall, ExceptionsOnOtherThreadsStayOnTheirThread) {
    auto f = upcall<int32_t (*)(int32_t)>(find_static("throwIfNegative", "(I)I", kUp));
    int other = -1;
    std::string other_msg;
    std::thread t([&] {
        f(-5);
        other = jb_upcall_check();
        other_msg = jb_error_java_message() != nullptr ? jb_error_java_message() : "";
    });
    t.join();
    EXPECT_EQ(other, JB_EJAVA);
    EXPECT_EQ(other_msg, "negative: -5");
    EXPECT_EQ(jb_upcall_check(), JB_OK) << "this thread's flag is its own";
}

TEST_F(Upcall, AfterFreeTheKeptPointerIsRefusedNotRun) {
    jb_method *m = find_static("add", "(II)I", kUp);
    auto add = upcall<int32_t (*)(int32_t, int32_t)>(m);
    for (int i = 0; i < 20000; i++) ASSERT_EQ(add(i, 1), i + 1); // compiled by now
    ASSERT_EQ(jb_method_free(m), JB_OK);
    EXPECT_EQ(add(2, 3), 0);
    EXPECT_EQ(jb_upcall_check(), JB_EHANDLE);
    EXPECT_TRUE(contains(jb_error_message(), "after jb_method_free")) << jb_error_message();
    EXPECT_TRUE(contains(jb_error_message(), "UpcallTarget.add(II)I")) << jb_error_message();
    jb_upcall_fn again = nullptr;
    EXPECT_EQ(jb_method_upcall(m, &again), JB_EHANDLE) << "the handle is gone";
    // A new handle of the same method has a new, working pointer; the old one stays refused.
    jb_method *m2 = find_static("add", "(II)I", kUp);
    auto add2 = upcall<int32_t (*)(int32_t, int32_t)>(m2);
    EXPECT_NE(reinterpret_cast<void *>(add2), reinterpret_cast<void *>(add));
    EXPECT_EQ(add2(2, 3), 5);
    EXPECT_EQ(add(2, 3), 0);
    EXPECT_EQ(jb_upcall_check(), JB_EHANDLE);
}

TEST_F(Upcall, FreeWhileOtherThreadsCallNeverCrashes) {
    jb_method *m = find_static("add", "(II)I", kUp);
    auto add = upcall<int32_t (*)(int32_t, int32_t)>(m);
    std::atomic<bool> stop{false};
    std::atomic<long> good{0}, refused{0}, wrong{0};
    std::vector<std::thread> ts;
    for (int k = 0; k < 2; k++) {
        ts.emplace_back([&] {
            while (!stop.load()) {
                int32_t r = add(20, 22);
                int s = jb_upcall_check();
                if (r == 42 && s == JB_OK) good++;
                else if (r == 0 && s == JB_EHANDLE) refused++;
                else wrong++;
            }
        });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    ASSERT_EQ(jb_method_free(m), JB_OK);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    stop = true;
    for (auto &t : ts) t.join();
    EXPECT_GT(good.load(), 0);
    EXPECT_GT(refused.load(), 0) << "calls after the free are refused";
    EXPECT_EQ(wrong.load(), 0);
}

// What a freed pointer keeps (upcall.h): its stub's code. Measured, and bounded, so that the
// header's figure stays true.
TEST_F(Upcall, FreedStubsKeepOnlyTheirCode) {
    jb_method *used = find_static("codeCacheUsed", "()J", kUp);
    auto make_and_free = [](int n) {
        for (int i = 0; i < n; i++) {
            jb_method *m = find_static("add", "(II)I", kUp);
            auto f = upcall<int32_t (*)(int32_t, int32_t)>(m);
            ASSERT_EQ(f(i, 1), i + 1);
            ASSERT_EQ(jb_method_free(m), JB_OK);
        }
    };
    make_and_free(50);
    int64_t before = 0, after = 0;
    ASSERT_EQ(jb_call_static_int64(used, nullptr, 0, &before), JB_OK);
    make_and_free(1000);
    ASSERT_EQ(jb_call_static_int64(used, nullptr, 0, &after), JB_OK);
    double per_stub = double(after - before) / 1000;
    std::printf("code cache per freed upcall stub: %.0f bytes\n", per_stub);
    EXPECT_LT(per_stub, 4096) << "upcall.h says a freed stub keeps a few hundred bytes to a few KiB";
    EXPECT_EQ(jb_upcall_check(), JB_OK);
}

// Thousands of short-lived C threads, never attached by anyone: the JVM attaches each for its
// call and detaches it at thread exit. No Java thread and no memory may accumulate.
TEST_F(Upcall, ThreadChurnLeavesNoThreadsOrMemory) {
    auto add = upcall<int32_t (*)(int32_t, int32_t)>(find_static("add", "(II)I", kUp));
    auto thrower = upcall<int32_t (*)(int32_t)>(find_static("throwIfNegative", "(I)I", kUp));
    std::atomic<int> bad{0};
    // Three kinds: foreign threads; threads javabridge attached first (a jb_call); threads whose
    // call fails (javabridge's per-thread state is made for the last error, and freed at exit).
    jb_method *add_m = find_static("add", "(II)I", kUp);
    auto batch = [&](int n) {
        for (int i = 0; i < n; i += 8) {
            std::vector<std::thread> ts;
            for (int k = 0; k < 8; k++) {
                int kind = (i + k) % 3;
                ts.emplace_back([&, kind, i, k] {
                    if (kind == 1) {
                        jb_arg a[] = {jb_arg_int32(1), jb_arg_int32(1)};
                        int32_t r = 0;
                        if (jb_call_static_int32(add_m, a, 2, &r) != JB_OK || r != 2) bad++;
                    }
                    if (kind == 2) {
                        if (thrower(-1) != 0 || jb_upcall_check() != JB_EJAVA) bad++;
                    } else if (add(i, k) != i + k || jb_upcall_check() != JB_OK) {
                        bad++;
                    }
                });
            }
            for (auto &t : ts) t.join();
        }
    };
    int threads0 = live_threads();
    batch(600); // warms up: the JIT, malloc arenas, thread stacks the system keeps
    long rss1 = rss_kib();
    int threads1 = live_threads();
    batch(3000);
    long rss2 = rss_kib();
    int threads2 = live_threads();
    EXPECT_EQ(bad.load(), 0);
    EXPECT_LE(threads2, threads0 + 2) << "foreign threads detached at exit (before " << threads0 << ", after warm-up "
                                      << threads1 << ")";
    // A leaked Java thread costs well over 100 KiB (its stack, its Thread); 3000 of them would be hundreds of MiB.
    EXPECT_LT(rss2 - rss1, 16 * 1024) << "RSS grew from " << rss1 << " to " << rss2 << " KiB over 3000 threads";
}

// Older JVMs: the API says which JDK it needs, and nothing else changes.
TEST(UpcallJdk17, OlderJvmsGetJbEunsupportedNamingJdk22) {
    jb_vm *vm = open_upcall_vm();
    ASSERT_NE(vm, nullptr);
    jb_method *m = find_static("add", "(II)I", kUp);
    jb_upcall_fn fn = nullptr;
    int rc = jb_method_upcall(m, &fn);
    if (java_feature() >= 22) {
        EXPECT_EQ(rc, JB_OK) << jb_error_message();
    } else {
        EXPECT_EQ(rc, JB_EUNSUPPORTED);
        EXPECT_STREQ(jb_error_name(rc), "JB_EUNSUPPORTED");
        EXPECT_TRUE(contains(jb_error_message(), "JDK 22")) << jb_error_message();
        EXPECT_EQ(fn, nullptr);
        EXPECT_EQ(jb_method_upcall(m, &fn), JB_EUNSUPPORTED) << "asked again, the same answer";
        jb_arg a[] = {jb_arg_int32(1), jb_arg_int32(2)};
        int32_t r = 0;
        EXPECT_EQ(jb_call_static_int32(m, a, 2, &r), JB_OK);
        EXPECT_EQ(r, 3) << "jb_call_* still works";
    }
    EXPECT_EQ(jb_method_free(m), JB_OK);
    EXPECT_EQ(jb_vm_close(vm), JB_OK);
}
