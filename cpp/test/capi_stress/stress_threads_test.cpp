// Thread churn: every cycle is a new OS thread that javabridge attaches on its first call and
// detaches when it exits. Afterwards the JVM has the threads and JNI global references it had
// before, and closing is prompt.
#include "stress_fixture.h"

#include <jni.h>
#include <dlfcn.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

using namespace jbtest;
using namespace jbstress;

namespace {

int cycles_from_env(int fallback) {
    const char *s = std::getenv("JB_STRESS_CYCLES");
    return s != nullptr ? std::atoi(s) : fallback;
}

// kThreads drivers run at once; each starts `cycles` threads one after another, and each of those
// makes three calls (primitive, string, object) and exits.
void churn(int threads, int cycles) {
    auto t_open = std::chrono::steady_clock::now();
    jb_vm *vm = open_vm();
    ASSERT_NE(vm, nullptr);
    jb_method *add = find_static("add", "(II)I");
    jb_method *echo = find_static("echo", "(Ljava/lang/String;)Ljava/lang/String;");
    jb_method *payload = find_static("newPayload", "(I)Ljava/lang/Object;", kStress);
    jb_method *attached_count = find_static("attachedCThreads", "()I");
    (void)t_open;

    // One round first, so that what the JVM creates once (thread group bookkeeping, lazily
    // resolved classes, the MBeans behind the counters) is in the baseline.
    std::thread([&] {
        int32_t r = 0;
        jb_arg two[] = {jb_arg_int32(1), jb_arg_int32(2)};
        EXPECT_EQ(jb_call_static_int32(add, two, 2, &r), JB_OK);
    }).join();
    static_int("jniGlobalRefs");
    const int32_t refs0 = static_int("jniGlobalRefs");
    const int32_t active0 = settle([] { return static_int("activeThreads"); }, static_int("activeThreads"));
    const int32_t jvm0 = static_int("jvmThreads");
    const int32_t attached0 = static_int("attachedCThreads", kTarget);
    ASSERT_GT(refs0, 0) << "this JVM's Thread.print reports no JNI global reference count";

    std::atomic<long> failures{0}, calls{0};
    std::mutex first_lock;
    std::string first;
    auto fail = [&](const std::string &what) {
        if (failures++ == 0) {
            std::lock_guard<std::mutex> g(first_lock);
            first = what;
        }
    };
    auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> drivers;
    for (int t = 0; t < threads; t++) {
        drivers.emplace_back([&, t] {
            for (int c = 0; c < cycles; c++) {
                std::thread worker([&, t, c] {
                    bool is = true;
                    jb_vm_is_attached(&is);
                    if (is) fail("attached before the first call");
                    int32_t r = 0;
                    jb_arg two[] = {jb_arg_int32(t), jb_arg_int32(c)};
                    if (jb_call_static_int32(add, two, 2, &r) != JB_OK || r != t + c)
                        fail(std::string("add: ") + jb_error_message());
                    std::string s = std::to_string(t) + "/" + std::to_string(c);
                    int rc = 0;
                    if (call_string(echo, s, &rc) != s || rc != JB_OK) fail(std::string("echo: ") + jb_error_message());
                    jb_arg i = jb_arg_int32(c);
                    jb_object *o = nullptr;
                    if (jb_call_static_object(payload, &i, 1, &o) != JB_OK || o == nullptr)
                        fail(std::string("payload: ") + jb_error_message());
                    if (jb_object_free(o) != JB_OK) fail("free");
                    jb_vm_is_attached(&is);
                    if (!is) fail("not attached after calls");
                    calls += 3;
                });
                worker.join();
            }
        });
    }
    for (auto &d : drivers) d.join();
    double churn_s = seconds_since(start);

    EXPECT_EQ(failures, 0) << first;
    EXPECT_EQ(calls, 3L * threads * cycles);
    EXPECT_EQ(settle([] { return static_int("attachedCThreads", kTarget); }, attached0), attached0);
    EXPECT_EQ(settle([] { return static_int("activeThreads"); }, active0), active0) << "Thread.activeCount()";
    EXPECT_EQ(settle([] { return static_int("jvmThreads"); }, jvm0), jvm0) << "ThreadMXBean.getThreadCount()";
    int32_t refs1 = settle([] { return static_int("jniGlobalRefs"); }, refs0);
    EXPECT_EQ(refs1, refs0) << "JNI global references before and after";

    jb_method_free(add);
    jb_method_free(echo);
    jb_method_free(payload);
    jb_method_free(attached_count);
    auto t_close = std::chrono::steady_clock::now();
    EXPECT_EQ(jb_vm_close(vm), JB_OK) << jb_error_message();
    double close_s = seconds_since(t_close);
    EXPECT_LT(close_s, 10.0);
    JB_STRESS_FIGURE("%d threads x %d cycles: %ld calls in %.2f s (%.1f us of wall time per thread started), 0 failures=%s, "
                     "global refs %d -> %d, close %.3f s",
                     threads, cycles, calls.load(), churn_s, churn_s * 1e6 / (threads * cycles),
                     failures == 0 ? "yes" : "no", refs0, refs1, close_s);
}

// The owner's own clean-up at thread exit. It re-arms itself once, so its second run comes after
// every other thread-specific destructor of the first round, javabridge's included.
struct Owner {
    JavaVM *jvm;
    pthread_key_t key;
    int runs = 0;
    std::atomic<int> still_attached_at_exit{-1};
    std::atomic<int> detached_by_owner{-1};
};
Owner *owner;

void owner_exit(void *p) {
    auto *o = static_cast<Owner *>(p);
    if (++o->runs == 1) {
        pthread_setspecific(o->key, o);
        return;
    }
    JNIEnv *env = nullptr;
    o->still_attached_at_exit = o->jvm->GetEnv(reinterpret_cast<void **>(&env), JNI_VERSION_1_8) == JNI_OK;
    o->detached_by_owner = o->jvm->DetachCurrentThread() == JNI_OK;
}

}  // namespace

