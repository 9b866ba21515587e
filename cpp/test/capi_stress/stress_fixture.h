// Helpers shared by the stress suite (jb_capi_stress); the JVM fixtures come from capi_fixture.h.
#ifndef JB_TEST_CAPI_STRESS_FIXTURE_H
#define JB_TEST_CAPI_STRESS_FIXTURE_H

#include "capi_fixture.h"

#include <pthread.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <thread>

namespace jbstress {

constexpr const char *kStress = "dev.javabridge.capi.StressTarget";

// Runs fn on a new thread with a small stack: a StackOverflowError then costs a few thousand
// frames, not the 8 MiB default's hundred thousand. Returns false if the thread did not start.
inline bool run_on_small_stack(const std::function<void()> &fn, size_t stack = 0) {
    if (stack == 0) stack = std::getenv("JB_STRESS_STACK_KIB") ? std::strtoul(std::getenv("JB_STRESS_STACK_KIB"), nullptr, 10) << 10 : 1 << 20;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, stack);
    pthread_t t;
    auto *copy = new std::function<void()>(fn);
    int rc = pthread_create(&t, &attr, [](void *p) -> void * {
        auto *f = static_cast<std::function<void()> *>(p);
        (*f)();
        delete f;
        return nullptr;
    }, copy);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        delete copy;
        return false;
    }
    pthread_join(t, nullptr);
    return true;
}

inline int32_t static_int(const char *name, const char *cls = kStress) {
    jb_method *m = jbtest::find_static(name, "()I", cls);
    int32_t n = -1;
    EXPECT_EQ(jb_call_static_int32(m, nullptr, 0, &n), JB_OK) << name << ": " << jb_error_message();
    jb_method_free(m);
    return n;
}

inline int64_t used_heap_after_gc() {
    jb_method *m = jbtest::find_static("usedHeapAfterGc", "()J", kStress);
    int64_t n = -1;
    EXPECT_EQ(jb_call_static_int64(m, nullptr, 0, &n), JB_OK) << jb_error_message();
    jb_method_free(m);
    return n;
}

// Polls fn until it returns expected (thread exits reach the JVM asynchronously) or 5 s pass.
inline int32_t settle(const std::function<int32_t()> &fn, int32_t expected) {
    int32_t n = fn();
    for (int k = 0; k < 250 && n != expected; k++) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        n = fn();
    }
    return n;
}

inline double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Figures go to stdout, where ctest -V and the report can read them.
#define JB_STRESS_FIGURE(...)        \
    do {                             \
        std::printf("[figure] ");    \
        std::printf(__VA_ARGS__);    \
        std::printf("\n");           \
        std::fflush(stdout);         \
    } while (0)

}  // namespace jbstress

#endif
