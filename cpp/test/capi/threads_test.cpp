// Any C thread may call: attached once on first use, detached when it exits; a thread that
// someone else attached is used as it is and never detached by javabridge.
#include "capi_fixture.h"

#include <atomic>
#include <chrono>
#include <dlfcn.h>
#include <jni.h>
#include <pthread.h>
#include <thread>

using namespace jbtest;

namespace {
int32_t attached_c_threads(jb_method *count) {
    int32_t n = -1;
    EXPECT_EQ(jb_call_static_int32(count, nullptr, 0, &n), JB_OK) << jb_error_message();
    return n;
}

// Waits for the JVM to see thread exits (a detach is synchronous, but allow for scheduling).
int32_t settle(jb_method *count, int32_t expected) {
    int32_t n = attached_c_threads(count);
    for (int k = 0; k < 100 && n != expected; k++) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        n = attached_c_threads(count);
    }
    return n;
}

}  // namespace

using Threads = WithVm;

TEST_F(Threads, EightThreadsCallConcurrentlyAndAreDetachedWhenTheyExit) {
    jb_method *count = find_static("attachedCThreads", "()I");
    jb_method *add = find_static("add", "(II)I");
    jb_method *echo = find_static("echo", "(Ljava/lang/String;)Ljava/lang/String;");
    jb_method *iae = find_static("throwIllegalArgument", "(Ljava/lang/String;)I");
    int32_t baseline = attached_c_threads(count);  // this thread itself
    EXPECT_EQ(baseline, 1);
    constexpr int kThreads = 8, kCalls = 5000;
    std::atomic<int> failures{0}, peak_seen{0};
    std::atomic<int> ready{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; t++) {
        threads.emplace_back([&, t] {
            bool attached = true;
            jb_vm_is_attached(&attached);
            if (attached) failures++;  // a fresh thread is not attached before its first call
            for (int k = 0; k < kCalls; k++) {
                jb_arg two[] = {jb_arg_int32(t), jb_arg_int32(k)};
                int32_t r = 0;
                if (jb_call_static_int32(add, two, 2, &r) != JB_OK || r != t + k) failures++;
                if (k % 100 == 0) {
                    std::string s = "thread " + std::to_string(t) + " \xF0\x9F\xA7\xB5";
                    int rc = 0;
                    if (call_string(echo, s, &rc) != s || rc != JB_OK) failures++;
                    jb_arg msg = jb_arg_string("from a thread");
                    if (jb_call_static_int32(iae, &msg, 1, &r) != JB_EJAVA ||
                        std::string(jb_error_java_class()) != "java.lang.IllegalArgumentException")
                        failures++;
                }
            }
            jb_vm_is_attached(&attached);
            if (!attached) failures++;
            // All threads attached at once: the JVM sees each exactly once.
            ready++;
            while (ready < kThreads) std::this_thread::yield();
            int32_t n = 0;
            if (jb_call_static_int32(count, nullptr, 0, &n) == JB_OK) {
                int prev = peak_seen;
                while (n > prev && !peak_seen.compare_exchange_weak(prev, n)) {
                }
            }
        });
    }
    for (auto &th : threads) th.join();
    EXPECT_EQ(failures, 0);
    EXPECT_EQ(peak_seen, baseline + kThreads) << "one attachment per thread, not per call";
    EXPECT_EQ(settle(count, baseline), baseline) << "every thread detached at exit";
}

TEST_F(Threads, ManyShortLivedThreadsLeaveNothingBehind) {
    jb_method *count = find_static("attachedCThreads", "()I");
    jb_method *add = find_static("add", "(II)I");
    int32_t baseline = attached_c_threads(count);
    for (int round = 0; round < 25; round++) {
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; t++) {
            threads.emplace_back([&] {
                jb_arg two[] = {jb_arg_int32(1), jb_arg_int32(1)};
                int32_t r = 0;
                EXPECT_EQ(jb_call_static_int32(add, two, 2, &r), JB_OK);
            });
        }
        for (auto &th : threads) th.join();
    }
    EXPECT_EQ(settle(count, baseline), baseline);
}

TEST_F(Threads, ExplicitDetachAndReattach) {
    jb_method *count = find_static("attachedCThreads", "()I");
    jb_method *add = find_static("add", "(II)I");
    std::thread t([&] {
        jb_arg two[] = {jb_arg_int32(1), jb_arg_int32(1)};
        int32_t r = 0;
        ASSERT_EQ(jb_call_static_int32(add, two, 2, &r), JB_OK);
        bool attached = false;
        jb_vm_is_attached(&attached);
        EXPECT_TRUE(attached);
        EXPECT_EQ(jb_vm_detach_current_thread(), JB_OK);
        jb_vm_is_attached(&attached);
        EXPECT_FALSE(attached);
        ASSERT_EQ(jb_call_static_int32(add, two, 2, &r), JB_OK) << "attached again on demand";
        EXPECT_EQ(r, 2);
    });
    t.join();
    EXPECT_EQ(settle(count, 1), 1);
}

// A thread attached through raw JNI by someone else: javabridge uses it and never detaches it.
TEST_F(Threads, AThreadAttachedBySomeoneElseIsNeverDetached) {
    JavaVM *jvm = raw_jvm();
    ASSERT_NE(jvm, nullptr);
    jb_method *add = find_static("add", "(II)I");
    std::thread t([&] {
        JNIEnv *env = nullptr;
        JavaVMAttachArgs args = {JNI_VERSION_1_8, const_cast<char *>("someone-elses-thread"), nullptr};
        ASSERT_EQ(jvm->AttachCurrentThreadAsDaemon(reinterpret_cast<void **>(&env), &args), JNI_OK);
        jb_arg two[] = {jb_arg_int32(20), jb_arg_int32(22)};
        int32_t r = 0;
        EXPECT_EQ(jb_call_static_int32(add, two, 2, &r), JB_OK);
        EXPECT_EQ(r, 42);
        EXPECT_EQ(jb_vm_detach_current_thread(), JB_OK);  // must not detach: not ours
        JNIEnv *still = nullptr;
        EXPECT_EQ(jvm->GetEnv(reinterpret_cast<void **>(&still), JNI_VERSION_1_8), JNI_OK) << "still attached";
        EXPECT_EQ(still, env);
        EXPECT_EQ(jvm->DetachCurrentThread(), JNI_OK) << "its owner detaches it, once";
    });
    t.join();
}

// jb_method_free while another thread is inside a fast call of that method: the call finishes
// with its real result (the method is kept until the call has left), and later calls are refused.
TEST_F(Threads, AMethodFreedDuringAFastCallOnAnotherThreadOutlivesTheCall) {
    jb_method *sleeper = find_static("sleepThenAdd", "(II)I");
    SleepingCall call(sleeper, 400, 6);
    EXPECT_EQ(jb_method_free(sleeper), JB_OK);
    call.join();
    EXPECT_EQ(call.rc, JB_OK) << jb_error_message();
    EXPECT_EQ(call.result, 7);
    jb_arg args[] = {jb_arg_int32(0), jb_arg_int32(1)};
    int32_t r = 0;
    EXPECT_EQ(jb_call_static_int32(sleeper, args, 2, &r), JB_EHANDLE);
    // The next free finds it unused and destroys it (ASan and valgrind see a use after free,
    // or a leak, if not).
    EXPECT_EQ(jb_method_free(find_static("add", "(II)I")), JB_OK);
}