TEST(StressThreads, EightThreadsTwentyThousandCycles) { churn(8, cycles_from_env(20000)); }

TEST(StressThreads, ThirtyTwoThreadsFiveThousandCycles) { churn(32, cycles_from_env(5000)); }

// A thread attached through raw JNI by someone else: javabridge uses it, and when the thread
// exits (javabridge's thread-exit clean-up has run) it is still attached, for its owner to detach.
TEST(StressThreads, SomeoneElsesThreadStaysAttachedThroughItsExit) {
    jb_vm *vm = open_vm();
    ASSERT_NE(vm, nullptr);
    JavaVM *jvm = raw_jvm();
    ASSERT_NE(jvm, nullptr);
    jb_method *add = find_static("add", "(II)I");
    int32_t attached0 = static_int("jvmThreads");
    for (int round = 0; round < 50; round++) {
        Owner o;
        o.jvm = jvm;
        ASSERT_EQ(pthread_key_create(&o.key, owner_exit), 0);
        owner = &o;
        std::thread t([&] {
            JNIEnv *env = nullptr;
            JavaVMAttachArgs args = {JNI_VERSION_1_8, const_cast<char *>("someone-elses-thread"), nullptr};
            ASSERT_EQ(jvm->AttachCurrentThread(reinterpret_cast<void **>(&env), &args), JNI_OK);
            pthread_setspecific(o.key, &o);
            for (int k = 0; k < 100; k++) {
                jb_arg two[] = {jb_arg_int32(k), jb_arg_int32(1)};
                int32_t r = 0;
                ASSERT_EQ(jb_call_static_int32(add, two, 2, &r), JB_OK) << jb_error_message();
                ASSERT_EQ(r, k + 1);
            }
            jb_object *obj = nullptr;
            jb_arg i = jb_arg_int32(round);
            jb_method *payload = find_static("newPayload", "(I)Ljava/lang/Object;", kStress);
            ASSERT_EQ(jb_call_static_object(payload, &i, 1, &obj), JB_OK);
            jb_object_free(obj);
            jb_method_free(payload);
        });
        t.join();
        EXPECT_EQ(o.runs, 2);
        EXPECT_EQ(o.still_attached_at_exit, 1) << "round " << round << ": javabridge detached a thread it did not attach";
        EXPECT_EQ(o.detached_by_owner, 1) << "round " << round;
        pthread_key_delete(o.key);
        if (HasFailure()) break;
    }
    EXPECT_EQ(settle([] { return static_int("jvmThreads"); }, attached0), attached0);
    jb_method_free(add);
    EXPECT_EQ(jb_vm_close(vm), JB_OK);
}
